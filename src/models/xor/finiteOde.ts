/**
 * Prop. 9.1: the XOR network's ODE at finite λ, on the 3K + K(K+1)/2 statistics (5.1)
 * (v_i, mμ_i, mν_i, R⊥_ij for i ≤ j), with the Gaussian integrals
 *   A_i^μ = μ·A_i,  A_i^ν = ν·A_i,  A⊥_ij = W_j⊥·A_i,  A_i = E[X 1{W_i·X ≥ 0}(σ(v·g(WX)) − y)],
 *   B_ij  = E[1{W_i·X ≥ 0} 1{W_j·X ≥ 0}(σ − y)²]
 * (docs/models/xor.md, "Finite λ").
 *
 * Reduction. In the class (ι, s) (ι = μ or ν, sign s, each with probability ¼), X = sι + Z/√λ
 * with Z ~ N(0, I_N), so h = WX = s m^ι + WZ/√λ, and WZ ~ N(0, Q) with Q = WWᵀ the full Gram
 * matrix, Q_ij = mμ_i mμ_j + mν_i mν_j + R⊥_ij. (Lemma 9.1's proof writes independent Z_{i,ι}
 * per unit; the Z·ι part is shared.) With Q = U D Uᵀ, WZ = U D^{1/2} ξ, ξ ~ N(0, I_r) on the r
 * eigen-directions with D > 0. A linear factor c·Z (c = μ, ν or W_j⊥) is replaced by its
 * conditional mean given WZ, (Wc)ᵀ Q⁺ WZ = (D^{-1/2} Uᵀ Wc)·ξ, exact and needing no inverse of a
 * singular Q; Wμ = mμ, Wν = mν and W W_j⊥ = R⊥_{·j}.
 *
 * The r-dimensional expectation over ξ is a tensor-product Gauss–Hermite rule (core/quadrature).
 * Its error comes from the kinks h_i = 0 (1{h ≥ 0} and g): far from them (|m| ≫ |W|/√λ) the rule
 * is spectrally accurate, on them it converges slowly (measured in finiteOde.test.ts).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

import type { Rhs } from '../../core/ode';
import { gaussHermite } from '../../core/quadrature';
import { sigmoid } from '../gmm/ode';

/** Index of R⊥_ij (i ≤ j) in the upper triangle, row by row, after the 3K entries of (v, mμ, mν). */
export function perpIndex(K: number, i: number, j: number): number {
  const [a, b] = i <= j ? [i, j] : [j, i];
  return 3 * K + a * K - (a * (a - 1)) / 2 + (b - a);
}

/** The finite-λ state's dimension: 3K + K(K + 1)/2. */
export const finiteDim = (K: number) => 3 * K + (K * (K + 1)) / 2;

export interface XorIntegrals {
  Amu: Float64Array;
  Anu: Float64Array;
  /** A⊥_ij at index iK + j. */
  Aperp: Float64Array;
  /** B_ij at index iK + j. */
  B: Float64Array;
}

const gridCache = new Map<string, { nodes: Float64Array; weights: Float64Array }>();

/** The tensor-product rule of `points`^r nodes in R^r (node k's coordinates at k·r …). */
function tensorRule(points: number, r: number) {
  const key = `${points}:${r}`;
  const hit = gridCache.get(key);
  if (hit) return hit;
  const { nodes: x, weights: w } = gaussHermite(points);
  const count = points ** r;
  const nodes = new Float64Array(count * r);
  const weights = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    let rest = k;
    let weight = 1;
    for (let d = 0; d < r; d++) {
      const a = rest % points;
      rest = (rest - a) / points;
      nodes[k * r + d] = x[a]!;
      weight *= w[a]!;
    }
    weights[k] = weight;
  }
  const rule = { nodes, weights };
  gridCache.set(key, rule);
  return rule;
}

/** Prop. 9.1's integrals at the finite-λ state x (layout of `perpIndex`). */
export function xorIntegrals(
  K: number,
  lambda: number,
  x: Float64Array,
  points: number,
): XorIntegrals {
  const v = x.subarray(0, K);
  const mu = x.subarray(K, 2 * K);
  const nu = x.subarray(2 * K, 3 * K);
  const R = (i: number, j: number) => x[perpIndex(K, i, j)]!;
  const Q = new Matrix(K, K);
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) Q.set(i, j, mu[i]! * mu[j]! + nu[i]! * nu[j]! + R(i, j));
  const evd = new EigenvalueDecomposition(Q, { assumeSymmetric: true });
  const d = evd.realEigenvalues;
  const U = evd.eigenvectorMatrix;
  const top = Math.max(...d.map(Math.abs), 1e-300);
  const kept = d.map((_, k) => k).filter((k) => d[k]! > 1e-12 * top);
  const r = kept.length;
  const scale = 1 / Math.sqrt(lambda);
  // h_i = s m_i^ι + Σ_k L_ik ξ_k, L = U D^{1/2}/√λ; c·Z/√λ = Σ_k C_k ξ_k, C = D^{-1/2} Uᵀ Wc/√λ.
  const L = new Float64Array(K * r);
  const coef = (w: (i: number) => number) => {
    const c = new Float64Array(r);
    kept.forEach((k, a) => {
      let s = 0;
      for (let i = 0; i < K; i++) s += U.get(i, k) * w(i);
      c[a] = (scale * s) / Math.sqrt(d[k]!);
    });
    return c;
  };
  kept.forEach((k, a) => {
    for (let i = 0; i < K; i++) L[i * r + a] = scale * U.get(i, k) * Math.sqrt(d[k]!);
  });
  const cMu = coef((i) => mu[i]!);
  const cNu = coef((i) => nu[i]!);
  const cPerp = Array.from({ length: K }, (_, j) => coef((i) => R(i, j)));

  const out: XorIntegrals = {
    Amu: new Float64Array(K),
    Anu: new Float64Array(K),
    Aperp: new Float64Array(K * K),
    B: new Float64Array(K * K),
  };
  const { nodes, weights } = tensorRule(points, r);
  const h = new Float64Array(K);
  const lin = new Float64Array(K);
  for (const onMu of [true, false]) {
    const m = onMu ? mu : nu;
    const y = onMu ? 1 : 0;
    for (const s of [1, -1]) {
      for (let q = 0; q < weights.length; q++) {
        const xi = nodes.subarray(q * r, (q + 1) * r);
        let z = 0;
        for (let i = 0; i < K; i++) {
          let hi = s * m[i]!;
          for (let a = 0; a < r; a++) hi += L[i * r + a]! * xi[a]!;
          h[i] = hi;
          if (hi > 0) z += v[i]! * hi;
        }
        const e = sigmoid(z) - y;
        const we = 0.25 * weights[q]! * e;
        let xMu = onMu ? s : 0;
        let xNu = onMu ? 0 : s;
        for (let a = 0; a < r; a++) {
          xMu += cMu[a]! * xi[a]!;
          xNu += cNu[a]! * xi[a]!;
        }
        for (let j = 0; j < K; j++) {
          let l = 0;
          const c = cPerp[j]!;
          for (let a = 0; a < r; a++) l += c[a]! * xi[a]!;
          lin[j] = l;
        }
        for (let i = 0; i < K; i++) {
          if (h[i]! < 0) continue;
          out.Amu[i] = out.Amu[i]! + we * xMu;
          out.Anu[i] = out.Anu[i]! + we * xNu;
          for (let j = 0; j < K; j++) {
            const at = i * K + j;
            out.Aperp[at] = out.Aperp[at]! + we * lin[j]!;
            if (h[j]! >= 0) out.B[at] = out.B[at]! + we * e;
          }
        }
      }
    }
  }
  return out;
}

/**
 * Prop. 9.1's right-hand side u̇ = −f + g on the finite-λ state: f_{v_i} = mμ_i A_i^μ +
 * mν_i A_i^ν + A⊥_ii + αv_i, f_{m_i^ι} = v_i A_i^ι + αm_i^ι, f_{R⊥_ij} = v_i A⊥_ij + v_j A⊥_ji +
 * 2αR⊥_ij, g_{R⊥_ij} = c_δ v_i v_j B_ij/λ.
 */
export function xorFiniteRhs(
  K: number,
  p: { alpha: number; lambda: number; cdelta: number },
  points = 8,
): Rhs {
  const { alpha, lambda, cdelta } = p;
  return (_t, x, dx) => {
    const I = xorIntegrals(K, lambda, x, points);
    for (let i = 0; i < K; i++) {
      const v = x[i]!;
      const mu = x[K + i]!;
      const nu = x[2 * K + i]!;
      dx[i] = -(mu * I.Amu[i]! + nu * I.Anu[i]! + I.Aperp[i * K + i]! + alpha * v);
      dx[K + i] = -(v * I.Amu[i]! + alpha * mu);
      dx[2 * K + i] = -(v * I.Anu[i]! + alpha * nu);
      for (let j = i; j < K; j++) {
        const at = perpIndex(K, i, j);
        const vj = x[j]!;
        dx[at] =
          -(v * I.Aperp[i * K + j]! + vj * I.Aperp[j * K + i]! + 2 * alpha * x[at]!) +
          (cdelta * v * vj * I.B[i * K + j]!) / lambda;
      }
    }
  };
}
