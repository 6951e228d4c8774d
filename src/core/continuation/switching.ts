/**
 * Branch switching at a simple branch point of G(y) = 0 (Keller 1977; Allgower & Georg §8.3,
 * the algebraic bifurcation equation): at the branch point ∂G/∂y has a 2-dimensional null space
 * {t₁, t₂} (t₁ the tangent of the branch arrived on) and a left null vector φ. The tangents
 * α t₁ + β t₂ of the two branches are the roots of
 *   a α² + 2b αβ + c β² = 0,  a = φᵀG''[t₁, t₁], b = φᵀG''[t₁, t₂], c = φᵀG''[t₂, t₂],
 * with G'' from second differences of G. The root farther from t₁ is the other branch.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

import type { ArclengthProblem } from './arclength';
import { fdJacobian } from './dense';

/** Eigenvectors of the symmetric matrix S (k×k), ascending eigenvalue. */
function symmetricEigenvectors(S: number[][]): Float64Array[] {
  const evd = new EigenvalueDecomposition(new Matrix(S), { assumeSymmetric: true });
  const vals = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  return vals
    .map((v, c) => ({ v, c }))
    .sort((a, b) => a.v - b.v)
    .map(({ c }) => Float64Array.from({ length: S.length }, (_, i) => V.get(i, c)));
}

/** The unit direction (in y) of the other branch through the branch point y, or null. */
export function branchDirection(
  problem: ArclengthProblem,
  y: Float64Array,
  arriving: Float64Array,
): Float64Array | null {
  const m = problem.equations;
  const N = m + 1;
  const Gy = problem.jacobian?.(y) ?? fdJacobian(problem.residual, y, m);
  const GtG = Array.from({ length: N }, (_, i) =>
    Array.from({ length: N }, (_, j) => {
      let s = 0;
      for (let r = 0; r < m; r++) s += Gy[r * N + i]! * Gy[r * N + j]!;
      return s;
    }),
  );
  const GGt = Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) => {
      let s = 0;
      for (let c = 0; c < N; c++) s += Gy[i * N + c]! * Gy[j * N + c]!;
      return s;
    }),
  );
  const [e1, e2] = symmetricEigenvectors(GtG) as [Float64Array, Float64Array];
  const phi = symmetricEigenvectors(GGt)[0]!;
  // t₁: the arriving tangent projected onto the null space; t₂ ⊥ t₁ in it.
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);
  const unit = (a: Float64Array) => {
    const l = Math.sqrt(dot(a, a));
    return Float64Array.from(a, (v) => v / l);
  };
  const t1 = unit(
    Float64Array.from(e1, (v, i) => dot(arriving, e1) * v + dot(arriving, e2) * e2[i]!),
  );
  const t2 = unit(Float64Array.from(e1, (v, i) => dot(t1, e2) * v - dot(t1, e1) * e2[i]!));
  let ys = 0;
  for (const v of y) ys = Math.max(ys, Math.abs(v));
  const eps = 1e-4 * Math.max(1, ys);
  const g0 = new Float64Array(m);
  problem.residual(y, g0);
  const gp = new Float64Array(m);
  const gm = new Float64Array(m);
  const second = (u: Float64Array) => {
    problem.residual(
      Float64Array.from(y, (v, i) => v + eps * u[i]!),
      gp,
    );
    problem.residual(
      Float64Array.from(y, (v, i) => v - eps * u[i]!),
      gm,
    );
    let s = 0;
    for (let i = 0; i < m; i++) s += phi[i]! * (gp[i]! + gm[i]! - 2 * g0[i]!);
    return s / (eps * eps);
  };
  const a = second(t1);
  const c = second(t2);
  const b = (second(Float64Array.from(t1, (v, i) => v + t2[i]!)) - a - c) / 2;
  // Q(θ) = a cos²θ + 2b sinθ cosθ + c sin²θ = (a+c)/2 + R cos(2θ − ψ).
  const R = Math.hypot((a - c) / 2, b);
  if (!(R > 0)) return null;
  const psi = Math.atan2(b, (a - c) / 2);
  const ratio = Math.max(-1, Math.min(1, -(a + c) / (2 * R)));
  const base = Math.acos(ratio);
  let best: Float64Array | null = null;
  let bestSin = -1;
  for (const twoTheta of [psi + base, psi - base]) {
    const theta = twoTheta / 2;
    const sin = Math.abs(Math.sin(theta));
    if (sin > bestSin) {
      bestSin = sin;
      best = Float64Array.from(t1, (v, i) => Math.cos(theta) * v + Math.sin(theta) * t2[i]!);
    }
  }
  return best;
}
