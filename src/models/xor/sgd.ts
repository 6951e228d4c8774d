/**
 * The literal SGD of the XOR Gaussian mixture with K hidden units (Ben Arous–Gheissari–Jagannath,
 * Section 5; §9.4) in its λ = ∞ limit, checked in library.test.ts (docs/models/xor.md).
 *
 * Data: y ~ Ber(½); X = ±μ (y = 1) or ±ν (y = 0), each sign with probability ½, μ ⟂ ν unit
 * vectors (λ = ∞: no noise). Network σ(v·g(WX)), W ∈ R^{K×N}, the loss (9.1) with ridge α,
 * δ = c_δ/N, t = steps·δ. Statistics (5.1): v_i, mμ_i = W_i·μ, mν_i = W_i·ν, R⊥_ij. With X in
 * span(μ, ν), W⊥ only decays, so the SGD of (v, mμ, mν) below is the literal SGD's exactly.
 */
import { normal } from '../../core/normal';
import type { Rng } from '../../core/rng';
import { sigmoid } from '../gmm/ode';

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
