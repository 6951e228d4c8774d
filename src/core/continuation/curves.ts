/**
 * Two-parameter continuation of fold and Hopf points (Govaerts, "Numerical Methods for
 * Bifurcations of Dynamical Equilibria", 2000, §4.1 and §4.4: the standard augmented systems):
 *   fold: F(x; p) = 0, J v = 0, ⟨v₀, v⟩ = 1                       unknowns (x, v, p₁, p₂);
 *   Hopf: F(x; p) = 0, (J² + κI) v = 0, ⟨v₀, v⟩ = 1, ⟨v₀, J v⟩ = 0  unknowns (x, v, κ, p₁, p₂),
 * with J = ∂F/∂x and κ = ω². Each is one equation short of square, so the same pseudo-arclength
 * stepper traces its solution curve, here in the (p₁, p₂) plane. On a family of equilibria the
 * family's coordinates stay pinned (system.ts), and J is the pinned system's Jacobian.
 */
import type { Model } from '../model';
import type { Params } from '../params';
import { eigenpairs } from '../stability';
import { Arclength, type ArclengthOptions, type ArclengthProblem } from './arclength';
import { axisValue, systemAt } from './equilibria';
import { illinois } from './locate';
import { EquilibriumSystem, smallestRightSingular } from './system';
import type { Curve, SpecialPoint } from './types';

export interface CurveOptions extends ArclengthOptions {
  /** The branch's axis first (the special point's p), then the second axis. */
  axes: [string, string];
  ranges: [[number, number], [number, number]];
  /** Points per direction (default 400). */
  maxPoints?: number;
}

function matVec(J: Float64Array, v: ArrayLike<number>, m: number, out: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += J[i * m + j]! * v[j]!;
    out[i] = s;
  }
}

/** The system in both axes, pinned like the branch's at the special point. */
function curveSystem(
  model: Model,
  params: Params,
  point: SpecialPoint,
  options: CurveOptions,
): { sys: EquilibriumSystem; p2: number } {
  const [a1, a2] = options.axes;
  const span = Math.abs(options.ranges[0][1] - options.ranges[0][0]);
  const x = Float64Array.from(point.x);
  const { sys } = systemAt(model, params, a1, x, point.p, span);
  // p₂ at the special point itself: along a derived axis (the GAN's α = τ̃/τ) the one-axis line
  // moves p₂ too, so the current state's p₂ would start the curve off it.
  const p2 = axisValue(model, sys.paramsAt([point.p]), a2);
  return {
    sys: new EquilibriumSystem(model, params, [a1, a2], sys.pins, sys.dropped),
    p2,
  };
}

/** Continue a fold point in two axes: the curve of folds in the (p₁, p₂) plane. */
export function continueFoldCurve(
  model: Model,
  params: Params,
  fold: SpecialPoint,
  options: CurveOptions,
): Curve {
  const { sys, p2 } = curveSystem(model, params, fold, options);
  const m = sys.size;
  const u0 = sys.restrict(fold.x);
  const J0 = sys.reducedJacobian(u0, [fold.p, p2]);
  const v0 = smallestRightSingular(J0, m);
  const vRef = Float64Array.from(v0);
  const Fx = new Float64Array(m);
  const Jv = new Float64Array(m);
  const problem: ArclengthProblem = {
    equations: 2 * m + 1,
    residual: (y, out) => {
      const u = y.subarray(0, m);
      const v = y.subarray(m, 2 * m);
      const pv = [y[2 * m]!, y[2 * m + 1]!];
      sys.residual(u, pv, Fx);
      matVec(sys.reducedJacobian(u, pv), v, m, Jv);
      out.set(Fx, 0);
      out.set(Jv, m);
      let s = -1;
      for (let i = 0; i < m; i++) s += vRef[i]! * v[i]!;
      out[2 * m] = s;
    },
  };
  const y0 = Float64Array.from([...u0, ...v0, fold.p, p2]);
  return traceCurve('fold', sys, problem, y0, m, options, null);
}

/** Continue a Hopf point in two axes: the curve of Hopf points in the (p₁, p₂) plane. */
export function continueHopfCurve(
  model: Model,
  params: Params,
  hopf: SpecialPoint,
  options: CurveOptions,
): Curve {
  const { sys, p2 } = curveSystem(model, params, hopf, options);
  const m = sys.size;
  const u0 = sys.restrict(hopf.x);
  const J0 = sys.reducedJacobian(u0, [hopf.p, p2]);
  // The critical pair of the (pinned) Jacobian and its real eigenvector basis (vr, vi).
  const pairs = eigenpairs(J0, m).filter((e) => e.im > 0);
  if (pairs.length === 0) throw new RangeError('no complex pair at this Hopf point');
  let q = pairs[0]!;
  for (const e of pairs) if (Math.abs(e.re) < Math.abs(q.re)) q = e;
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += a[i]! * b[i]!;
    return s;
  };
  // v = cos θ vr + sin θ vi with ⟨v, Jv⟩ = 0: tan 2θ = 2⟨vr, vi⟩/(|vr|² − |vi|²).
  const theta = 0.5 * Math.atan2(2 * dot(q.vRe, q.vIm), dot(q.vRe, q.vRe) - dot(q.vIm, q.vIm));
  const v0 = Float64Array.from(q.vRe, (a, i) => Math.cos(theta) * a + Math.sin(theta) * q.vIm[i]!);
  const len = Math.sqrt(dot(v0, v0));
  for (let i = 0; i < m; i++) v0[i] = v0[i]! / len;
  const vRef = Float64Array.from(v0);
  const Fx = new Float64Array(m);
  const Jv = new Float64Array(m);
  const JJv = new Float64Array(m);
  const problem: ArclengthProblem = {
    equations: 2 * m + 2,
    residual: (y, out) => {
      const u = y.subarray(0, m);
      const v = y.subarray(m, 2 * m);
      const kappa = y[2 * m]!;
      const pv = [y[2 * m + 1]!, y[2 * m + 2]!];
      sys.residual(u, pv, Fx);
      const J = sys.reducedJacobian(u, pv);
      matVec(J, v, m, Jv);
      matVec(J, Jv, m, JJv);
      out.set(Fx, 0);
      for (let i = 0; i < m; i++) out[m + i] = JJv[i]! + kappa * v[i]!;
      out[2 * m] = dot(vRef, v) - 1;
      out[2 * m + 1] = dot(vRef, Jv);
    },
  };
  const y0 = Float64Array.from([...u0, ...v0, q.im * q.im, hopf.p, p2]);
  return traceCurve('hopf', sys, problem, y0, m, options, {
    index: 2 * m,
    reason: 'ω² = 0 (a Bogdanov–Takens point or a neutral saddle)',
  });
}

function traceCurve(
  kind: 'fold' | 'hopf',
  sys: EquilibriumSystem,
  problem: ArclengthProblem,
  y0: Float64Array,
  m: number,
  options: CurveOptions,
  /** An unknown that must stay positive (the Hopf curve's κ = ω²): the curve ends at its zero. */
  positive: { index: number; reason: string } | null,
): Curve {
  const N = y0.length;
  const [r1, r2] = options.ranges;
  const lo = [Math.min(...r1), Math.min(...r2)];
  const hi = [Math.max(...r1), Math.max(...r2)];
  const span = Math.max(hi[0]! - lo[0]!, hi[1]! - lo[1]!);
  const halves: { ys: Float64Array[]; end: string }[] = [];
  for (const sign of [-1, 1]) {
    const dir = new Float64Array(N);
    dir[N - 1] = sign; // along the second axis first
    const engine = new Arclength(problem, y0, dir, {
      step: 0.01 * span,
      maxStep: 0.02 * span,
      minStep: 1e-9 * span,
      fdStep: 1e-5,
      ...options,
    });
    const ys = [Float64Array.from(y0)];
    let end = 'max points';
    const outside = (y: Float64Array): { axis: number; bound: number } | null => {
      for (let a = 0; a < 2; a++) {
        const v = y[N - 2 + a]!;
        if (v < lo[a]!) return { axis: a, bound: lo[a]! };
        if (v > hi[a]!) return { axis: a, bound: hi[a]! };
      }
      return null;
    };
    while (ys.length < (options.maxPoints ?? 400)) {
      if (!engine.step()) {
        end = 'step underflow';
        break;
      }
      const y = engine.y;
      const S = engine.prevT.reduce((s, t, i) => s + t * (y[i]! - engine.prevY[i]!), 0);
      // The end, located exactly: where a component reaches a value between two points.
      const endAt = (idx: number, target: number, reason: string) => {
        const f = (s: number) => (engine.pointAt(s)?.y[idx] ?? Number.NaN) - target;
        const s = illinois(f, 0, engine.prevY[idx]! - target, S, y[idx]! - target, 1e-13);
        const last = engine.pointAt(s);
        if (last) ys.push(Float64Array.from(last.y));
        end = reason;
      };
      const out = outside(y);
      if (out) {
        endAt(N - 2 + out.axis, out.bound, 'range');
        break;
      }
      if (positive && y[positive.index]! <= 0) {
        endAt(positive.index, 0, positive.reason);
        break;
      }
      ys.push(Float64Array.from(y));
    }
    halves.push({ ys, end });
  }
  const [back, fwd] = halves as [(typeof halves)[0], (typeof halves)[0]];
  const ys = [...back.ys.slice().reverse(), ...fwd.ys.slice(1)];
  return {
    kind,
    axes: sys.axes as [string, string],
    p1: ys.map((y) => y[N - 2]!),
    p2: ys.map((y) => y[N - 1]!),
    x: ys.flatMap((y) => Array.from(sys.embed(y.subarray(0, m)))),
    ...(kind === 'hopf' ? { omega: ys.map((y) => Math.sqrt(Math.max(0, y[2 * m]!))) } : {}),
    ends: [back.end, fwd.end],
  };
}
