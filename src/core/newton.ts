/** Damped Newton / Levenberg–Marquardt for F(x) = 0, safe against runaway starts. */
import { allFinite, dot, matNormInf, normInf } from './linalg';
import type { Rhs } from './ode';
import { jacobian, type JacobianFn } from './stability';

export const DEFAULT_RESIDUAL_TOL = 1e-11;
export const DEFAULT_STEP_TOL = 1e-8;

export interface NewtonOptions {
  /** Analytic Jacobian; central differences otherwise. */
  analyticJacobian?: JacobianFn;
  /** Relative finite-difference step (default 1e-6). */
  h?: number;
  /** Residual test ‖F(x)‖∞ ≤ residualTol·J̄·max(1, ‖x‖∞) (default 1e-11); see newtonSolve. */
  residualTol?: number;
  /** Step test ‖δ‖∞ ≤ stepTol·max(1, ‖x‖∞) (default 1e-8); see newtonSolve. */
  stepTol?: number;
  /** Largest number of Jacobian evaluations (default 100). */
  maxIterations?: number;
  /** Applied in place to every trial point, e.g. to put it back on a constraint set. */
  project?: (x: Float64Array) => void;
  /** Stop (not converged) once ‖x‖∞ exceeds this (default 1e8, as in the ODE solver). */
  blowUp?: number;
}

export interface NewtonResult {
  /** The last accepted point: always finite. */
  x: Float64Array;
  /** ‖F(x)‖∞; +∞ only when F is not finite at the start itself. */
  residual: number;
  /** Jacobian evaluations. */
  iterations: number;
  converged: boolean;
}

/**
 * Solve min ‖A·δ − b‖₂ for A (m×n row-major, m ≥ n) by Householder QR, into out.
 * A and b are overwritten. Returns false when a column is zero or not finite.
 */
function leastSquares(
  A: Float64Array,
  b: Float64Array,
  m: number,
  n: number,
  out: Float64Array,
): boolean {
  const diag = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let scale = 0;
    for (let i = k; i < m; i++) scale = Math.max(scale, Math.abs(A[i * n + k]!));
    if (!(scale > 0) || !Number.isFinite(scale)) return false;
    let ss = 0;
    for (let i = k; i < m; i++) ss += (A[i * n + k]! / scale) ** 2;
    const akk = A[k * n + k]!;
    const alpha = (akk > 0 ? -scale : scale) * Math.sqrt(ss);
    A[k * n + k] = akk - alpha; // column k from row k on is now the Householder vector v
    let vtv = 0;
    for (let i = k; i < m; i++) vtv += A[i * n + k]! ** 2;
    for (let j = k + 1; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += A[i * n + k]! * A[i * n + j]!;
      const f = (2 * s) / vtv;
      for (let i = k; i < m; i++) A[i * n + j] = A[i * n + j]! - f * A[i * n + k]!;
    }
    let s = 0;
    for (let i = k; i < m; i++) s += A[i * n + k]! * b[i]!;
    const f = (2 * s) / vtv;
    for (let i = k; i < m; i++) b[i] = b[i]! - f * A[i * n + k]!;
    diag[k] = alpha;
  }
  for (let k = n - 1; k >= 0; k--) {
    let s = b[k]!;
    for (let j = k + 1; j < n; j++) s -= A[k * n + j]! * out[j]!;
    out[k] = s / diag[k]!;
  }
  return allFinite(out);
}

/**
 * Solve F(x) = 0, F = rhs(0, ·), by Levenberg–Marquardt from x0 (x0 is not modified).
 *
 * Each iteration solves min ‖F + J·δ‖² + μ‖δ‖² by QR of [J; √μ·I] (no normal equations, so the
 * accuracy is that of J, not of JᵀJ) and accepts the step only if it lowers ‖F‖₂ and keeps x
 * and F finite; otherwise μ grows, which shortens the step and turns it toward steepest descent
 * (LM's form of backtracking), up to 12 times before giving up. μ = λ·max diag(JᵀJ), and λ
 * follows Nielsen's gain-ratio rule (Madsen, Nielsen & Tingleff 2004, "Methods for non-linear
 * least squares problems", §3.2) with the shrink factor floored at 1/10 instead of 1/3, so
 * accepted steps soon become Newton steps and converge quadratically near a regular root.
 * μ > 0 always, so a singular J (a family of fixed points) still gives a bounded step.
 *
 * Converged when, at the current x, both
 * - ‖F(x)‖∞ ≤ residualTol·J̄·max(1, ‖x‖∞), J̄ the largest ‖J‖∞ met so far: the residual in
 *   units of x, invariant to a change of time scale; it refuses a non-zero minimum of ‖F‖;
 * - the next step (with λ ≤ 1) has ‖δ‖∞ ≤ stepTol·max(1, ‖x‖∞): the iteration has settled.
 *   This refuses runaways on which ‖F‖ → 0 (F = e^{−x}: δ = 1 forever; F = 1/(1 + x²)), and
 *   it bounds the error at a degenerate root, where Newton converges only linearly and ‖F‖
 *   is small long before x is accurate.
 * That last step is then taken if it lowers ‖F‖, which at a regular root leaves an error
 * O(δ²), i.e. round-off.
 *
 * Never returns NaN: x is the last accepted (finite) point. A start that runs away (‖x‖∞ >
 * blowUp), stalls at a non-zero local minimum of ‖F‖ or uses up maxIterations returns
 * converged: false.
 */
export function newtonSolve(rhs: Rhs, x0: Float64Array, options: NewtonOptions = {}): NewtonResult {
  const n = x0.length;
  const residualTol = options.residualTol ?? DEFAULT_RESIDUAL_TOL;
  const stepTol = options.stepTol ?? DEFAULT_STEP_TOL;
  const maxIterations = options.maxIterations ?? 100;
  const blowUp = options.blowUp ?? 1e8;
  const jacOptions = { analytic: options.analyticJacobian, h: options.h };
  const x = Float64Array.from(x0);
  options.project?.(x);
  const F = new Float64Array(n);
  rhs(0, x, F);
  if (!allFinite(x) || !allFinite(F)) {
    return {
      x: allFinite(x) ? x : Float64Array.from(x0, (v) => (Number.isFinite(v) ? v : 0)),
      residual: Number.POSITIVE_INFINITY,
      iterations: 0,
      converged: false,
    };
  }
  const m = 2 * n;
  const A = new Float64Array(m * n);
  const b = new Float64Array(m);
  const delta = new Float64Array(n);
  const xTrial = new Float64Array(n);
  const FTrial = new Float64Array(n);
  let lambda = 1e-3; // Nielsen's start
  let nu = 2;
  let iterations = 0;
  let jBar = 0;
  let fNorm2 = dot(F, F);

  const done = (converged: boolean): NewtonResult => ({
    x,
    residual: normInf(F),
    iterations,
    converged,
  });

  while (iterations < maxIterations) {
    if (fNorm2 === 0) return done(true);
    const J = jacobian(rhs, x, jacOptions);
    iterations++;
    if (!allFinite(J)) return done(false);
    jBar = Math.max(jBar, matNormInf(J, n));
    let maxDiag = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += J[i * n + j]! ** 2;
      maxDiag = Math.max(maxDiag, s);
    }
    if (maxDiag === 0) return done(false); // J = 0 and F ≠ 0: no direction lowers ‖F‖
    const xScale = Math.max(1, normInf(x));
    const smallResidual = normInf(F) <= residualTol * jBar * xScale;
    // Keeping λ rather than μ from one iteration to the next lets μ follow J as it shrinks
    // toward a degenerate root (x' = −x³), where a fixed μ would come to dominate JᵀJ and stall
    // the iteration. The floor keeps [J; √μ I] of full rank.
    lambda = Math.max(lambda, 1e-16);
    let accepted = false;
    let settled = false;
    for (let attempt = 0; attempt < 12 && !accepted; attempt++) {
      const mu = lambda * maxDiag;
      A.fill(0);
      A.set(J);
      const root = Math.sqrt(mu);
      for (let j = 0; j < n; j++) A[(n + j) * n + j] = root;
      b.fill(0);
      for (let i = 0; i < n; i++) b[i] = -F[i]!;
      if (!leastSquares(A, b, m, n, delta)) break;
      if (attempt === 0 && smallResidual && lambda <= 1 && normInf(delta) <= stepTol * xScale) {
        settled = true;
      }
      // Predicted decrease of ½‖F‖²: ½(‖F‖² − ‖F + Jδ‖²).
      let linear2 = 0;
      for (let i = 0; i < n; i++) {
        let s = F[i]!;
        for (let j = 0; j < n; j++) s += J[i * n + j]! * delta[j]!;
        linear2 += s * s;
      }
      const predicted = 0.5 * (fNorm2 - linear2);
      for (let i = 0; i < n; i++) xTrial[i] = x[i]! + delta[i]!;
      options.project?.(xTrial);
      let trial2 = Number.POSITIVE_INFINITY;
      if (allFinite(xTrial)) {
        rhs(0, xTrial, FTrial);
        if (allFinite(FTrial)) trial2 = dot(FTrial, FTrial);
      }
      if (trial2 < fNorm2 && predicted > 0) {
        const rho = (0.5 * (fNorm2 - trial2)) / predicted;
        lambda *= Math.max(0.1, 1 - (2 * rho - 1) ** 3);
        nu = 2;
        x.set(xTrial);
        F.set(FTrial);
        fNorm2 = trial2;
        accepted = true;
      } else {
        if (settled) break; // the settled step did not help: x is as good as it gets
        lambda *= nu;
        nu *= 2;
      }
    }
    if (settled) return done(true);
    if (!accepted) return done(false);
    if (normInf(x) > blowUp) return done(false);
  }
  return done(false);
}

// ---------------------------------------------------------------------------------------------
// Starts.
