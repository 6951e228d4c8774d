/**
 * Prop. 9.2's ODE of the XOR Gaussian mixture at λ = ∞ (Ben Arous–Gheissari–Jagannath, Section 5).
 */
import type { PiecewiseRhs } from '../../core/stability';
import { sigmoid } from '../gmm/ode';

/**
 * Prop. 9.2's right-hand side for (v, mμ, mν) (R⊥ decays as e^{−2αt} apart), with the ν line
 * corrected: the ν classes have y = 0, so their error is σ(+v·g(±mν)), as in the v̇ line; the
 * printed σ(−v·g(±mν)) in ṁν has no fixed point with mν_i = v_i < 0 (it would need σ(C) = 4α).
 * The state is [v (K), mμ (K), mν (K)].
 */
export function xorRhs(
  K: number,
  alpha: number,
  options: { printed?: boolean; ramp?: number; sides?: Int8Array } = {},
) {
  const printed = options.printed ?? false;
  // The field jumps across m = 0, and units slide along it (e.g. mν_i of a unit with v_i > 0 is
  // pushed to 0 from both sides, as Filippov's convention has it): an adaptive integrator then
  // chatters. `ramp` > 0 blends the two one-sided values linearly over |m| < ramp, an O(ramp)
  // regularisation; 0 is the literal field. `sides` (±1 for mμ_1…mμ_K, mν_1…mν_K) instead
  // gives one smooth piece: the field of that orthant of the m's, extended across m = 0
  // (xorPiecewise; the stability of points on a jump is decided by these pieces).
  const eps = options.ramp ?? 0;
  const sides = options.sides;
  // The sign of the switch at state index `at` (K + i for mμ_i, 2K + i for mν_i).
  const sideAt = (at: number, m: number) => (sides ? sides[at - K]! : m >= 0 ? 1 : -1);
  const side = (at: number, m: number, plus: number, minus: number) => {
    if (sides) return sides[at - K]! > 0 ? plus : -minus;
    if (eps > 0 && Math.abs(m) < eps) return ((m + eps) * plus - (eps - m) * minus) / (2 * eps);
    return (m >= 0 ? plus : 0) - (m <= 0 ? minus : 0); // 1{h ≥ 0}: both signs on at m = 0
  };
  // Σ_j v_j g(sign·m_j) over the block of x starting at `off`; on a piece, g(sign·m_j) is
  // sign·m_j where the piece has sign·m_j ≥ 0, else 0.
  const vg = (x: Float64Array, off: number, sign: number) => {
    let s = 0;
    for (let j = 0; j < K; j++) {
      const m = x[off + j]!;
      s += x[j]! * (sides ? (sign * sideAt(off + j, m) > 0 ? sign * m : 0) : Math.max(0, sign * m));
    }
    return s;
  };
  return (_t: number, x: Float64Array, dx: Float64Array): void => {
    // Class ±μ (y = 1): −e = σ(−v·g(±mμ)); class ±ν (y = 0): e = σ(v·g(±mν)).
    const muPlus = sigmoid(-vg(x, K, 1));
    const muMinus = sigmoid(-vg(x, K, -1));
    const nuPlus = sigmoid(vg(x, 2 * K, 1));
    const nuMinus = sigmoid(vg(x, 2 * K, -1));
    const nuPlusPrinted = printed ? sigmoid(-vg(x, 2 * K, 1)) : nuPlus;
    const nuMinusPrinted = printed ? sigmoid(-vg(x, 2 * K, -1)) : nuMinus;
    for (let i = 0; i < K; i++) {
      const v = x[i]!;
      const mu = x[K + i]!;
      const nu = x[2 * K + i]!;
      const fmu = side(K + i, mu, muPlus, muMinus);
      const fnu = side(2 * K + i, nu, nuPlus, nuMinus);
      const fnuM = side(2 * K + i, nu, nuPlusPrinted, nuMinusPrinted);
      dx[i] = (mu / 4) * fmu - (nu / 4) * fnu - alpha * v;
      dx[K + i] = (v / 4) * fmu - alpha * mu;
      dx[2 * K + i] = -(v / 4) * fnuM - alpha * nu;
    }
  };
}

/**
 * Prop. 9.2's field as smooth pieces: the switches are every mμ_i and mν_i (state indices K … 3K − 1),
 * across whose zero 1{m ≥ 0} jumps and g(m) kinks.
 */
export function xorPiecewise(K: number, alpha: number): PiecewiseRhs {
  return {
    switches: Array.from({ length: 2 * K }, (_, k) => K + k),
    piece: (sides) => xorRhs(K, alpha, { sides }),
  };
}
