/**
 * Fixed points and phases of a model at one parameter point: the generic engine
 * (fixedPoints.ts) fed with the model's theory (starts, type names, phase rule), and the
 * late-time variation of its ODE (Fig. 3(b) of the GAN paper). Shared by the CLI, the workers
 * and the tests.
 */
import {
  eigenvalues,
  type FamilySample,
  filippovRhs,
  findFixedPointsInSteps,
  type FixedPoint,
  gridStarts,
  jacobian,
  newtonSolve,
  randomStarts,
  sampleFamily,
} from './fixedPoints';
import type { Model, ScanSpec } from './model';
import type { AbortSignalLike } from './ode';
import { num, type Params } from './params';
import { lateTimeVariation, runOde } from './run';
import { settleOde, type SettleResult } from './settle';
import { serializeState } from './state';
import { drain } from './steps';

export interface TypedFixedPoint extends FixedPoint {
  /** The model's name for it (e.g. 'type 3'), if it has one. */
  type: string | null;
}

export interface TypedFamily {
  dimension: number;
  extent: [number, number];
  /** Evenly spaced points along the family, each with its (transverse) stability. */
  samples: (FamilySample & { type: string | null })[];
}

export interface FixedPointAnalysis {
  names: string[];
  points: TypedFixedPoint[];
  families: TypedFamily[];
  /** Types (or kinds, when the model names none) of the stable points and family samples. */
  stableTypes: string[];
}

export interface AnalysisOptions {
  /** Grid starts per axis on the theory's box (default 3; 0 = candidates only). */
  perAxis?: number;
  familySamples?: number;
  signal?: AbortSignalLike;
}

/** Find, classify and name the fixed points of the model's ODE at these parameters. */
export function analyzeFixedPoints(
  model: Model,
  params: Params,
  options: AnalysisOptions = {},
): FixedPointAnalysis {
  return drain(analyzeFixedPointsInSteps(model, params, options));
}

/** analyzeFixedPoints in steps (findFixedPointsInSteps), for a worker that answers cancels. */
export function* analyzeFixedPointsInSteps(
  model: Model,
  params: Params,
  options: AnalysisOptions = {},
): Generator<void, FixedPointAnalysis> {
  const rhs = model.rhs(params);
  const names = model.stateNames(params);
  const dim = names.length;
  const theory = model.theory;
  const box = theory?.fixedPointStarts(params) ?? {
    lo: new Array<number>(dim).fill(-1),
    hi: new Array<number>(dim).fill(1),
    candidates: [],
  };
  const perAxis = options.perAxis ?? (box.complete ? 0 : 3);
  // A grid of starts while it stays small; in higher dimensions seeded random starts instead.
  const grid = perAxis > 0 && Math.pow(perAxis, dim) <= 4096;
  const starts = [
    ...box.candidates,
    model.initialState(params),
    ...(grid
      ? gridStarts(box.lo, box.hi, perAxis)
      : perAxis > 0
        ? randomStarts(box.lo, box.hi, 60 * perAxis)
        : []),
  ];
  const piecewise = model.piecewise?.(params) ?? undefined;
  const analytic = model.jacobian?.(params);
  // With jumps, roots are sought in the Filippov field (a smooth rhs is its own).
  const report = yield* findFixedPointsInSteps(piecewise ? filippovRhs(piecewise) : rhs, dim, {
    starts,
    signal: options.signal,
    piecewise,
    analyticJacobian: analytic && ((x, J) => analytic(0, x, J)),
  });
  const typeOf = (x: Float64Array) => theory?.fixedPointType?.(params, x) ?? null;
  const ok = (x: Float64Array) => theory?.admissible?.(params, x) ?? true;
  const points = report.points.filter((p) => ok(p.x)).map((p) => ({ ...p, type: typeOf(p.x) }));
  const families: TypedFamily[] = [];
  for (const f of report.families) {
    yield;
    const samples = sampleFamily(rhs, f, options.familySamples ?? 41)
      .filter((s) => ok(s.x))
      .map((s) => ({ ...s, type: typeOf(s.x) }));
    if (samples.length > 0) families.push({ dimension: f.dimension, extent: f.extent, samples });
  }
  const stable = new Set<string>();
  for (const p of points) if (p.stability === 'stable') stable.add(p.type ?? p.kind);
  for (const f of families)
    for (const s of f.samples) if (s.stability === 'stable') stable.add(s.type ?? s.kind);
  return { names, points, families, stableTypes: [...stable].sort() };
}

export interface PhaseCell {
  label: string;
  /** Late-time variation of the ODE from the initial state (Fig. 3(b)'s grey scale). */
  variation: number;
  stableTypes: string[];
  /** How the ODE settled, for models whose theory asks for the settle test (theory.settle). */
  settled?: SettleResult;
}

/**
 * The phase of one parameter point: the stable fixed-point types, and the variation of the ODE
 * over the last fifth of [0, T] (T = 1000 by default, as Fig. 3(b) integrates 800–1000).
 */
export function phaseCell(
  model: Model,
  params: Params,
  options: AnalysisOptions & { T?: number } = {},
): PhaseCell {
  const T = options.T ?? Math.max(num(params, 'T'), model.theory?.settleTime?.(params) ?? 1000);
  const p = { ...params, T };
  const needFixedPoints = model.theory?.phaseUsesFixedPoints?.(p) ?? true;
  // With closed-form candidates from the theory, a grid of extra starts adds cost, not points.
  const hasCandidates = (model.theory?.fixedPointStarts(p).candidates.length ?? 0) > 0;
  const fp = needFixedPoints
    ? analyzeFixedPoints(model, p, {
        perAxis: options.perAxis ?? (hasCandidates ? 0 : 2),
        familySamples: 21,
      })
    : { stableTypes: [] as string[] };
  const settleOptions = model.theory?.settle?.(p) ?? null;
  if (settleOptions) {
    const settled = settleOde(model, p, { ...settleOptions, signal: options.signal });
    const label =
      settled.status === 'diverged' || settled.status === 'unsettled'
        ? settled.status
        : (model.theory?.phase?.(p, fp.stableTypes, settled.variation, settled.final, settled) ??
          fp.stableTypes.join('+'));
    return { label, variation: settled.variation, stableTypes: fp.stableTypes, settled };
  }
  // Only the late window is measured: sample t = 0 and 101 times on [0.8T, T].
  const times = new Float64Array(102);
  for (let k = 0; k <= 100; k++) times[k + 1] = 0.8 * T + (0.2 * T * k) / 100;
  const ode = runOde(model, p, { times });
  const series = model.theory?.variationSeries?.(p) ?? ode.names;
  const variation =
    ode.status === 'done'
      ? lateTimeVariation(
          ode,
          series.filter((s) => ode.names.includes(s)),
          0.8 * T,
          T,
        )
      : Number.NaN;
  const final = ode.y.slice((ode.t.length - 1) * ode.names.length);
  const label =
    ode.status === 'diverged'
      ? 'diverged'
      : (model.theory?.phase?.(p, fp.stableTypes, variation, final) ?? fp.stableTypes.join('+'));
  return { label, variation, stableTypes: fp.stableTypes };
}

/** Set one axis value: a parameter directly, or through the model's derived axis (α = τ̃/τ). */
export function setAxis(model: Model, params: Params, key: string, value: number): void {
  const derived = model.theory?.derivedAxes?.find((a) => a.key === key);
  // A linked slider (the GAN's η sets η_T and η_G) sets every parameter it stands for.
  const alias = model.aliases?.find((a) => a.key === key);
  if (derived) derived.apply(params, value);
  else if (alias) for (const t of alias.targets) params[t] = value;
  else params[key] = value;
}

/**
 * The state string with one axis (a parameter or a derived axis such as the contrastive m₂) set
 * to a value, re-validated by the codec: what an overlay curve or its SGD runs at that value use.
 */
export function stateWithAxis(model: Model, params: Params, key: string, value: number): string {
  const p = { ...params };
  setAxis(model, p, key, value);
  return serializeState(model, p);
}

/**
 * A 1-parameter scan (Fig. 2 of the VAE paper): for each value of one axis, the state the ODE
 * settles to (run to max(T, settleTime)) and its phase; with a convergence-time measure (the VAE's
 * Fig. 3), the time after which the spec's series stays within the tolerance of its settled value.
 */
export function scan1d(
  model: Model,
  params: Params,
  axis: { param: string; values: number[] },
  spec?: ScanSpec,
): {
  names: string[];
  final: Float64Array[];
  labels: string[];
  measured: number[];
  reference: number | null;
} {
  const final: Float64Array[] = [];
  const labels: string[] = [];
  const measured: number[] = [];
  let names: string[] = [];
  const measure = spec?.measure ?? { kind: 'settled' };
  const base = { ...params, ...(spec?.fixed ?? {}) };
  const measureAt = (p: Params): number => {
    if (measure.kind === 'settled') {
      const T = Math.max(num(p, 'T'), model.theory?.settleTime?.(p) ?? 1000);
      const ode = runOde(model, { ...p, T }, { samples: 2 });
      names = ode.names;
      final.push(ode.y.slice((ode.t.length - 1) * ode.names.length));
      labels.push(model.theory?.phase ? phaseCell(model, p).label : '');
      const i = spec ? ode.names.indexOf(spec.series) : -1;
      return i < 0 ? Number.NaN : final[final.length - 1]![i]!;
    }
    if (measure.kind === 'leadingEigenvalue') {
      const r = leadingEigenvalueAtSettled(model, p);
      names = r.names;
      final.push(r.state);
      labels.push(model.theory?.phase ? phaseCell(model, p).label : '');
      return r.value / (measure.per === undefined ? 1 : num(p, measure.per));
    }
    const r = convergenceTime(model, p, spec!.series, measure.tolerance);
    names = r.names;
    final.push(r.final);
    labels.push('');
    return r.time;
  };
  for (const value of axis.values) {
    const p = { ...base };
    setAxis(model, p, axis.param, value);
    measured.push(measureAt(p));
  }
  let reference: number | null = null;
  if (spec?.reference) {
    const p = { ...params };
    spec.reference.apply(p);
    const keep = { final: final.length };
    reference = measureAt(p);
    final.length = keep.final; // the reference is not a scan point
    labels.length = keep.final;
  }
  return { names, final, labels, measured, reference };
}

/**
 * The time after which `series` stays within `tolerance` of the value it settles to: the ODE is
 * run to max(T, settleTime), doubled (up to 6 times) until the last quarter of the run varies by
 * less than a tenth of the tolerance; the crossing is interpolated between samples.
 */
export function convergenceTime(
  model: Model,
  params: Params,
  series: string,
  tolerance: number,
): { time: number; names: string[]; final: Float64Array } {
  let T = Math.max(num(params, 'T'), model.theory?.settleTime?.(params) ?? 1000);
  const samples = 4001;
  let names: string[] = [];
  let last = new Float64Array(0);
  for (let attempt = 0; attempt < 7; attempt++, T *= 2) {
    const ode = runOde(model, { ...params, T }, { samples });
    names = ode.names;
    const m = ode.names.length;
    const n = ode.t.length;
    last = ode.y.slice((n - 1) * m);
    const i = ode.names.indexOf(series);
    if (i < 0 || ode.status !== 'done') break;
    const v = (k: number) => ode.y[k * m + i]!;
    const settled = v(n - 1);
    let settledLate = true;
    for (let k = Math.floor(0.75 * n); k < n; k++)
      if (Math.abs(v(k) - settled) > tolerance / 10) settledLate = false;
    if (!settledLate) continue;
    let j = n - 1;
    while (j >= 0 && Math.abs(v(j) - settled) <= tolerance) j--;
    if (j < 0) return { time: 0, names, final: last };
    // |v − settled| crosses the tolerance between samples j and j + 1.
    const a = Math.abs(v(j) - settled) - tolerance;
    const b = Math.abs(v(j + 1) - settled) - tolerance;
    const t0 = ode.t[j]!;
    const t1 = ode.t[j + 1]!;
    return { time: t0 + ((t1 - t0) * a) / (a - b), names, final: last };
  }
  return { time: Number.NaN, names, final: last };
}

/**
 * The largest real part of the Jacobian's eigenvalues at the state the ODE settles to: run to
 * max(T, settleTime), refined by Newton (so a slow, algebraic approach near a marginal point does
 * not bias the eigenvalues), the model's analytic Jacobian when it has one. NaN when the ODE
 * diverges or Newton does not converge.
 */
export function leadingEigenvalueAtSettled(
  model: Model,
  params: Params,
): { value: number; names: string[]; state: Float64Array } {
  const T = Math.max(num(params, 'T'), model.theory?.settleTime?.(params) ?? 1000);
  const p = { ...params, T };
  const ode = runOde(model, p, { samples: 2 });
  const dim = model.stateNames(p).length;
  const m = ode.names.length;
  const end = ode.y.slice((ode.t.length - 1) * m, (ode.t.length - 1) * m + dim);
  const rhs = model.rhs(p);
  // Non-autonomous schedules (annealed β) are evaluated at the end time: their fixed point is
  // that of the schedule's limit.
  const atT: typeof rhs = (_t, x, out) => rhs(T, x, out);
  const analytic = model.jacobian?.(p);
  const jac = analytic ? (x: Float64Array, out: Float64Array) => analytic(T, x, out) : undefined;
  const solved = ode.status === 'done' ? newtonSolve(atT, end, { analyticJacobian: jac }) : null;
  if (!solved?.converged) return { value: Number.NaN, names: ode.names, state: end };
  const eigs = eigenvalues(jacobian(atT, solved.x, { analytic: jac }), dim);
  let value = Number.NEGATIVE_INFINITY;
  for (const e of eigs) value = Math.max(value, e.re);
  // The observables (e.g. ε_g) of the refined state, after the state variables, like runOde's rows.
  const obs = model.observables?.(p);
  const state = new Float64Array(m);
  state.set(solved.x);
  if (obs) obs.compute(T, solved.x, state.subarray(dim));
  return { value, names: ode.names, state };
}
