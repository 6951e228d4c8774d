/**
 * The macroscopic ODEs of the GAN (Wang, Hu & Lu 2019).
 *
 * - λ = ∞: the reduced ODE (13) with h and L from (14).
 * - finite λ: the general ODE (8) with the expectations (9), for Example 1
 *   (F = F̃ = x²/2, so f(x) = x; H(x) = log cosh(x − 1), so H′(x) = tanh(x − 1)).
 *
 * The expectations in (9) are over x = cᵀq + e√(z η_T) with c ~ N(0, Λ), e ~ N(0, 1), so x is a
 * scalar Gaussian of variance σ² = qᵀΛq + η_T z, and by Stein's lemma ⟨c f(x)⟩ = Λq ⟨f′(x)⟩.
 * Every expectation is therefore one-dimensional and is done by Gauss–Hermite quadrature, so
 * that a nonlinear discriminator f can be added by changing `discriminator` only.
 * h follows (S-15), which carries the factors η_T and η_G that (9) omits (they cancel only
 * when η_T = η_G); see docs/models/gan.md.
 */
import type { Rhs } from '../../core/ode';
import { gaussHermite } from '../../core/quadrature';
import { ganLayout } from './layout';
import type { GanParams } from './params';

/** f = d/dx F(D̂(x)) of the discriminator and its derivative; Example 1: f(x) = x. */
export interface Discriminator {
  f(x: number): number;
  fPrime(x: number): number;
}

export const linearDiscriminator: Discriminator = { f: (x) => x, fPrime: () => 1 };

/** Initial state consistent with unit-norm V columns and w built from P0, q0 (see sgd.ts). */
export function ganInitialState(p: GanParams): Float64Array {
  const reduced = p.lambda === Number.POSITIVE_INFINITY;
  const L = ganLayout(p.d, reduced);
  const x = new Float64Array(L.size);
  const d = p.d;
  for (let i = 0; i < d * d; i++) x[L.P + i] = p.P0[i]!;
  for (let i = 0; i < d; i++) x[L.q + i] = p.q0[i]!;
  // r_j = V_jᵀw = Σ_i P_ij q_i: the parts of V_j and w orthogonal to U are orthogonal (sgd.ts).
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += p.P0[i * d + j]! * p.q0[i]!;
    x[L.r + j] = s;
  }
  // S_jk = Σ_i P_ij P_ik off the diagonal; diag(S) = 1 and z = 1 (unit vectors).
  for (let j = 0; j < d; j++) {
    for (let k = j; k < d; k++) {
      const idx = L.sIndex(j, k);
      if (idx < 0) continue;
      let s = 0;
      if (j === k) s = 1;
      else for (let i = 0; i < d; i++) s += p.P0[i * d + j]! * p.P0[i * d + k]!;
      x[idx] = s;
    }
  }
  if (L.z >= 0) x[L.z] = 1;
  return x;
}

/** The reduced ODE (13)-(14) for λ = ∞. */
export function reducedRhs(p: GanParams): Rhs {
  const d = p.d;
  const L = ganLayout(d, true);
  const { tau, tauTilde, etaT, etaG } = p;
  const Lam = Float64Array.from(p.Lambda);
  const LamT = Float64Array.from(p.LambdaTilde);
  const Lvec = new Float64Array(d); // diagonal of L_t
  const S = new Float64Array(d * d);
  const hConst = (tau * (etaG * etaG + etaT * etaT)) / 2;
  return (_t, x, dx) => {
    let rLr = 0;
    let qLq = 0;
    for (let l = 0; l < d; l++) {
      const r = x[L.r + l]!;
      const q = x[L.q + l]!;
      rLr += LamT[l]! * r * r;
      qLq += Lam[l]! * q * q;
      Lvec[l] = -LamT[l]! * r * r; // (14): L = −diag(r rᵀ Λ̃)
    }
    const h = (1 - (tau * etaG) / 2) * rLr - (1 + (tau * etaT) / 2) * qLq - hConst; // (14)
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < d; k++) {
        const idx = L.sIndex(j, k);
        S[j * d + k] = idx < 0 ? 1 : x[idx]!;
      }
    }
    for (let i = 0; i < d; i++) {
      const qi = x[L.q + i]!;
      let PLr = 0;
      for (let j = 0; j < d; j++) {
        const Pij = x[L.P + i * d + j]!;
        const rj = x[L.r + j]!;
        dx[L.P + i * d + j] = tauTilde * (qi * rj * LamT[j]! + Pij * Lvec[j]!); // (13) first line
        PLr += Pij * LamT[j]! * rj;
      }
      dx[L.q + i] = tau * (Lam[i]! * qi - PLr + h * qi); // (13) second line
    }
    for (let j = 0; j < d; j++) {
      const rj = x[L.r + j]!;
      let PtLq = 0;
      let SLr = 0;
      for (let i = 0; i < d; i++) PtLq += x[L.P + i * d + j]! * Lam[i]! * x[L.q + i]!;
      for (let k = 0; k < d; k++) SLr += S[j * d + k]! * LamT[k]! * x[L.r + k]!;
      dx[L.r + j] = tau * (PtLq - SLr + h * rj) + tauTilde * (LamT[j]! + Lvec[j]!) * rj; // (13) third
    }
    for (let j = 0; j < d; j++) {
      for (let k = j + 1; k < d; k++) {
        const rj = x[L.r + j]!;
        const rk = x[L.r + k]!;
        const Sjk = S[j * d + k]!;
        // (13) fourth line, entry (j, k): (r rᵀΛ̃ + Λ̃ r rᵀ + S L + L S)_jk
        dx[L.sIndex(j, k)] =
          tauTilde * (rj * rk * LamT[k]! + LamT[j]! * rj * rk + Sjk * Lvec[k]! + Lvec[j]! * Sjk);
      }
    }
  };
}

/** The Gaussian averages of (9) for one branch: ⟨f′(x)⟩ and ⟨f²(x)⟩ for x ~ N(0, variance). */
export function branchAverages(
  disc: Discriminator,
  variance: number,
  order = 20,
): { fPrime: number; fSquared: number } {
  const { nodes, weights } = gaussHermite(order);
  const sd = Math.sqrt(Math.max(variance, 0));
  let fPrime = 0;
  let fSquared = 0;
  for (let k = 0; k < nodes.length; k++) {
    const x = sd * nodes[k]!;
    const fx = disc.f(x);
    fPrime += weights[k]! * disc.fPrime(x);
    fSquared += weights[k]! * fx * fx;
  }
  return { fPrime, fSquared };
}

/** The general ODE (8)-(9) for finite λ, Example 1 regulariser H(x) = log cosh(x − 1). */
export function generalRhs(p: GanParams, disc: Discriminator = linearDiscriminator): Rhs {
  const d = p.d;
  const L = ganLayout(d, false);
  const { tau, tauTilde, etaT, etaG, lambda } = p;
  const Lam = Float64Array.from(p.Lambda);
  const LamT = Float64Array.from(p.LambdaTilde);
  const g = new Float64Array(d);
  const gt = new Float64Array(d);
  const Lvec = new Float64Array(d);
  const S = new Float64Array(d * d);
  const zi = L.z;
  return (_t, x, dx) => {
    const z = x[zi]!;
    let qLq = 0;
    let rLr = 0;
    for (let l = 0; l < d; l++) {
      qLq += Lam[l]! * x[L.q + l]! ** 2;
      rLr += LamT[l]! * x[L.r + l]! ** 2;
    }
    const real = branchAverages(disc, qLq + etaT * z);
    const fake = branchAverages(disc, rLr + etaG * z);
    for (let l = 0; l < d; l++) {
      g[l] = Lam[l]! * x[L.q + l]! * real.fPrime; // ⟨c f(x)⟩ = Λq⟨f′⟩ (Stein)
      gt[l] = LamT[l]! * x[L.r + l]! * fake.fPrime;
    }
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < d; k++) S[j * d + k] = x[L.sIndex(j, k)]!;
      Lvec[j] = -lambda * Math.tanh(S[j * d + j]! - 1); // L = −λ diag(H′(S))
    }
    const h = etaT * real.fPrime - etaG * fake.fPrime - lambda * Math.tanh(z - 1); // (S-15)
    const b = etaT * real.fSquared + etaG * fake.fSquared; // (9)
    let qg = 0;
    let rgt = 0;
    for (let i = 0; i < d; i++) {
      const qi = x[L.q + i]!;
      let Pgt = 0;
      for (let j = 0; j < d; j++) {
        const Pij = x[L.P + i * d + j]!;
        dx[L.P + i * d + j] = tauTilde * (qi * gt[j]! + Pij * Lvec[j]!);
        Pgt += Pij * gt[j]!;
      }
      dx[L.q + i] = tau * (g[i]! - Pgt + qi * h);
      qg += qi * g[i]!;
      rgt += x[L.r + i]! * gt[i]!;
    }
    for (let j = 0; j < d; j++) {
      const rj = x[L.r + j]!;
      let Ptg = 0;
      let Sgt = 0;
      for (let i = 0; i < d; i++) Ptg += x[L.P + i * d + j]! * g[i]!;
      for (let k = 0; k < d; k++) Sgt += S[j * d + k]! * gt[k]!;
      dx[L.r + j] = tau * (Ptg - Sgt + rj * h) + tauTilde * (z * gt[j]! + Lvec[j]! * rj);
    }
    for (let j = 0; j < d; j++) {
      for (let k = j; k < d; k++) {
        const rj = x[L.r + j]!;
        const rk = x[L.r + k]!;
        const Sjk = S[j * d + k]!;
        dx[L.sIndex(j, k)] =
          tauTilde * (rj * gt[k]! + gt[j]! * rk + Sjk * Lvec[k]! + Lvec[j]! * Sjk);
      }
    }
    dx[zi] = 2 * tau * (qg - rgt + z * h) + tau * tau * b;
  };
}

/** The RHS for these parameters: reduced at λ = ∞, general otherwise. */
export function ganRhs(p: GanParams): Rhs {
  return p.lambda === Number.POSITIVE_INFINITY ? reducedRhs(p) : generalRhs(p);
}
