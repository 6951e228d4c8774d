/**
 * The macroscopic ODE of the linear β-VAE in (m, d, Q, E, R, D) for general M, M*, in the matrix
 * form of docs/models/vae.md, which corrects three lines of the printed system (checked against SGD in
 * vae.test.ts; derivation in docs/models/vae.md):
 *   A = ρ d dᵀ + η E,  C = ρ d mᵀ + η Rᵀ,  B = ρ m mᵀ + η Q,  Y = (ρ+η) d,  Z = (ρ+η) m,
 *   Q̃ = Q + βI,  Λ = diag(D) + λI  (m* = I because W*ᵀW* = N·I)
 *   ṁ = −τ_W(Am + Λm − Y)                                                    (18)
 *   ḋ = −τ_V(Q̃Y − Z + λd)                                                    (19)
 *   Q̇ = −τ_W(AQ + QA + ΛQ + QΛ − C − Cᵀ) + ητ_W² A                          (20)
 *   Ė = −τ_V(Q̃A + AQ̃ − C − Cᵀ + 2λE) + ητ_V²(Q̃AQ̃ − Q̃C − CᵀQ̃ + B)         (21, β corrected)
 *   Ṙ = −τ_W(AR + ΛR − A) − τ_V(CᵀQ̃ − B + λR) − ητ_Wτ_V(AQ̃ − C)            (22, sign and η corrected)
 *   Ḋ_m = (τ_D/2)(β/D_m − Q_mm − β)                                           (23, ½ restored)
 * β = β(t) follows the annealing schedule, so the system is non-autonomous when annealing.
 */
import type { Rhs } from '../../core/ode';
import type { VaeLayout } from './layout';
import { betaAt, type VaeParams } from './params';

/** out = a·b for row-major a (r×k) and b (k×c). */
function mul(
  a: Float64Array,
  b: Float64Array,
  r: number,
  k: number,
  c: number,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += a[i * k + l]! * b[l * c + j]!;
      out[i * c + j] = s;
    }
  }
  return out;
}

/** Transpose of an r×c matrix. */
function tr(a: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j]!;
  return out;
}

export function vaeRhs(p: VaeParams, L: VaeLayout): Rhs {
  const { M, Mstar: K, rho, eta, lambda, tauW, tauV, tauD } = p;
  const mm = (r: number, c: number) => new Float64Array(r * c);
  const m = mm(M, K);
  const d = mm(M, K);
  const Q = mm(M, M);
  const E = mm(M, M);
  const R = mm(M, M);
  const A = mm(M, M);
  const B = mm(M, M);
  const C = mm(M, M);
  const Qt = mm(M, M);
  const t1 = mm(M, M);
  const t2 = mm(M, M);
  const t3 = mm(M, M);
  const tk = mm(M, K);
  return (t, x, dx) => {
    const beta = betaAt(p, t);
    L.read(x, m, d, Q, E, R);
    const D = x.subarray(L.D, L.D + M);
    // A = ρ d dᵀ + η E, B = ρ m mᵀ + η Q, C = ρ d mᵀ + η Rᵀ
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < M; j++) {
        let dd = 0;
        let mq = 0;
        let dm = 0;
        for (let s = 0; s < K; s++) {
          dd += d[i * K + s]! * d[j * K + s]!;
          mq += m[i * K + s]! * m[j * K + s]!;
          dm += d[i * K + s]! * m[j * K + s]!;
        }
        A[i * M + j] = rho * dd + eta * E[i * M + j]!;
        B[i * M + j] = rho * mq + eta * Q[i * M + j]!;
        C[i * M + j] = rho * dm + eta * R[j * M + i]!;
        Qt[i * M + j] = Q[i * M + j]! + (i === j ? beta : 0);
      }
    }
    const Lam = (i: number) => D[i]! + lambda;
    const Ct = tr(C, M, M);
    // ṁ and ḋ
    mul(A, m, M, M, K, tk);
    for (let i = 0; i < M; i++) {
      for (let s = 0; s < K; s++) {
        const k = i * K + s;
        dx[L.m + k] = -tauW * (tk[k]! + Lam(i) * m[k]! - (rho + eta) * d[k]!);
      }
    }
    mul(Qt, d, M, M, K, tk);
    for (let i = 0; i < M; i++) {
      for (let s = 0; s < K; s++) {
        const k = i * K + s;
        dx[L.d + k] = -tauV * ((rho + eta) * tk[k]! - (rho + eta) * m[k]! + lambda * d[k]!);
      }
    }
    // Q̇ (symmetric)
    mul(A, Q, M, M, M, t1);
    mul(Q, A, M, M, M, t2);
    const dQ = mm(M, M);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < M; j++) {
        const k = i * M + j;
        dQ[k] =
          -tauW * (t1[k]! + t2[k]! + Lam(i) * Q[k]! + Q[k]! * Lam(j) - C[k]! - Ct[k]!) +
          eta * tauW * tauW * A[k]!;
      }
    }
    // Ė (symmetric): Q̃A + AQ̃ …, and the τ_V² group Q̃AQ̃ − Q̃C − CᵀQ̃ + B
    mul(Qt, A, M, M, M, t1);
    mul(A, Qt, M, M, M, t2);
    mul(t1, Qt, M, M, M, t3); // Q̃AQ̃
    const QtC = mul(Qt, C, M, M, M, mm(M, M));
    const CtQt = mul(Ct, Qt, M, M, M, mm(M, M));
    const dE = mm(M, M);
    for (let k = 0; k < M * M; k++) {
      dE[k] =
        -tauV * (t1[k]! + t2[k]! - C[k]! - Ct[k]! + 2 * lambda * E[k]!) +
        eta * tauV * tauV * (t3[k]! - QtC[k]! - CtQt[k]! + B[k]!);
    }
    // Ṙ = −τ_W(AR + ΛR − A) − τ_V(CᵀQ̃ − B + λR) − ητ_Wτ_V(AQ̃ − C)
    mul(A, R, M, M, M, t1);
    mul(A, Qt, M, M, M, t2);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < M; j++) {
        const k = i * M + j;
        dx[L.R + k] =
          -tauW * (t1[k]! + Lam(i) * R[k]! - A[k]!) -
          tauV * (CtQt[k]! - B[k]! + lambda * R[k]!) -
          eta * tauW * tauV * (t2[k]! - C[k]!);
      }
    }
    L.writeSym(dx, L.Q, dQ);
    L.writeSym(dx, L.E, dE);
    for (let i = 0; i < M; i++) dx[L.D + i] = (tauD / 2) * (beta / D[i]! - Q[i * M + i]! - beta);
  };
}
