/**
 * Pseudo-arclength continuation of the solution curve of G(y) = 0, G: ℝ^{m+1} → ℝ^m (Keller
 * 1977; Allgower & Georg, "Introduction to Numerical Continuation Methods", §2): a tangent
 * predictor y + h·t and a Newton corrector on the bordered system
 *   G(y) = 0,  tᵀ(y − y_k) = h,
 * with an adaptive step h. The same stepper continues equilibria (y = (x, p)), fold and Hopf
 * curves (y = (x, v, …, p₁, p₂)) and periodic orbits (y = (x₀, T, p)).
 */
import { fdJacobian, luFactor, luSolve, type VectorMap } from './dense';

export interface ArclengthProblem {
  /** m: the number of equations; the unknowns y have m + 1 entries. */
  equations: number;
  residual: VectorMap;
  /** ∂G/∂y (m × (m+1), row-major) at y; central differences of `residual` when absent. */
  jacobian?(y: Float64Array): Float64Array;
}

export interface ArclengthOptions {
  /** First step (default 0.01). */
  step?: number;
  /** The run stops when the step would fall below this (default 1e-7). */
  minStep?: number;
  /** Largest step (default 0.1). */
  maxStep?: number;
  /** Newton converges when ‖δ‖∞ ≤ tol·max(1, ‖y‖∞) (default 1e-9: the error after that step is ~δ², far smaller). */
  tol?: number;
  /** Newton iterations per correction (default 8). */
  maxNewton?: number;
  /** Central-difference step for ∂G/∂y when the problem has no jacobian (default 1e-6). */
  fdStep?: number;
}

export interface Correction {
  y: Float64Array;
  converged: boolean;
  iterations: number;
}

function normInf(v: Float64Array): number {
  let m = 0;
  for (const a of v) m = Math.max(m, Math.abs(a));
  return m;
}

/** Stack ∂G/∂y (m × (m+1)) and a border row b into one (m+1)×(m+1) matrix. */
export function bordered(Gy: Float64Array, border: Float64Array, m: number): Float64Array {
  const n = m + 1;
  const A = new Float64Array(n * n);
  A.set(Gy);
  A.set(border, m * n);
  return A;
}

/**
 * Newton on G(y) = 0, tᵀ(y − anchor) = s, from `guess`: the solution on the hyperplane at
 * distance s from anchor orthogonal to t.
 */
export function correctOnPlane(
  problem: ArclengthProblem,
  guess: Float64Array,
  t: Float64Array,
  anchor: Float64Array,
  s: number,
  options: ArclengthOptions = {},
  jacobian: (y: Float64Array) => Float64Array = (y) =>
    problem.jacobian?.(y) ?? fdJacobian(problem.residual, y, problem.equations, options.fdStep),
): Correction {
  const m = problem.equations;
  const tol = options.tol ?? 1e-9;
  const maxNewton = options.maxNewton ?? 8;
  const y = Float64Array.from(guess);
  const g = new Float64Array(m);
  const rhs = new Float64Array(m + 1);
  for (let it = 1; it <= maxNewton; it++) {
    problem.residual(y, g);
    let c = -s;
    for (let i = 0; i <= m; i++) c += t[i]! * (y[i]! - anchor[i]!);
    for (let i = 0; i < m; i++) rhs[i] = -g[i]!;
    rhs[m] = -c;
    const lu = luFactor(bordered(jacobian(y), t, m), m + 1);
    if (!lu) return { y, converged: false, iterations: it };
    const delta = luSolve(lu, rhs);
    if (!delta.every(Number.isFinite)) return { y, converged: false, iterations: it };
    for (let i = 0; i <= m; i++) y[i] = y[i]! + delta[i]!;
    if (normInf(delta) <= tol * Math.max(1, normInf(y))) {
      return { y, converged: true, iterations: it };
    }
  }
  return { y, converged: false, iterations: maxNewton };
}

/**
 * The stepper. `y` and `t` are the current point and its unit tangent; `step()` moves to the
 * next point and returns false when the step fell below minStep.
 */
export class Arclength {
  readonly m: number;
  y: Float64Array;
  t: Float64Array;
  h: number;
  /** The point and tangent before the last accepted step (for locating special points). */
  prevY: Float64Array;
  prevT: Float64Array;
  /** det of the bordered matrix [∂G/∂y; tᵀ] at y: changes sign at a simple branch point. */
  det = Number.NaN;
  private readonly o: Required<ArclengthOptions>;

  constructor(
    readonly problem: ArclengthProblem,
    y0: Float64Array,
    /** An initial direction; the tangent is oriented along it (e.g. +e_p to increase p). */
    direction: Float64Array,
    options: ArclengthOptions = {},
  ) {
    this.m = problem.equations;
    this.o = {
      step: options.step ?? 0.01,
      minStep: options.minStep ?? 1e-7,
      maxStep: options.maxStep ?? 0.1,
      tol: options.tol ?? 1e-9,
      maxNewton: options.maxNewton ?? 8,
      fdStep: options.fdStep ?? 1e-6,
    };
    this.h = this.o.step;
    this.y = Float64Array.from(y0);
    const start = this.tangentAt(this.y, direction);
    if (!start) throw new RangeError('the start point is singular along the given direction');
    this.t = start.t;
    this.det = start.det;
    this.prevY = Float64Array.from(this.y);
    this.prevT = Float64Array.from(this.t);
  }

  jacobian(y: Float64Array): Float64Array {
    return (
      this.problem.jacobian?.(y) ?? fdJacobian(this.problem.residual, y, this.m, this.o.fdStep)
    );
  }

  /**
   * The unit null vector t of ∂G/∂y at y, oriented so that tᵀ·ref > 0, and det [∂G/∂y; tᵀ]
   * (null if singular).
   */
  tangentAt(y: Float64Array, ref: Float64Array): { t: Float64Array; det: number } | null {
    const Gy = this.jacobian(y);
    const lu = luFactor(bordered(Gy, ref, this.m), this.m + 1);
    if (!lu) return null;
    const e = new Float64Array(this.m + 1);
    e[this.m] = 1;
    const t = luSolve(lu, e);
    let s = 0;
    for (const v of t) s += v * v;
    s = Math.sqrt(s);
    if (!(s > 0) || !Number.isFinite(s)) return null;
    let dot = 0;
    for (let i = 0; i < t.length; i++) dot += t[i]! * ref[i]!;
    const sign = dot < 0 ? -1 : 1;
    for (let i = 0; i < t.length; i++) t[i] = (sign * t[i]!) / s;
    const luT = luFactor(bordered(Gy, t, this.m), this.m + 1);
    return { t, det: luT ? luT.determinant : 0 };
  }

  /** Newton on G(y) = 0, tᵀ(y − anchor) = s from guess (see correctOnPlane). */
  correct(guess: Float64Array, t: Float64Array, anchor: Float64Array, s: number): Correction {
    return correctOnPlane(this.problem, guess, t, anchor, s, this.o, (y) => this.jacobian(y));
  }

  /** The point at arclength s ∈ [0, h] past prevY along prevT (re-corrected), with its tangent. */
  pointAt(s: number): { y: Float64Array; t: Float64Array; det: number } | null {
    const guess = Float64Array.from(this.prevY, (v, i) => v + s * this.prevT[i]!);
    const c = this.correct(guess, this.prevT, this.prevY, s);
    if (!c.converged) return null;
    const tangent = this.tangentAt(c.y, this.prevT);
    return tangent ? { y: c.y, ...tangent } : null;
  }

  /**
   * One accepted step: predictor y + h·t, corrector, then the new tangent. A failed correction
   * (or a turn of the tangent by more than ~30°) halves h and retries; a quick one (≤ 3
   * iterations) lets the next step grow by 1.3.
   */
  step(): boolean {
    while (this.h >= this.o.minStep) {
      const h = this.h;
      const guess = Float64Array.from(this.y, (v, i) => v + h * this.t[i]!);
      const c = this.correct(guess, this.t, this.y, h);
      if (c.converged) {
        const tangent = this.tangentAt(c.y, this.t);
        let cos = 0;
        if (tangent) for (let i = 0; i < tangent.t.length; i++) cos += tangent.t[i]! * this.t[i]!;
        if (tangent && cos > 0.87) {
          this.prevY = this.y;
          this.prevT = this.t;
          this.y = c.y;
          this.t = tangent.t;
          this.det = tangent.det;
          if (c.iterations <= 3) this.h = Math.min(this.o.maxStep, h * 1.3);
          return true;
        }
      }
      this.h = h / 2;
    }
    return false;
  }
}
