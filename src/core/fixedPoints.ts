/**
 * Fixed points of autonomous ODEs x' = F(x): Newton/Levenberg–Marquardt from many starts,
 * deduplication, Jacobians, eigenvalues, a stability label, and continua ("families") of fixed
 * points such as the GAN's plane q = r = 0 (Claim 1 of the GAN paper), which a point search would
 * otherwise report as thousands of separate marginal points.
 *
 * Conventions: an `Rhs` is called with t = 0; matrices are n×n row-major Float64Arrays,
 * J[i * n + j] = ∂F_i/∂x_j; eigenvalues come sorted by descending real part.
 */
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';

import type { AbortSignalLike, Rhs } from './ode';
import { Rng } from './rng';

/** An analytic Jacobian: write ∂F_i/∂x_j at x into out[i * n + j]. */
export type JacobianFn = (x: Float64Array, out: Float64Array) => void;

export interface Eigenvalue {
  re: number;
  im: number;
}

export type Stability = 'stable' | 'unstable' | 'marginal';

export type FixedPointKind =
  'stable node' | 'stable focus' | 'unstable node' | 'unstable focus' | 'saddle' | 'marginal';

export interface Classification {
  stability: Stability;
  kind: FixedPointKind;
  /**
   * The leading eigenvalue is complex (rotation). With kind 'saddle' this marks a saddle-focus,
   * e.g. the two non-trivial Lorenz points, whose unstable pair is complex.
   */
  focus: boolean;
}

export interface FixedPoint extends Classification {
  x: Float64Array;
  /** All n eigenvalues of J(x), descending real part (family members include the zero ones). */
  eigenvalues: Eigenvalue[];
  /** ‖F(x)‖∞ in the units of dx/dt. */
  residual: number;
  /**
   * True for members of a family: stability and kind then describe the transverse dynamics
   * only (the family's own zero eigenvalues are left out, see `classifyTransverse`).
   */
  transverse: boolean;
}

export interface FixedPointFamily {
  /** Dimension of the continuum spanned by the members found (≥ 1). */
  dimension: number;
  /** Number of eigenvalues of J with |λ| < zeroTol·scale at the anchor (≥ dimension as a rule). */
  nullity: number;
  /** Orthonormal tangent directions, the widest spread of the members first. */
  basis: Float64Array[];
  /** A member near the members' centroid; coordinates along the family are measured from it. */
  anchor: Float64Array;
  /** The members, sorted by their coordinate s = (x − anchor)·basis[0]. */
  points: FixedPoint[];
  /** [min s, max s] over the members: the extent found along basis[0]. */
  extent: [number, number];
  /** Members are classified by their transverse eigenvalues. */
  transverse: true;
}

export interface FixedPointReport {
  /** Isolated fixed points (and lone points with zero eigenvalues), sorted lexicographically. */
  points: FixedPoint[];
  families: FixedPointFamily[];
  /** Starts tried (fewer than given when aborted) and how many of them converged. */
  starts: number;
  converged: number;
  aborted: boolean;
}

const DEFAULT_H = 1e-6;
const DEFAULT_RESIDUAL_TOL = 1e-11;
const DEFAULT_STEP_TOL = 1e-8;
const DEFAULT_ZERO_TOL = 1e-6;
const DEFAULT_CLASSIFY_TOL = 1e-7;
// A chord between two members may leave the null space of J by this fraction of its length.
const TANGENT_TOL = 1e-4;
// The midpoint of two members may be off the continuum by this many times the distance Newton
// leaves a member off it (stepTol, relative), as seen through ‖J‖.
const MIDPOINT_SLACK = 10;
// Spread of the members below this fraction of the widest spread is noise, not a dimension.
const SPREAD_TOL = 1e-6;

// ---------------------------------------------------------------------------------------------
// Small vector helpers.

function normInf(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (a > m || a !== a) m = a; // NaN propagates
  }
  return m;
}

function norm2(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}

/** Max row sum ‖J‖∞ of an n×n row-major matrix. */
function matNormInf(J: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.abs(J[i * n + j]!);
    if (s > m || s !== s) m = s;
  }
  return m;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

function toMatrix(J: Float64Array, n: number): Matrix {
  return Matrix.from1DArray(n, n, Array.from(J));
}

// ---------------------------------------------------------------------------------------------
// Jacobian and eigenvalues.

/**
 * The n×n Jacobian J[i * n + j] = ∂F_i/∂x_j of F = rhs(0, ·) at x (n = x.length).
 * Uses `options.analytic` when given, else central differences with step
 * h_j = h·max(1, |x_j|) (h default 1e-6; error O(h_j²) plus round-off O(ε/h_j)).
 */
export function jacobian(
  rhs: Rhs,
  x: Float64Array,
  options: { analytic?: JacobianFn; h?: number } = {},
): Float64Array {
  const n = x.length;
  const J = new Float64Array(n * n);
  if (options.analytic) {
    options.analytic(x, J);
    return J;
  }
  const h = options.h ?? DEFAULT_H;
  const xp = Float64Array.from(x);
  const fp = new Float64Array(n);
  const fm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const xj = x[j]!;
    const hj = h * Math.max(1, Math.abs(xj));
    // Divide by the steps actually representable in floating point, not by the nominal 2h_j.
    xp[j] = xj + hj;
    const up = xp[j]! - xj;
    rhs(0, xp, fp);
    xp[j] = xj - hj;
    const down = xj - xp[j]!;
    rhs(0, xp, fm);
    xp[j] = xj;
    const span = up + down;
    for (let i = 0; i < n; i++) J[i * n + j] = (fp[i]! - fm[i]!) / span;
  }
  return J;
}

/** An eigenvalue with its (complex) eigenvector v = vRe + i·vIm, J·v = λ·v. */
export interface Eigenpair extends Eigenvalue {
  vRe: Float64Array;
  vIm: Float64Array;
}

function byDescendingRe(a: Eigenvalue, b: Eigenvalue): number {
  return b.re - a.re || b.im - a.im;
}

function nanEigenpairs(n: number): Eigenpair[] {
  return Array.from({ length: n }, () => ({
    re: Number.NaN,
    im: Number.NaN,
    vRe: new Float64Array(n).fill(Number.NaN),
    vIm: new Float64Array(n).fill(Number.NaN),
  }));
}

/**
 * Eigenvalues and eigenvectors of the n×n row-major matrix J (ml-matrix's EVD: Hessenberg QR,
 * after JAMA), sorted by descending real part, then descending imaginary part. Eigenvectors are
 * not normalised. A matrix with non-finite entries gives NaN pairs (the QR iteration is not
 * guaranteed to stop on NaN input).
 */
export function eigenpairs(J: Float64Array, n: number): Eigenpair[] {
  if (n === 0) return [];
  if (J.length !== n * n)
    throw new RangeError(`the matrix must have ${n * n} entries; got ${J.length}`);
  if (!allFinite(J)) return nanEigenpairs(n);
  const evd = new EigenvalueDecomposition(toMatrix(J, n));
  const re = evd.realEigenvalues;
  const im = evd.imaginaryEigenvalues;
  const V = evd.eigenvectorMatrix;
  const pairs: Eigenpair[] = [];
  const column = (c: number, sign = 1) =>
    Float64Array.from({ length: n }, (_, i) => sign * V.get(i, c));
  for (let k = 0; k < n; k++) {
    const imk = im[k]!;
    if (imk === 0 || k + 1 >= n) {
      pairs.push({ re: re[k]!, im: imk, vRe: column(k), vIm: new Float64Array(n) });
      continue;
    }
    // JAMA's layout: a conjugate pair occupies columns (k, k+1); λ_k = d_k + i·e_k has the
    // eigenvector V_k + i·V_{k+1}, and its conjugate λ_{k+1} has V_k − i·V_{k+1}.
    pairs.push({ re: re[k]!, im: imk, vRe: column(k), vIm: column(k + 1) });
    pairs.push({ re: re[k + 1]!, im: im[k + 1]!, vRe: column(k), vIm: column(k + 1, -1) });
    k++;
  }
  return pairs.sort(byDescendingRe);
}

/** Eigenvalues of the n×n row-major matrix J, sorted by descending real part (see eigenpairs). */
export function eigenvalues(J: Float64Array, n: number): Eigenvalue[] {
  return eigenpairs(J, n).map(({ re, im }) => ({ re, im }));
}

/** max(1, max |λ|): the scale that tolerances on eigenvalues are relative to. */
function eigenScale(eigs: Eigenvalue[]): number {
  let s = 1;
  for (const e of eigs) s = Math.max(s, Math.hypot(e.re, e.im));
  return s;
}

/**
 * Stability and kind of a fixed point from the eigenvalues of its Jacobian. With t = tol·s,
 * s = max(1, max|λ|) (tol default 1e-7, a relative tolerance):
 * - saddle (unstable): some Re λ > t and some Re λ < −t;
 * - otherwise marginal: max Re λ ∈ [−t, t] (centres, zero eigenvalues); also when there are no
 *   eigenvalues or any is not finite;
 * - otherwise stable (max Re λ < −t) or unstable (max Re λ > t, none below −t).
 * The leading eigenvalues are those with Re λ within t of the largest (the slowest decay for a
 * stable point, the fastest growth otherwise). A stable or unstable point is a focus when a
 * leading eigenvalue has |Im λ| > t, else a node. `focus` is set the same way for a saddle,
 * so the Lorenz points C± (λ ≈ −13.85, 0.094 ± 10.19i) are kind 'saddle' with focus true,
 * a saddle-focus.
 */
export function classify(eigs: Eigenvalue[], tol = DEFAULT_CLASSIFY_TOL): Classification {
  const marginal: Classification = { stability: 'marginal', kind: 'marginal', focus: false };
  if (eigs.length === 0) return marginal;
  for (const e of eigs) if (!Number.isFinite(e.re) || !Number.isFinite(e.im)) return marginal;
  const t = tol * eigenScale(eigs);
  let maxRe = Number.NEGATIVE_INFINITY;
  let minRe = Number.POSITIVE_INFINITY;
  for (const e of eigs) {
    maxRe = Math.max(maxRe, e.re);
    minRe = Math.min(minRe, e.re);
  }
  let focus = false;
  for (const e of eigs) if (e.re >= maxRe - t && Math.abs(e.im) > t) focus = true;
  if (maxRe > t && minRe < -t) return { stability: 'unstable', kind: 'saddle', focus };
  if (maxRe >= -t && maxRe <= t) return marginal;
  if (maxRe < -t)
    return { stability: 'stable', kind: focus ? 'stable focus' : 'stable node', focus };
  return { stability: 'unstable', kind: focus ? 'unstable focus' : 'unstable node', focus };
}

/**
 * Classification of the dynamics transverse to a `dimension`-dimensional family of fixed points:
 * the `dimension` eigenvalues of smallest modulus (the family's own zero eigenvalues) are left
 * out and the rest go to `classify`. A further eigenvalue near zero (a bifurcation point on the
 * family, or a Jordan block) therefore still makes the point marginal.
 */
export function classifyTransverse(
  eigs: Eigenvalue[],
  dimension: number,
  tol = DEFAULT_CLASSIFY_TOL,
): Classification {
  const order = eigs
    .map((e, k) => ({ k, m: Math.hypot(e.re, e.im) }))
    .sort((a, b) => a.m - b.m)
    .slice(0, Math.max(0, dimension))
    .map((e) => e.k);
  const drop = new Set(order);
  return classify(
    eigs.filter((_, k) => !drop.has(k)),
    tol,
  );
}

// ---------------------------------------------------------------------------------------------
// Newton / Levenberg–Marquardt.

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

/**
 * A full grid of starts: perAxis evenly spaced values from lo[k] to hi[k] on every axis (the
 * midpoint when perAxis = 1), perAxis^dim points, the first axis varying fastest.
 */
export function gridStarts(lo: number[], hi: number[], perAxis: number): Float64Array[] {
  if (lo.length !== hi.length) {
    throw new RangeError(`lo and hi must have the same length; got ${lo.length} and ${hi.length}`);
  }
  if (!Number.isInteger(perAxis) || perAxis < 1) {
    throw new RangeError(`perAxis must be a whole number ≥ 1; got ${perAxis}`);
  }
  const dim = lo.length;
  const total = perAxis ** dim;
  if (total > 1e6) {
    throw new RangeError(`${perAxis}^${dim} = ${total} starts is too many; use at most 1e6`);
  }
  const value = (k: number, a: number) =>
    perAxis === 1 ? (lo[k]! + hi[k]!) / 2 : lo[k]! + ((hi[k]! - lo[k]!) * a) / (perAxis - 1);
  const starts: Float64Array[] = [];
  for (let idx = 0; idx < total; idx++) {
    const x = new Float64Array(dim);
    let rest = idx;
    for (let k = 0; k < dim; k++) {
      x[k] = value(k, rest % perAxis);
      rest = Math.floor(rest / perAxis);
    }
    starts.push(x);
  }
  return starts;
}

/** count starts uniform in the box [lo, hi], from `rng` (default: seed 1, stream 0). */
export function randomStarts(
  lo: number[],
  hi: number[],
  count: number,
  rng: Rng = new Rng(1),
): Float64Array[] {
  if (lo.length !== hi.length) {
    throw new RangeError(`lo and hi must have the same length; got ${lo.length} and ${hi.length}`);
  }
  const starts: Float64Array[] = [];
  for (let c = 0; c < count; c++) {
    starts.push(Float64Array.from(lo, (l, k) => l + (hi[k]! - l) * rng.nextFloat()));
  }
  return starts;
}

// ---------------------------------------------------------------------------------------------
// The search.

export interface FindOptions {
  /** Where Newton starts (each of length dim). */
  starts: Float64Array[];
  analyticJacobian?: JacobianFn;
  /** Relative finite-difference step (default 1e-6). */
  h?: number;
  /** Two points are one when ‖x_a − x_b‖₂ ≤ dedupTol·max(1, ‖x_a‖₂) (default 1e-6). */
  dedupTol?: number;
  /** Newton's residual tolerance (default 1e-11; see newtonSolve). */
  residualTol?: number;
  /** Newton's step tolerance (default 1e-8; see newtonSolve). */
  stepTol?: number;
  /** Newton iterations per start (default 100). */
  maxIterations?: number;
  /** Constraint projection passed to newtonSolve. */
  project?: (x: Float64Array) => void;
  /** Checked between starts; an aborted search reports what it has found. */
  signal?: AbortSignalLike;
  /** An eigenvalue is zero when |λ| < zeroTol·max(1, max|λ|) (default 1e-6); so is a singular value. */
  zeroTol?: number;
  /** Tolerance of classify (default 1e-7). */
  classifyTol?: number;
}

interface Analysed {
  x: Float64Array;
  residual: number;
  eigenvalues: Eigenvalue[];
  jNorm: number;
  /** Eigenvalues with |λ| < zeroTol·scale. */
  zeros: number;
  /** Orthonormal basis of the null space of J (empty when zeros = 0). */
  kernel: Float64Array[];
}

/** Right singular vectors of J with σ < zeroTol·max(1, σ_max): its numerical null space. */
function nullSpace(J: Float64Array, n: number, zeroTol: number): Float64Array[] {
  if (!allFinite(J)) return [];
  const svd = new SingularValueDecomposition(toMatrix(J, n), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: true,
    autoTranspose: false,
  });
  const s = svd.diagonal;
  const V = svd.rightSingularVectors;
  let sMax = 0;
  for (const v of s) sMax = Math.max(sMax, v);
  const cut = zeroTol * Math.max(1, sMax);
  const basis: Float64Array[] = [];
  for (let k = 0; k < s.length; k++) {
    if (s[k]! < cut) basis.push(Float64Array.from({ length: n }, (_, i) => V.get(i, k)));
  }
  return basis;
}

/** ‖v − Σ_k (b_k·v) b_k‖₂ for an orthonormal basis b. */
function offSpan(v: Float64Array, basis: Float64Array[]): number {
  const r = Float64Array.from(v);
  for (const bk of basis) {
    const c = dot(bk, v);
    for (let i = 0; i < r.length; i++) r[i] = r[i]! - c * bk[i]!;
  }
  return norm2(r);
}

/** Make the largest-magnitude component positive, so that directions are reproducible. */
function orient(v: Float64Array): Float64Array {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]!) > Math.abs(v[k]!)) k = i;
  if (v[k]! < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i]!;
  return v;
}

function lexicographic(tol: number) {
  return (a: Float64Array, b: Float64Array): number => {
    for (let i = 0; i < a.length; i++) {
      const d = a[i]! - b[i]!;
      if (Math.abs(d) > tol * Math.max(1, Math.abs(a[i]!), Math.abs(b[i]!))) return d;
    }
    return 0;
  };
}

function findRoot(parent: number[], a: number): number {
  while (parent[a] !== a) {
    parent[a] = parent[parent[a]!]!;
    a = parent[a]!;
  }
  return a;
}

/**
 * Fixed points of x' = F(x) found by newtonSolve from every start, deduplicated, each with its
 * Jacobian's eigenvalues and classification.
 *
 * Families: converged points a, b are linked when (1) J(x_a) and J(x_b) each have at least one
 * eigenvalue with |λ| < zeroTol·max(1, max|λ|); (2) the chord d = x_b − x_a lies in the null
 * space of J(x_a) or of J(x_b): ‖d − Πd‖₂ ≤ 1e-4·‖d‖₂ with Π the projector onto the right
 * singular vectors with σ < zeroTol·max(1, σ_max); (3) the midpoint is a fixed point:
 * ‖F((x_a + x_b)/2)‖∞ ≤ 10·stepTol·max(‖J_a‖∞, ‖J_b‖∞)·max(1, ‖mid‖∞). Linked points
 * form families (single linkage); a family needs at least two members, so a lone point with
 * a zero eigenvalue stays in `points` (marginal). The test is exact for flat continua, such as
 * the GAN's q = r = 0 (every P) or (P, 0) of P' = −Pq², q' = −q; a curved continuum (a circle
 * of fixed points) fails (3) for distant members and comes out in pieces.
 * A family's basis is the principal directions of its members (spreads below 1e-6 of the
 * widest dropped, at most the smallest null-space dimension among the members); its members
 * are classified by `classifyTransverse` with that dimension.
 */
export function findFixedPoints(rhs: Rhs, dim: number, options: FindOptions): FixedPointReport {
  const dedupTol = options.dedupTol ?? 1e-6;
  const residualTol = options.residualTol ?? DEFAULT_RESIDUAL_TOL;
  const stepTol = options.stepTol ?? DEFAULT_STEP_TOL;
  const zeroTol = options.zeroTol ?? DEFAULT_ZERO_TOL;
  const classifyTol = options.classifyTol ?? DEFAULT_CLASSIFY_TOL;
  const newton: NewtonOptions = {
    analyticJacobian: options.analyticJacobian,
    h: options.h,
    residualTol,
    stepTol,
    maxIterations: options.maxIterations,
    project: options.project,
  };
  const jacOptions = { analytic: options.analyticJacobian, h: options.h };

  const found: { x: Float64Array; residual: number }[] = [];
  let tried = 0;
  let converged = 0;
  let aborted = false;
  for (const start of options.starts) {
    if (options.signal?.aborted) {
      aborted = true;
      break;
    }
    if (start.length !== dim) {
      throw new RangeError(`every start must have ${dim} coordinates; got ${start.length}`);
    }
    tried++;
    const r = newtonSolve(rhs, start, newton);
    if (!r.converged) continue;
    converged++;
    const same = found.find((p) => distance(p.x, r.x) <= dedupTol * Math.max(1, norm2(p.x)));
    if (!same) found.push({ x: r.x, residual: r.residual });
    else if (r.residual < same.residual) {
      same.x = r.x;
      same.residual = r.residual;
    }
  }

  const analysed: Analysed[] = found.map(({ x, residual }) => {
    const J = jacobian(rhs, x, jacOptions);
    const eigs = eigenvalues(J, dim);
    const cut = zeroTol * eigenScale(eigs);
    const zeros = eigs.filter((e) => Math.hypot(e.re, e.im) < cut).length;
    return {
      x,
      residual,
      eigenvalues: eigs,
      jNorm: matNormInf(J, dim),
      zeros,
      kernel: zeros > 0 ? nullSpace(J, dim, zeroTol) : [],
    };
  });

  // Single-linkage grouping; pairs already in one group are skipped, so a flat family costs
  // O(m) rhs evaluations rather than O(m²).
  const parent = analysed.map((_, k) => k);
  const candidates = analysed.flatMap((p, k) => (p.kernel.length > 0 ? [k] : []));
  const mid = new Float64Array(dim);
  const fMid = new Float64Array(dim);
  const chord = new Float64Array(dim);
  for (let u = 0; u < candidates.length; u++) {
    for (let v = u + 1; v < candidates.length; v++) {
      const ia = candidates[u]!;
      const ib = candidates[v]!;
      const ra = findRoot(parent, ia);
      const rb = findRoot(parent, ib);
      if (ra === rb) continue;
      const a = analysed[ia]!;
      const b = analysed[ib]!;
      for (let i = 0; i < dim; i++) chord[i] = b.x[i]! - a.x[i]!;
      const len = norm2(chord);
      const tangent =
        offSpan(chord, a.kernel) <= TANGENT_TOL * len ||
        offSpan(chord, b.kernel) <= TANGENT_TOL * len;
      if (!tangent) continue;
      for (let i = 0; i < dim; i++) mid[i] = 0.5 * (a.x[i]! + b.x[i]!);
      rhs(0, mid, fMid);
      const midTol =
        MIDPOINT_SLACK * stepTol * Math.max(a.jNorm, b.jNorm) * Math.max(1, normInf(mid));
      if (normInf(fMid) <= midTol) parent[ra] = rb;
    }
  }
  const groups = new Map<number, number[]>();
  analysed.forEach((_, k) => {
    const r = findRoot(parent, k);
    groups.set(r, [...(groups.get(r) ?? []), k]);
  });

  const points: FixedPoint[] = [];
  const families: FixedPointFamily[] = [];
  for (const members of groups.values()) {
    if (members.length === 1) {
      const p = analysed[members[0]!]!;
      points.push({
        x: p.x,
        eigenvalues: p.eigenvalues,
        residual: p.residual,
        transverse: false,
        ...classify(p.eigenvalues, classifyTol),
      });
      continue;
    }
    const group = members.map((k) => analysed[k]!);
    families.push(buildFamily(group, dim, classifyTol));
  }
  const order = lexicographic(dedupTol);
  points.sort((a, b) => order(a.x, b.x));
  families.sort((a, b) => order(a.anchor, b.anchor));
  return { points, families, starts: tried, converged, aborted };
}

function buildFamily(members: Analysed[], dim: number, classifyTol: number): FixedPointFamily {
  const m = members.length;
  const centroid = new Float64Array(dim);
  for (const p of members) for (let i = 0; i < dim; i++) centroid[i] = centroid[i]! + p.x[i]! / m;
  // Principal directions: eigenvectors of the scatter matrix Σ (x − c)(x − c)ᵀ, whose
  // eigenvalues are the squared singular values of the centred members.
  const scatter = new Matrix(dim, dim);
  for (const p of members) {
    for (let i = 0; i < dim; i++) {
      const di = p.x[i]! - centroid[i]!;
      for (let j = 0; j <= i; j++) {
        const v = scatter.get(i, j) + di * (p.x[j]! - centroid[j]!);
        scatter.set(i, j, v);
        scatter.set(j, i, v);
      }
    }
  }
  const evd = new EigenvalueDecomposition(scatter, { assumeSymmetric: true });
  const spread = evd.realEigenvalues;
  const order = spread.map((_, k) => k).sort((a, b) => spread[b]! - spread[a]!);
  const widest = spread[order[0]!]!;
  const cap = Math.max(1, Math.min(...members.map((p) => p.kernel.length)));
  const basis: Float64Array[] = [];
  for (const k of order) {
    if (basis.length >= cap || !(spread[k]! > SPREAD_TOL ** 2 * widest)) break;
    basis.push(
      orient(Float64Array.from({ length: dim }, (_, i) => evd.eigenvectorMatrix.get(i, k))),
    );
  }
  if (basis.length === 0) basis.push(orient(Float64Array.from(members[0]!.kernel[0]!)));
  let anchorMember = members[0]!;
  for (const p of members) {
    if (distance(p.x, centroid) < distance(anchorMember.x, centroid)) anchorMember = p;
  }
  const anchor = Float64Array.from(anchorMember.x);
  const dimension = basis.length;
  const b0 = basis[0]!;
  const coord = (x: Float64Array) => {
    let s = 0;
    for (let i = 0; i < dim; i++) s += (x[i]! - anchor[i]!) * b0[i]!;
    return s;
  };
  const sorted = members.map((p) => ({ p, s: coord(p.x) })).sort((a, b) => a.s - b.s);
  const points: FixedPoint[] = sorted.map(({ p }) => ({
    x: p.x,
    eigenvalues: p.eigenvalues,
    residual: p.residual,
    transverse: true,
    ...classifyTransverse(p.eigenvalues, dimension, classifyTol),
  }));
  return {
    dimension,
    nullity: anchorMember.zeros,
    basis,
    anchor,
    points,
    extent: [sorted[0]!.s, sorted[sorted.length - 1]!.s],
    transverse: true,
  };
}

/** One point of sampleFamily: its coordinate s along basis[0] from the anchor. */
export interface FamilySample extends FixedPoint {
  s: number;
}

/**
 * count ≥ 2 evenly spaced points x = anchor + s·basis[0], s from extent[0] to extent[1] (the
 * extreme members), each with its eigenvalues and transverse classification, for drawing the
 * family as a line coloured by stability (which may change along it: in the GAN, |P| ≥ p* is
 * stable and smaller |P| is not). `residual` shows how far each sample is from being a fixed
 * point; it is round-off for a flat family.
 */
export function sampleFamily(
  rhs: Rhs,
  family: FixedPointFamily,
  count: number,
  options: { analyticJacobian?: JacobianFn; h?: number; classifyTol?: number } = {},
): FamilySample[] {
  const n = family.anchor.length;
  const steps = Math.max(2, Math.floor(count));
  const [s0, s1] = family.extent;
  const b0 = family.basis[0]!;
  const F = new Float64Array(n);
  const out: FamilySample[] = [];
  for (let k = 0; k < steps; k++) {
    const s = k === steps - 1 ? s1 : s0 + ((s1 - s0) * k) / (steps - 1);
    const x = Float64Array.from(family.anchor, (a, i) => a + s * b0[i]!);
    rhs(0, x, F);
    const eigs = eigenvalues(
      jacobian(rhs, x, { analytic: options.analyticJacobian, h: options.h }),
      n,
    );
    out.push({
      s,
      x,
      eigenvalues: eigs,
      residual: normInf(F),
      transverse: true,
      ...classifyTransverse(eigs, family.dimension, options.classifyTol),
    });
  }
  return out;
}
