/**
 * The effective dynamics of the binary-GMM classifier in u = (v1, v2, m1, m2, R11, R12, R22),
 * (4.2), with time t = steps·δ, δ = c_δ/N.
 *
 * Finite λ, Prop. 4.1: u̇ = −f(u) + g(u) with
 *   f_{v_i} = m_i A_i^μ + A⊥_ii + α v_i,   f_{m_i} = v_i A_i^μ + α m_i,
 *   f_{R_ij} = v_i A⊥_ij + v_j A⊥_ji + 2α R_ij,   g_{R_ij} = c_δ v_i v_j B_ij / λ,
 * the integrals (4.3) from integrals.ts.
 *
 * λ = ∞, Prop. 4.2 (the λ → ∞ limit; c_δ drops out):
 *   ṁ_i = (v_i/2) σ(−v·m) − α m_i,  v̇_i = (m_i/2) σ(−v·m) − α v_i     if m1 m2 > 0,
 *   the same with σ(−v_i m_i) in place of σ(−v·m) otherwise,   Ṙ_ij = −2α R_ij.
 * On m_i = 0 this gives ṁ_i = v_i/4, the limit of the finite-λ drift (docs/models/gmm.md), which sets the
 * sign of m_i from that of v_i at a random start.
 */
import type { Rhs } from '../../core/ode';
import type { PiecewiseRhs } from '../../core/stability';
import { type GmmIntegrals, gmmIntegrals } from './integrals';
import type { GmmParams } from './params';

export const GMM_NAMES = ['v1', 'v2', 'm1', 'm2', 'R11', 'R12', 'R22'] as const;

/** σ(x) = 1/(1 + e^{−x}). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Prop. 4.2's right-hand side (λ = ∞). With `sides` (±1 for m1, m2) it is one smooth piece, the
 * field of that quadrant extended across the axes: the branch jumps where m1·m2 changes sign,
 * in ṁ_i only (v̇_i carries a factor m_i there), so stability on an axis is decided by the pieces.
 */
export function gmmRhsInfinite(alpha: number, sides?: Int8Array): Rhs {
  return (_t, x, dx) => {
    const v1 = x[0]!;
    const v2 = x[1]!;
    const m1 = x[2]!;
    const m2 = x[3]!;
    let s1: number;
    let s2: number;
    if (sides ? sides[0]! * sides[1]! > 0 : m1 * m2 > 0) {
      s1 = s2 = sigmoid(-(v1 * m1 + v2 * m2));
    } else {
      s1 = sigmoid(-v1 * m1);
      s2 = sigmoid(-v2 * m2);
    }
    dx[0] = 0.5 * m1 * s1 - alpha * v1;
    dx[1] = 0.5 * m2 * s2 - alpha * v2;
    dx[2] = 0.5 * v1 * s1 - alpha * m1;
    dx[3] = 0.5 * v2 * s2 - alpha * m2;
    dx[4] = -2 * alpha * x[4]!;
    dx[5] = -2 * alpha * x[5]!;
    dx[6] = -2 * alpha * x[6]!;
  };
}

/** Prop. 4.2's field as pieces: the switches are m1 and m2 (state indices 2, 3). */
export function gmmPiecewise(alpha: number): PiecewiseRhs {
  return { switches: [2, 3], piece: (sides) => gmmRhsInfinite(alpha, sides) };
}

/** Prop. 4.1's right-hand side at finite λ. */
export function gmmRhsFinite(lambda: number, alpha: number, cdelta: number): Rhs {
  const I: GmmIntegrals = {
    Amu: new Float64Array(2),
    Aperp: new Float64Array(4),
    B: new Float64Array(4),
  };
  return (_t, x, dx) => {
    gmmIntegrals(x, lambda, I);
    const v = [x[0]!, x[1]!];
    const m = [x[2]!, x[3]!];
    const R = [x[4]!, x[5]!, x[5]!, x[6]!];
    for (let i = 0; i < 2; i++) {
      dx[i] = -(m[i]! * I.Amu[i]! + I.Aperp[3 * i]! + alpha * v[i]!);
      dx[2 + i] = -(v[i]! * I.Amu[i]! + alpha * m[i]!);
    }
    // R11, R12, R22 at (i, j) = (0, 0), (0, 1), (1, 1).
    const pairs = [
      [0, 0],
      [0, 1],
      [1, 1],
    ] as const;
    for (let k = 0; k < 3; k++) {
      const [i, j] = pairs[k]!;
      const ij = 2 * i + j;
      const ji = 2 * j + i;
      const f = v[i]! * I.Aperp[ij]! + v[j]! * I.Aperp[ji]! + 2 * alpha * R[ij]!;
      dx[4 + k] = -f + (cdelta * v[i]! * v[j]! * I.B[ij]!) / lambda;
    }
  };
}

export function gmmRhs(p: Pick<GmmParams, 'lambda' | 'alpha' | 'cdelta'>): Rhs {
  return p.lambda === Number.POSITIVE_INFINITY
    ? gmmRhsInfinite(p.alpha)
    : gmmRhsFinite(p.lambda, p.alpha, p.cdelta);
}
