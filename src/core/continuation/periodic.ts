/**
 * Periodic orbits by single shooting (Seydel, "Practical Bifurcation and Stability Analysis",
 * §7.3), continued in one axis by the pseudo-arclength stepper. Unknowns y = (x₀, T/T₀, p), the
 * period in units of the first orbit's T₀ so that every unknown is O(1) in the arclength:
 *   φ_T(x₀; p) − x₀ = 0   (the orbit closes after one period; φ the flow, Dormand–Prince)
 *   ⟨F(x_r; p_r), x₀ − x_r⟩ = 0   (x₀ on the section through the last orbit's point x_r,
 *                                    orthogonal to the flow there)
 * The monodromy matrix ∂φ_T/∂x₀ comes with the Jacobian; its eigenvalues are the Floquet
 * multipliers (one is 1, along the flow).
 */
import type { Model } from '../model';
import { solveOde, timeGrid } from '../ode';
import type { Params } from '../params';
import { eigenpairs, eigenvalues, type Stability } from '../stability';
import {
  Arclength,
  type ArclengthOptions,
  type ArclengthProblem,
  correctOnPlane,
} from './arclength';
import { fdJacobian } from './dense';
import { axisValue } from './equilibria';
import { illinois } from './locate';
import { EquilibriumSystem } from './system';
import type { PeriodicBranch, SpecialPoint } from './types';

export interface PeriodicOptions extends ArclengthOptions {
  axis: string;
  range: [number, number];
  /** Orbits per direction (default 100). */
  maxPoints?: number;
  /** Tolerances of the flow (default 1e-10 relative, 1e-12 absolute). */
  rtol?: number;
  atol?: number;
  /** Both directions (default) or one. */
  direction?: 1 | -1 | 0;
  /**
   * Stop where the period exceeds this many times the first orbit's (default 50): the orbits
   * near a homoclinic loop, whose period grows like −log of the distance to it.
   */
  maxPeriodRatio?: number;
}

/**
 * Samples of one period for an orbit's min and max: the sampled extremum misses the true one by
 * at most ≈ (πf/SAMPLES)²/2 of the amplitude for a harmonic f of the period (f = 1: 8·10⁻⁶).
 */
const SAMPLES = 801;

interface Shooting {
  sys: EquilibriumSystem;
  problem: ArclengthProblem;
  /** Move the phase section to the orbit point y (call after each accepted step). */
  anchor(y: Float64Array): void;
  /** One period from x0 at T = ratio·unit, sampled at `samples` times (null if it failed). */
  flow(x0: Float64Array, ratio: number, p: number, samples: number): Float64Array | null;
  unit: number;
}

function shooting(
  model: Model,
  params: Params,
  options: PeriodicOptions,
  /** The period unit T₀. */
  unit: number,
): Shooting {
  const sys = new EquilibriumSystem(model, params, [options.axis]);
  const n = sys.n;
  const rtol = options.rtol ?? 1e-10;
  const atol = options.atol ?? 1e-12;
  const flow = (x0: Float64Array, ratio: number, p: number, samples: number) => {
    if (!(ratio > 0)) return null;
    const T = ratio * unit;
    const sol = solveOde(sys.rhsAt([p]), x0, timeGrid(0, T, samples), { rtol, atol });
    return sol.status === 'done' ? sol.y : null;
  };
  const xRef = new Float64Array(n);
  const fRef = new Float64Array(n);
  const anchor = (y: Float64Array) => {
    xRef.set(y.subarray(0, n));
    sys.fullRhs(xRef, [y[n + 1]!], fRef);
  };
  const problem: ArclengthProblem = {
    equations: n + 1,
    residual: (y, out) => {
      const x0 = y.slice(0, n);
      const end = flow(x0, y[n]!, y[n + 1]!, 2);
      for (let i = 0; i < n; i++) out[i] = end ? end[n + i]! - x0[i]! : Number.NaN;
      let s = 0;
      for (let i = 0; i < n; i++) s += fRef[i]! * (x0[i]! - xRef[i]!);
      out[n] = s;
    },
  };
  return { sys, problem, anchor, flow, unit };
}

/**
 * The orbit's summary: min/max of each variable over one period (801 samples), the Floquet
 * multipliers from the monodromy matrix, and the stability they imply.
 */
function describe(s: Shooting, y: Float64Array) {
  const n = s.sys.n;
  const T = y[n]! * s.unit;
  const p = y[n + 1]!;
  const samples = s.flow(y.slice(0, n), y[n]!, p, SAMPLES);
  const min = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const max = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  if (samples)
    for (let k = 0; k < SAMPLES; k++)
      for (let i = 0; i < n; i++) {
        const v = samples[k * n + i]!;
        min[i] = Math.min(min[i]!, v);
        max[i] = Math.max(max[i]!, v);
      }
  // Monodromy: ∂(φ_T(x₀) − x₀)/∂x₀ + I.
  const G = fdJacobian(s.problem.residual, y, n + 1, 1e-5);
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) M[i * n + j] = G[i * (n + 2) + j]! + (i === j ? 1 : 0);
  const mus = eigenvalues(M, n).map((e) => Math.hypot(e.re, e.im));
  // Leave out the trivial multiplier (the one nearest 1).
  let trivial = 0;
  mus.forEach((m, k) => {
    if (Math.abs(m - 1) < Math.abs(mus[trivial]! - 1)) trivial = k;
  });
  const others = mus.filter((_, k) => k !== trivial);
  const multiplier = others.length ? Math.max(...others) : 0;
  const stability: Stability =
    multiplier < 1 - 1e-6 ? 'stable' : multiplier > 1 + 1e-6 ? 'unstable' : 'marginal';
  return { T, p, min, max, multiplier, stability };
}

function traceOrbits(
  s: Shooting,
  y0: Float64Array,
  dirs: Float64Array[],
  options: PeriodicOptions,
): PeriodicBranch {
  const n = s.sys.n;
  const [lo, hi] = [Math.min(...options.range), Math.max(...options.range)];
  const span = hi - lo;
  const halves: { ys: Float64Array[]; end: string }[] = [];
  for (const dir of dirs) {
    s.anchor(y0);
    const engine = new Arclength(s.problem, y0, dir, {
      step: 0.01 * span,
      maxStep: 0.05 * span,
      minStep: 1e-7 * span,
      tol: 1e-8,
      fdStep: 1e-5,
      ...options,
    });
    const ys = [Float64Array.from(y0)];
    let end = 'max points';
    while (ys.length < (options.maxPoints ?? 100)) {
      if (!engine.step()) {
        end = 'step underflow';
        break;
      }
      const y = engine.y;
      const p = y[n + 1]!;
      if (p < lo || p > hi) {
        const bound = p > hi ? hi : lo;
        const S = engine.prevT.reduce((a, t, i) => a + t * (y[i]! - engine.prevY[i]!), 0);
        const f = (v: number) => (engine.pointAt(v)?.y[n + 1] ?? Number.NaN) - bound;
        const at = illinois(f, 0, engine.prevY[n + 1]! - bound, S, p - bound, 1e-12);
        const last = engine.pointAt(at);
        if (last) ys.push(Float64Array.from(last.y));
        end = 'range';
        break;
      }
      const maxRatio = options.maxPeriodRatio ?? 50;
      if (y[n]! > maxRatio) {
        end = `period grew ${maxRatio}-fold (a homoclinic orbit?)`;
        break;
      }
      ys.push(Float64Array.from(y));
      s.anchor(y);
    }
    halves.push({ ys, end });
  }
  const ys =
    halves.length === 2
      ? [...halves[0]!.ys.slice().reverse(), ...halves[1]!.ys.slice(1)]
      : halves[0]!.ys;
  const ends: [string, string] =
    halves.length === 2 ? [halves[0]!.end, halves[1]!.end] : ['start', halves[0]!.end];
  const rows = ys.map((y) => describe(s, y));
  return {
    axis: options.axis,
    names: s.sys.names,
    p: rows.map((r) => r.p),
    period: rows.map((r) => r.T),
    min: rows.flatMap((r) => r.min),
    max: rows.flatMap((r) => r.max),
    multiplier: rows.map((r) => r.multiplier),
    stability: rows.map((r) => r.stability),
    ends,
  };
}

/**
 * Continue the periodic orbit through x0 with period about `period` (e.g. from a long
 * integration) at the parameters' own axis value.
 */
export function continuePeriodicOrbit(
  model: Model,
  params: Params,
  x0: Float64Array,
  period: number,
  options: PeriodicOptions,
): PeriodicBranch {
  const s = shooting(model, params, options, period);
  const n = s.sys.n;
  const p0 = axisValue(model, params, options.axis);
  const guess = Float64Array.from([...x0, 1, p0]);
  s.anchor(guess);
  const fixP = new Float64Array(n + 2);
  fixP[n + 1] = 1;
  const c = correctOnPlane(s.problem, guess, fixP, guess, 0, {
    tol: 1e-9,
    maxNewton: 12,
    fdStep: 1e-5,
  });
  if (!c.converged) throw new RangeError('shooting did not converge: no periodic orbit near x0');
  const dirs = (options.direction ? [options.direction] : [-1, 1]).map((sign) => {
    const d = new Float64Array(n + 2);
    d[n + 1] = sign;
    return d;
  });
  return traceOrbits(s, c.y, dirs, options);
}

/**
 * The periodic orbits born at an (isolated) Hopf point: the first orbit at amplitude ε along
 * the critical eigenvector's real part (options.amplitude, default 1e-3 of the state's scale),
 * then continued away from the Hopf point.
 */
export function periodicFromHopf(
  model: Model,
  params: Params,
  hopf: SpecialPoint,
  options: PeriodicOptions & { amplitude?: number },
): PeriodicBranch {
  if (hopf.kind !== 'hopf' || !(hopf.omega! > 0)) throw new RangeError('not a Hopf point');
  const T0 = (2 * Math.PI) / hopf.omega!;
  const s = shooting(model, params, options, T0);
  const n = s.sys.n;
  const xH = Float64Array.from(hopf.x);
  const A = s.sys.fullJacobian(xH, [hopf.p]);
  // The linearised orbit is x_H + ε(v cos ωt − w sin ωt) for the eigenvector v + iw: it starts
  // at x_H + εv.
  const v = criticalRealPart(A, n, hopf.omega!);
  let scale = 1;
  for (const x of xH) scale = Math.max(scale, Math.abs(x));
  const eps = options.amplitude ?? 1e-3 * scale;
  const guess = Float64Array.from([...xH.map((x, i) => x + eps * v[i]!), 1, hopf.p]);
  s.anchor(guess);
  const border = Float64Array.from([...v, 0, 0]);
  const anchorY = Float64Array.from([...xH, 1, hopf.p]);
  const c = correctOnPlane(s.problem, guess, border, anchorY, eps, {
    tol: 1e-9,
    maxNewton: 12,
    fdStep: 1e-5,
  });
  if (!c.converged) throw new RangeError('shooting from the Hopf point did not converge');
  return traceOrbits(s, c.y, [border], { ...options, direction: 1 });
}

/** The unit real part of the eigenvector of A for the eigenvalue nearest iω. */
export function criticalRealPart(A: Float64Array, n: number, omega: number): Float64Array {
  let best = eigenpairs(A, n)[0]!;
  for (const e of eigenpairs(A, n))
    if (Math.hypot(e.re, e.im - omega) < Math.hypot(best.re, best.im - omega)) best = e;
  let l = 0;
  for (const x of best.vRe) l += x * x;
  l = Math.sqrt(l);
  return Float64Array.from(best.vRe, (x) => x / l);
}
