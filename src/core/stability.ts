/**
 * Jacobians, eigenvalues and the stability label of a fixed point (by the eigenvalues of J).
 * Matrices are n×n row-major Float64Arrays, J[i * n + j] = ∂F_i/∂x_j; eigenvalues come sorted
 * by descending real part.
 */
import { EigenvalueDecomposition } from 'ml-matrix';

import { allFinite, toMatrix } from './linalg';
import type { Rhs } from './ode';

/** An analytic Jacobian: write ∂F_i/∂x_j at x into out[i * n + j]. */
export type JacobianFn = (x: Float64Array, out: Float64Array) => void;

/**
 * A right-hand side with jumps (or kinks) across coordinate hyperplanes x_j = 0, j ∈ switches,
 * given by its smooth pieces: piece(sides) is the field of the region where sign(x_j) = sides[k]
 * for j = switches[k], extended smoothly across the hyperplanes (so that central differences of
 * a piece are valid on and near them). The XOR mixture's 1{m ≥ 0} and g(m) = max(m, 0) are such.
 */
export interface PiecewiseRhs {
  switches: number[];
  piece(sides: Int8Array): Rhs;
}

/** The sides of x for pw.switches: +1 where x_j ≥ 0 (a point on a jump counts as +), else −1. */
export function sidesOf(pw: PiecewiseRhs, x: Float64Array): Int8Array {
  return Int8Array.from(pw.switches, (j) => (x[j]! >= 0 ? 1 : -1));
}

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

export const DEFAULT_H = 1e-6;
export const DEFAULT_CLASSIFY_TOL = 1e-7;

/**
 * The n×n Jacobian J[i * n + j] = ∂F_i/∂x_j of F = rhs(0, ·) at x (n = x.length).
 * Uses `options.analytic` when given, else central differences with step
 * h_j = h·max(1, |x_j|) (h default 1e-6; error O(h_j²) plus round-off O(ε/h_j)).
 * With `options.piecewise` the differences are those of the smooth piece x lies on (a point
 * on a jump takes the + side): a one-sided Jacobian that never straddles a discontinuity.
 * Stability at a point on a jump needs every adjacent piece: see classifyPiecewise.
 */
export function jacobian(
  rhs: Rhs,
  x: Float64Array,
  options: { analytic?: JacobianFn; h?: number; piecewise?: PiecewiseRhs } = {},
): Float64Array {
  const n = x.length;
  const J = new Float64Array(n * n);
  if (options.analytic) {
    options.analytic(x, J);
    return J;
  }
  if (options.piecewise) rhs = options.piecewise.piece(sidesOf(options.piecewise, x));
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
export function eigenScale(eigs: Eigenvalue[]): number {
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
