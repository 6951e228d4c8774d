/**
 * Closed forms of the contrastive model: Proposition 3's learnability threshold for any σ and
 * any augmentation noise.
 */
import { num, type Params, str } from '../../core/params';
import { ExpectationEvaluator } from './expectations';
import { lawOf } from './laws';
import type { Activation } from './params';

/**
 * Proposition 3 (S-45) as m₂* = 1 + κ·τ/m, returning κ = N₀/(2D₀) with, at q = 0 (σ_ℓ = σ(e + γ^(ℓ))),
 *   N₀ = (1+⟨γ₂²⟩)⟨σ₁²σ₂′²⟩ + (1+⟨γ₁²⟩)⟨σ₂²σ₁′²⟩ + 2(1+⟨γ₁γ₂⟩)⟨σ₁σ₁′σ₂σ₂′⟩ = ⟨L⟩,
 *   D₀ = ⟨σ₁σ₂″ + 2σ₁′σ₂′ + σ₂σ₁″⟩ = ⟨e(σ₁σ₂′ + σ₂σ₁′)⟩ = ⟨uF⟩  (Stein's lemma; no σ″ needed).
 * σ = x² without noise: N₀ = 16⟨e⁶⟩ = 240 and D₀ = 12⟨e²⟩ = 12, so κ = 10: m₂* = 1 + 10τ/m.
 */
export function prop3Slope(sigma: Activation, eta: number, rho: number, centred = false): number {
  // With batch normalisation σ₁, σ₂ are centred by ȳ = ⟨σ(e + γ)⟩ (the same Stein form).
  const ev = new ExpectationEvaluator([lawOf('gauss:1')], sigma, eta, rho, centred);
  const e = ev.evaluate([0]);
  return e.uF > 0 ? e.L / (2 * e.uF) : Number.POSITIVE_INFINITY;
}

/** Proposition 3's threshold m₂* for these parameters: Q = 0 is unstable iff m₂ > m₂*. */
export function prop3Threshold(p: Params): number {
  const slope = prop3Slope(
    str(p, 'sigma') as Activation,
    num(p, 'eta'),
    num(p, 'noiseCorr'),
    str(p, 'bn') === 'population',
  );
  return 1 + (slope * num(p, 'tau')) / num(p, 'batch');
}
