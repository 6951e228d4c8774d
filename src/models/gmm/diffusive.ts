/**
 * Prop. 4.3's diffusive limit near a quarter-circle point, with its drift sign corrected
 * (docs/models/gmm.md): at λ = ∞, from v = m = a with a₁² + a₂² = C_α (v₁v₂ > 0), the radial
 * offset of m from the circle, √N(‖m‖ − √C_α) ≈ â·m̃, is Gaussian with
 *   mean √N(‖m(0)‖ − √C_α) e^{−κt},   variance c_δ α (1 − e^{−2κt}) / (4(1 − 2α)),
 *   κ = 2C_α(α − 2α²),
 * because σ = â·(ṽ + m̃) is an OU process with rate κ and noise 2α√(c_δC_α) (the rank-one Σ̃ =
 * c_δα²a_ia_j), ṽ − m̃ = 0 stays 0 (no noise, decay 2α) and the tangential part is frozen.
 */
import type { Observables } from '../../core/model';
import { cAlpha, type GmmParams } from './params';

/** The observable `dm` = ‖m‖ − √C_α: distance of m from the fixed-point circle (Prop. 4.2). */
export function gmmObservables(p: GmmParams): Observables {
  const r = Math.sqrt(Math.max(0, cAlpha(p.alpha)));
  return {
    names: ['dm'],
    compute(_t, x, out) {
      out[0] = Math.hypot(x[2]!, x[3]!) - r;
    },
  };
}

/** Whether the start is a given point of a quarter-circle with v = m (Fig. 8's setting). */
export function onQuarterCircle(p: GmmParams): boolean {
  if (p.random || p.alpha >= 0.25) return false;
  const [v1, v2] = p.v0;
  const [m1, m2] = p.m0;
  const off = Math.hypot(m1, m2) - Math.sqrt(cAlpha(p.alpha));
  return v1 === m1 && v2 === m2 && v1 * v2 > 0 && Math.abs(off) < 0.05;
}

/** The law of √N·dm at time t from a quarter-circle start at λ = ∞, else null. */
export function radialLaw(p: GmmParams, t: number): { mean: number; sd: number } | null {
  if (p.lambda !== Number.POSITIVE_INFINITY || !onQuarterCircle(p)) return null;
  const C = cAlpha(p.alpha);
  const kappa = 2 * C * (p.alpha - 2 * p.alpha * p.alpha);
  const start = Math.sqrt(p.n) * (Math.hypot(p.m0[0], p.m0[1]) - Math.sqrt(C));
  const variance = (p.cdelta * p.alpha * (1 - Math.exp(-2 * kappa * t))) / (4 * (1 - 2 * p.alpha));
  return { mean: start * Math.exp(-kappa * t), sd: Math.sqrt(variance) };
}
