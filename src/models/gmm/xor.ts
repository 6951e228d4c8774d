/**
 * Stretch of issue 6: the XOR Gaussian mixture with K hidden units (Section 5; Props. 9.2–9.3,
 * §9.4), in its λ = ∞ limit. The app's model is models/xor (this file stays the library):
 * library code for the checks in xor.test.ts and docs/models/gmm.md.
 *
 * Data: y ~ Ber(½); X = ±μ (y = 1) or ±ν (y = 0), each sign with probability ½, μ ⟂ ν unit
 * vectors (λ = ∞: no noise). Network σ(v·g(WX)), W ∈ R^{K×N}, the loss (9.1) with ridge α,
 * δ = c_δ/N, t = steps·δ. Statistics (5.1): v_i, mμ_i = W_i·μ, mν_i = W_i·ν, R⊥_ij. With X in
 * span(μ, ν), W⊥ only decays, so the SGD of (v, mμ, mν) below is the literal SGD's exactly.
 */
import { normal } from '../../core/normal';
import type { Rng } from '../../core/rng';
import type { PiecewiseRhs } from '../../core/stability';
import { sigmoid } from './ode';

export interface XorState {
  K: number;
  v: Float64Array;
  mu: Float64Array;
  nu: Float64Array;
}

/**
 * §9.4's start: v_i ~ N(0, 1), W_i ~ N(0, I_N/N), so mμ_i, mν_i ~ N(0, 1/N) (their signs are
 * what the basin depends on).
 */
export function xorRandomStart(K: number, N: number, rng: Rng): XorState {
  const s = 1 / Math.sqrt(N);
  const v = Float64Array.from({ length: K }, () => normal(rng));
  const mu = Float64Array.from({ length: K }, () => s * normal(rng));
  const nu = Float64Array.from({ length: K }, () => s * normal(rng));
  return { K, v, mu, nu };
}

/** `steps` literal SGD steps at λ = ∞ (one fresh sample each), in place. */
export function xorSgd(
  x: XorState,
  p: { N: number; alpha: number; cdelta: number },
  steps: number,
  rng: Rng,
): void {
  const { K, v, mu, nu } = x;
  const delta = p.cdelta / p.N;
  const decay = 1 - delta * p.alpha;
  for (let it = 0; it < steps; it++) {
    const w = rng.nextU32();
    const y = w & 1; // class: 1 → ±μ, 0 → ±ν
    const s = w & 2 ? 1 : -1; // the mixture component's sign
    const m = y ? mu : nu;
    let z = 0;
    for (let i = 0; i < K; i++) {
      const h = s * m[i]!;
      if (h > 0) z += v[i]! * h;
    }
    const e = sigmoid(z) - y;
    for (let i = 0; i < K; i++) {
      const h = s * m[i]!;
      const on = h >= 0;
      const vi = v[i]!;
      v[i] = vi - delta * ((on ? h : 0) * e + p.alpha * vi);
      mu[i] = decay * mu[i]!;
      nu[i] = decay * nu[i]!;
      // W_i ← W_i − δ v_i e 1{h ≥ 0} X: along the class's direction only (X = s·μ or s·ν).
      if (on) m[i] = m[i]! - delta * vi * e * s;
    }
  }
}

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

/** C_α of Section 5: −logit(4α) (Prop. 9.3 prints logit(−4α)). */
export function xorCAlpha(alpha: number): number {
  return Math.log(1 - 4 * alpha) - Math.log(4 * alpha);
}

/**
 * Whether an end state is one of the optimal classifiers (Prop. 9.3's stable sets): some unit
 * in each of I_μ^+ (v > 0, mμ > 0), I_μ^− (v > 0, mμ < 0), I_ν^+ (v < 0, mν > 0) and I_ν^−
 * (v < 0, mν < 0), "in" meaning beyond `tol`.
 */
export function xorOptimal(x: XorState, tol = 0.1): boolean {
  let a = false;
  let b = false;
  let c = false;
  let d = false;
  for (let i = 0; i < x.K; i++) {
    const v = x.v[i]!;
    if (v > tol && x.mu[i]! > tol) a = true;
    if (v > tol && x.mu[i]! < -tol) b = true;
    if (v < -tol && x.nu[i]! > tol) c = true;
    if (v < -tol && x.nu[i]! < -tol) d = true;
  }
  return a && b && c && d;
}

/** (5.2): the probability that a Gaussian start is in an optimal basin, K hidden units. */
export function xorGoodStartProbability(K: number): number {
  let choose = 1; // C(K, k), built up from k = 0
  let sum = 0;
  for (let k = 0; k <= K; k++) {
    if (k >= 2 && k <= K - 2) sum += choose * (1 - 2 ** (1 - k)) * (1 - 2 ** (1 + k - K));
    choose = (choose * (K - k)) / (k + 1);
  }
  return sum / 2 ** K;
}
