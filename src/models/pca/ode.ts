/**
 * The effective dynamics (3.1) of Prop. 3.1 for u = (m, r⊥²), with R² = m² + r⊥²:
 *   ṁ    = 2m(kλm^{k−2} − kR^{2(k−1)})
 *   ṙ⊥²  = −4kR^{2(k−1)}(r⊥² − c_δ)
 * The first is minus the population gradient ∂Φ/∂m; the c_δ in the second is the corrector
 * g = δ𝓛r⊥² of (7.2): the noise's n-dimensional kick 4δ²E‖G‖² ≈ 4c_δkR^{2k−2}/n per step.
 * With the ridge (α/2)‖x‖² of §7 the drift gains −αm and −2αr⊥² (from Appendix 7's own f_m and
 * f_{r²}; its printed ODE has −2αm). Derivation and the check against SGD: docs/models/pca.md.
 */
import type { Rhs } from '../../core/ode';
import type { PcaParams } from './params';

export const PCA_NAMES = ['m', 'r2'];

/** The right-hand side of (3.1) at these parameters (λ already scaled for the tensor option). */
export function pcaRhs(p: PcaParams): Rhs {
  const { k, lambda, cdelta, alpha } = p;
  return (_t, x, dx) => {
    const m = x[0]!;
    const r2 = x[1]!;
    const R2k1 = Math.pow(m * m + r2, k - 1); // R^{2(k−1)}
    dx[0] = 2 * m * (k * lambda * Math.pow(m, k - 2) - k * R2k1) - alpha * m;
    dx[1] = -4 * k * R2k1 * (r2 - cdelta) - 2 * alpha * r2;
  };
}

/**
 * The Jacobian of (3.1), row-major [[∂ṁ/∂m, ∂ṁ/∂r⊥²], [∂ṙ⊥²/∂m, ∂ṙ⊥²/∂r⊥²]]. With ṁ =
 * 2kλm^{k−1} − 2kmR^{2(k−1)} and ṙ⊥² = −4kR^{2(k−1)}(r⊥² − c_δ), R² = m² + r⊥²:
 *   ∂ṁ/∂m = 2k(k−1)λm^{k−2} − 2kR^{2(k−1)} − 4k(k−1)m²R^{2(k−2)},  ∂ṁ/∂r⊥² = −2k(k−1)mR^{2(k−2)},
 *   ∂ṙ⊥²/∂m = −8k(k−1)mR^{2(k−2)}(r⊥² − c_δ),  ∂ṙ⊥²/∂r⊥² = −4k(k−1)R^{2(k−2)}(r⊥² − c_δ) − 4kR^{2(k−1)}.
 * The §7 ridge adds −α to ∂ṁ/∂m and −2α to ∂ṙ⊥²/∂r⊥².
 * Exact where central differences are not: at the origin for k ≥ 3 it vanishes.
 */
export function pcaJacobian(p: PcaParams): (t: number, x: Float64Array, J: Float64Array) => void {
  const { k, lambda, cdelta, alpha } = p;
  return (_t, x, J) => {
    const m = x[0]!;
    const r2 = x[1]!;
    const R2 = m * m + r2;
    const R2k1 = Math.pow(R2, k - 1);
    const R2k2 = Math.pow(R2, k - 2);
    J[0] =
      2 * k * (k - 1) * lambda * Math.pow(m, k - 2) -
      2 * k * R2k1 -
      4 * k * (k - 1) * m * m * R2k2 -
      alpha;
    J[1] = -2 * k * (k - 1) * m * R2k2;
    J[2] = -8 * k * (k - 1) * m * R2k2 * (r2 - cdelta);
    J[3] = -4 * k * (k - 1) * R2k2 * (r2 - cdelta) - 4 * k * R2k1 - 2 * alpha;
  };
}

/**
 * The population loss Φ = ‖λv^{⊗k} − x^{⊗k}‖² = λ² − 2λm^k + R^{2k}: E L minus the noise's n^k,
 * so Φ ≥ 0 with Φ = 0 at x = λ^{1/k}v. Along (3.1) it obeys (3.4).
 */
export function populationLoss(lambda: number, k: number, m: number, r2: number): number {
  return lambda * lambda - 2 * lambda * Math.pow(m, k) + Math.pow(m * m + r2, k);
}

/** The right-hand side of (3.4): dΦ/dt along (3.1). */
export function lossRate(lambda: number, k: number, m: number, r2: number, cdelta: number): number {
  const R2 = m * m + r2;
  const a = lambda * Math.pow(m, k - 2) - Math.pow(R2, k - 1);
  return -4 * k * k * m * m * a * a - 4 * k * k * Math.pow(R2, 2 * (k - 1)) * (r2 - cdelta);
}
