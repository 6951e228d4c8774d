/**
 * One-parameter continuation of equilibria with detection and location of folds, Hopf points
 * and branch points, and switching at a branch point (docs/continuation.md).
 */
import type { Model } from '../model';
import { newtonSolve } from '../newton';
import type { Params } from '../params';
import { classify, type Eigenvalue, eigenvalues, type Stability } from '../stability';
import {
  Arclength,
  type ArclengthOptions,
  type ArclengthProblem,
  correctOnPlane,
} from './arclength';
import { lyapunovCoefficient } from './hopf';
import { illinois } from './locate';
import { axisValue, equilibriumProblem, systemAt, transverse } from './problem';
import { branchDirection } from './switching';
import { EquilibriumSystem, relativeSmallestSingular } from './system';
import type { Branch, SpecialPoint } from './types';

export { axisValue, equilibriumProblem, systemAt, transverse } from './problem';

export interface EquilibriumOptions extends ArclengthOptions {
  /** The axis to continue along: a parameter key or a derived axis (e.g. 'alpha'). */
  axis: string;
  /** The axis range; the branch stops where it leaves it. */
  range: [number, number];
  /** Points per direction (default 400). */
  maxPoints?: number;
  /** Both directions (default), or only increasing (+1) / decreasing (−1) arclength. */
  direction?: 1 | -1 | 0;
}

interface Record {
  y: Float64Array;
  x: Float64Array;
  p: number;
  eigs: Eigenvalue[];
  stability: Stability;
  leading: number;
  /** Complex transverse eigenvalues (Im > 0) with Re > 0. */
  hopfCount: number;
  /** Re of the complex transverse eigenvalue nearest the imaginary axis (NaN: none). */
  hopfPsi: number;
  /** dp/ds: changes sign at a fold. */
  fold: number;
  /** det [∂G/∂y; tᵀ]: changes sign at a branch point. */
  det: number;
}

/** |dp/ds| below this on consecutive points: the branch runs at one parameter value. */
const VERTICAL = 1e-7;

/** A located fold must have σ_min/σ_max of ∂F/∂x below this. */
const FOLD_TOL = 1e-6;

/** The relative size of Im λ below which an eigenvalue counts as real. */
const REAL_TOL = 1e-8;

/**
 * Continue the equilibrium x0 of `model` at `params` along options.axis over options.range.
 * x0 is first polished by Newton; it must be an equilibrium (or close to one).
 */
export function continueEquilibrium(
  model: Model,
  params: Params,
  x0: Float64Array,
  options: EquilibriumOptions,
): Branch {
  const p0 = axisValue(model, params, options.axis);
  const [lo, hi] = options.range;
  if (!(p0 >= Math.min(lo, hi) && p0 <= Math.max(lo, hi))) {
    throw new RangeError(
      `the start value ${options.axis} = ${p0} is outside the range [${lo}, ${hi}]`,
    );
  }
  const plain = new EquilibriumSystem(model, params, [options.axis]);
  const polish = newtonSolve(plain.rhsAt([p0]), x0);
  if (!polish.converged) {
    throw new RangeError(
      `the start state is not an equilibrium at ${options.axis} = ${p0} (|F| = ${polish.residual.toExponential(2)})`,
    );
  }
  return traceBranch(model, params, polish.x, p0, null, options);
}

/**
 * Switch at a branch point onto the other branch and continue it (both directions from a point
 * a small step along the branch-point direction).
 */
export function continueFromBranchPoint(
  model: Model,
  params: Params,
  bp: SpecialPoint,
  options: EquilibriumOptions,
): Branch {
  if (bp.kind !== 'branch-point' || !bp.direction) {
    throw new RangeError('continueFromBranchPoint needs a branch point with a direction');
  }
  return traceBranch(
    model,
    params,
    Float64Array.from(bp.x),
    bp.p,
    Float64Array.from(bp.direction),
    options,
  );
}

function traceBranch(
  model: Model,
  params: Params,
  xStart: Float64Array,
  pStart: number,
  /** From a branch point: the new branch's direction in (x, p). */
  bpDirection: Float64Array | null,
  options: EquilibriumOptions,
): Branch {
  const [lo, hi] = [Math.min(...options.range), Math.max(...options.range)];
  const span = hi - lo;
  const base = { ...params };
  let x = xStart;
  let p = pStart;
  let sysInfo: { sys: EquilibriumSystem; k: number };
  if (bpDirection) {
    // Step off the branch point along the new branch, on the plane at that distance.
    const plain = new EquilibriumSystem(model, base, [options.axis]);
    const y0 = Float64Array.from([...xStart, pStart]);
    const step = options.step ?? 0.01;
    const guess = Float64Array.from(y0, (v, i) => v + step * bpDirection[i]!);
    const prob = equilibriumProblem(plain);
    // A parameter that reaches the model only through rounded text (the contrastive m₂ is
    // written into the law with 10 digits) can stall Newton just above 1e-10: retry looser.
    const c =
      correctFrom(prob, guess, bpDirection, y0, step, options) ??
      correctFrom(prob, guess, bpDirection, y0, step, { ...options, tol: 1e-8 });
    if (!c) throw new RangeError('could not step off the branch point onto the other branch');
    x = c.subarray(0, plain.n).slice();
    p = c[plain.n]!;
    sysInfo = systemAt(model, base, options.axis, x, p, span);
  } else {
    sysInfo = systemAt(model, base, options.axis, x, p, span);
  }
  const { sys, k } = sysInfo;
  const m = sys.size;
  const problem = equilibriumProblem(sys);
  const y0 = Float64Array.from([...sys.restrict(x), p]);
  const dirs: (1 | -1)[] = options.direction ? [options.direction] : [-1, 1];
  const halves: { recs: Record[]; special: SpecialPoint[]; end: string }[] = [];
  for (const sign of dirs) {
    const dir = new Float64Array(m + 1);
    if (bpDirection) {
      sys.free.forEach((i, a) => (dir[a] = sign * bpDirection[i]!));
      dir[m] = sign * bpDirection[sys.n]!;
    } else dir[m] = sign;
    halves.push(trace(sys, k, problem, y0, dir, lo, hi, options));
  }
  // Join: the backward half reversed, then the forward half without its repeated start.
  const recs: Record[] = [];
  const special: SpecialPoint[] = [];
  let ends: [string, string];
  if (halves.length === 2) {
    const [back, fwd] = halves as [(typeof halves)[0], (typeof halves)[0]];
    const nb = back.recs.length;
    recs.push(...back.recs.slice().reverse(), ...fwd.recs.slice(1));
    for (const s of back.special) special.push({ ...s, index: nb - s.index });
    for (const s of fwd.special) special.push({ ...s, index: nb - 1 + s.index });
    ends = [back.end, fwd.end];
  } else {
    const only = halves[0]!;
    recs.push(...only.recs);
    special.push(...only.special);
    ends = ['start', only.end];
  }
  special.sort((a, b) => a.index - b.index);
  // At a symmetric pitchfork the branch through it also turns (dp/ds = 0 there): that is the
  // branch point itself, not a separate fold.
  const near = (a: SpecialPoint, b: SpecialPoint) =>
    Math.hypot(a.p - b.p, ...a.x.map((v, i) => v - b.x[i]!)) < 1e-4 * Math.max(1, span);
  const points = special.filter(
    (s) => s.kind !== 'fold' || !special.some((b) => b.kind === 'branch-point' && near(s, b)),
  );
  return {
    axis: options.axis,
    names: sys.names,
    p: recs.map((r) => r.p),
    x: recs.flatMap((r) => Array.from(r.x)),
    eigRe: recs.flatMap((r) => r.eigs.map((e) => e.re)),
    eigIm: recs.flatMap((r) => r.eigs.map((e) => e.im)),
    stability: recs.map((r) => r.stability),
    leading: recs.map((r) => r.leading),
    special: points,
    family: k > 0 ? { dimension: k, pinned: sys.pins.map((q) => sys.names[q.index]!) } : null,
    ends,
  };
}

function correctFrom(
  problem: ArclengthProblem,
  guess: Float64Array,
  t: Float64Array,
  anchor: Float64Array,
  s: number,
  options: ArclengthOptions,
): Float64Array | null {
  const c = correctOnPlane(problem, guess, t, anchor, s, options);
  return c.converged ? c.y : null;
}

function trace(
  sys: EquilibriumSystem,
  k: number,
  problem: ArclengthProblem,
  y0: Float64Array,
  direction: Float64Array,
  lo: number,
  hi: number,
  options: EquilibriumOptions,
): { recs: Record[]; special: SpecialPoint[]; end: string } {
  const m = sys.size;
  const n = sys.n;
  const span = hi - lo;
  const engine = new Arclength(problem, y0, direction, {
    step: options.step ?? 0.01 * span,
    maxStep: options.maxStep ?? 0.02 * span,
    minStep: options.minStep ?? 1e-8 * span,
    ...options,
  });
  const analyse = (y: Float64Array, t: Float64Array, det: number): Record => {
    const p = y[m]!;
    const x = sys.embed(y.subarray(0, m));
    const eigs = eigenvalues(sys.fullJacobian(x, [p]), n);
    const trans = transverse(eigs, k);
    let scale = 1;
    for (const e of trans) scale = Math.max(scale, Math.hypot(e.re, e.im));
    let hopfCount = 0;
    let hopfPsi = Number.NaN;
    let leading = Number.NEGATIVE_INFINITY;
    for (const e of trans) {
      leading = Math.max(leading, e.re);
      if (e.im > REAL_TOL * scale) {
        if (e.re > 0) hopfCount++;
        if (!(Math.abs(e.re) >= Math.abs(hopfPsi))) hopfPsi = e.re;
      }
    }
    return {
      y: Float64Array.from(y),
      x,
      p,
      eigs,
      stability: classify(trans).stability,
      leading,
      hopfCount,
      hopfPsi,
      fold: t[m]!,
      det,
    };
  };
  const recs: Record[] = [analyse(engine.y, engine.t, engine.det)];
  const special: SpecialPoint[] = [];
  const maxPoints = options.maxPoints ?? 400;
  const sTol = 1e-12 * Math.max(1, span);
  const at = (s: number) => {
    const q = engine.pointAt(s);
    return q ? analyse(q.y, q.t, q.det) : null;
  };
  const start = recs[0]!;
  let end = 'max points';
  let vertical = 0;
  while (recs.length < maxPoints) {
    if (!engine.step()) {
      end = 'step underflow';
      break;
    }
    const rec = analyse(engine.y, engine.t, engine.det);
    const prev = recs[recs.length - 1]!;
    const S = dot(engine.prevT, engine.y, engine.prevY);
    // The range: stop exactly at its end.
    if (rec.p < lo || rec.p > hi) {
      const bound = rec.p > hi ? hi : lo;
      const s = illinois(
        (v) => (at(v)?.p ?? Number.NaN) - bound,
        0,
        prev.p - bound,
        S,
        rec.p - bound,
        sTol,
      );
      const last = at(s);
      if (last) {
        detect(prev, last, s);
        recs.push(last);
      }
      end = 'range';
      break;
    }
    const params = sys.paramsAt([rec.p]);
    if (sys.model.theory?.admissible && !sys.model.theory.admissible(params, rec.x)) {
      end = 'domain';
      break;
    }
    if (k > 0 && sys.droppedResidual(rec.x, [rec.p]) > 1e-8 * Math.max(1, rec.leading)) {
      end = 'family ended';
      break;
    }
    // Running along a continuum of equilibria that exists at this parameter value only (the
    // contrastive Q₁ + Q₂ line when the two laws are equal and only one of them changes): dp/ds
    // stays at zero, so its sign is noise, not a fold.
    if (Math.abs(prev.fold) < VERTICAL && Math.abs(rec.fold) < VERTICAL) {
      vertical++;
      if (vertical >= 3) {
        recs.push(rec);
        end = 'a continuum of equilibria at this parameter value only';
        break;
      }
      recs.push(rec);
      continue;
    }
    vertical = 0;
    detect(prev, rec, S);
    recs.push(rec);
    // A closed loop: back at the start after going round.
    if (recs.length > 10 && dist(rec.y, start.y) < 0.5 * engine.h) {
      end = 'closed loop';
      break;
    }
  }
  return { recs, special, end };

  function detect(prev: Record, rec: Record, S: number) {
    const index = recs.length; // the special point lies before the point about to be pushed
    const found: { s: number; kind: SpecialPoint['kind'] }[] = [];
    if (Math.sign(prev.fold) * Math.sign(rec.fold) < 0) {
      found.push({
        kind: 'fold',
        s: illinois((v) => at(v)?.fold ?? Number.NaN, 0, prev.fold, S, rec.fold, sTol),
      });
    }
    if (Math.sign(prev.det) * Math.sign(rec.det) < 0) {
      found.push({
        kind: 'branch-point',
        s: illinois((v) => at(v)?.det ?? Number.NaN, 0, prev.det, S, rec.det, sTol),
      });
    }
    if (
      prev.hopfCount !== rec.hopfCount &&
      Number.isFinite(prev.hopfPsi) &&
      Number.isFinite(rec.hopfPsi) &&
      Math.sign(prev.hopfPsi) * Math.sign(rec.hopfPsi) < 0
    ) {
      found.push({
        kind: 'hopf',
        s: illinois((v) => at(v)?.hopfPsi ?? Number.NaN, 0, prev.hopfPsi, S, rec.hopfPsi, sTol),
      });
    }
    for (const f of found.sort((a, b) => a.s - b.s)) {
      const q = engine.pointAt(f.s);
      if (!q) continue;
      const r = analyse(q.y, q.t, q.det);
      // dp/ds also changes sign when a corrector near a branch point lands on the crossing
      // branch and the run turns back along it (seen on the VAE's pitchfork at τ = 0.01): a
      // real fold has a singular ∂F/∂x, that turn does not.
      if (
        f.kind === 'fold' &&
        relativeSmallestSingular(sys.reducedJacobian(q.y.subarray(0, m), [r.p]), m) > FOLD_TOL
      ) {
        continue;
      }
      const point: SpecialPoint = {
        kind: f.kind,
        p: r.p,
        x: Array.from(r.x),
        eigenvalues: r.eigs,
        index,
      };
      if (f.kind === 'hopf') {
        point.omega = omegaOf(transverse(r.eigs, k));
        if (k > 0) {
          point.lyapunov = null;
          point.criticality = null;
        } else {
          const l1 = lyapunovCoefficient(
            (x, out) => sys.fullRhs(x, [r.p], out),
            r.x,
            sys.fullJacobian(r.x, [r.p]),
          );
          point.lyapunov = l1;
          point.criticality = Number.isFinite(l1)
            ? l1 < 0
              ? 'supercritical'
              : 'subcritical'
            : null;
        }
      }
      if (f.kind === 'branch-point') {
        const d = branchDirection(problem, q.y, q.t);
        if (d) {
          const full = new Array<number>(n + 1).fill(0);
          sys.free.forEach((i, a) => (full[i] = d[a]!));
          full[n] = d[m]!;
          point.direction = full;
        }
      }
      special.push(point);
    }
  }
}

function omegaOf(eigs: Eigenvalue[]): number {
  let best: Eigenvalue | null = null;
  for (const e of eigs) if (e.im > 0 && (!best || Math.abs(e.re) < Math.abs(best.re))) best = e;
  return best ? best.im : Number.NaN;
}

function dot(t: Float64Array, y: Float64Array, y0: Float64Array): number {
  let s = 0;
  for (let i = 0; i < t.length; i++) s += t[i]! * (y[i]! - y0[i]!);
  return s;
}

function dist(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}
