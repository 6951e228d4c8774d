/**
 * Continua ("families") of fixed points, such as the GAN's plane q = r = 0 (Claim 1 of the GAN
 * paper): the numerical null space of a Jacobian, a family's principal directions from its
 * members, and evenly spaced samples along it for drawing. findFixedPoints (fixedPoints.ts)
 * links the members; this file describes what they span.
 */
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';

import type { FixedPoint } from './fixedPoints';
import { allFinite, distance, dot, norm2, normInf, toMatrix } from './linalg';
import type { Rhs } from './ode';
import {
  type Classification,
  classifyTransverse,
  type Eigenvalue,
  eigenvalues,
  jacobian,
  type JacobianFn,
} from './stability';

// Spread of the members below this fraction of the widest spread is noise, not a dimension.
const SPREAD_TOL = 1e-6;

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

/** A converged point with what the family search needs: its eigenvalues and null space. */
export interface Analysed {
  x: Float64Array;
  residual: number;
  eigenvalues: Eigenvalue[];
  jNorm: number;
  /** Eigenvalues with |λ| < zeroTol·scale. */
  zeros: number;
  /** Orthonormal basis of the null space of J (empty when zeros = 0). */
  kernel: Float64Array[];
  /** Set for a point on a jump of a piecewise field: its classification by the pieces. */
  byPieces?: Classification & { sliding: number[]; pieceRate: number | null };
}

/** Right singular vectors of J with σ < zeroTol·max(1, σ_max): its numerical null space. */
export function nullSpace(J: Float64Array, n: number, zeroTol: number): Float64Array[] {
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
export function offSpan(v: Float64Array, basis: Float64Array[]): number {
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
export function buildFamily(
  members: Analysed[],
  dim: number,
  classifyTol: number,
): FixedPointFamily {
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
