/**
 * Prop. 5.1's diffusive limit (Ben Arous–Gheissari–Jagannath, §5.2 and §9.5), at λ = ∞: the
 * start on the product of two quarter-rings, I_μ^+ = {1, 2} at v = m^μ = √C_α(cos θ, sin θ) and
 * I_ν^+ = {3, 4} at v = m^ν = −√C_α(cos θ, sin θ), and the law of the rings' radial offsets.
 *
 * Derived here (docs/models/xor.md): near the ring σ(−v·g(m^μ)) ≈ 4α − 4α(1 − 4α)δs with
 * δs = Σ a_k(δv_k + δm_k), so s̃ = Σ a_k(ṽ_k + m̃_k) obeys ds̃ = −κs̃ dt + noise with
 *   κ = 2C_α·α(1 − 4α)
 * (Prop. 5.1 prints the a_i(α − 4α²)Σ term with the opposite sign, as Prop. 4.3 does). Units 1, 2
 * feel the data only through the +μ cluster (probability ¼), so ∂L/∂v_i = ∂L/∂m_i = −a_i·4α·B with
 * B ~ Ber(¼): the rank-one Σ̃ = 3c_δα²a_ia_j of Prop. 5.1, and s̃ has noise variance 12c_δα²C_α².
 * With ṽ − m̃ noiseless and decaying, √N(‖(m₁^μ, m₂^μ)‖ − √C_α) = s̃/(2√C_α) is Gaussian with
 *   mean √N·offset(0)·e^{−κt},   variance 3c_δα(1 − e^{−2κt}) / (4(1 − 4α)),
 * the same for the ν pair (the −ν cluster). The two pairs' noises come from exclusive clusters:
 * Cov = −1/16 against Var 3/16, so their stationary correlation is −1/3 (Prop. 5.1's cross
 * entries −α²a_{iμ}a_{jν}), not the independence Fig. 11's caption states.
 */
import type { Observables } from '../../core/model';
import { num, type Params, str } from '../../core/params';
import { xorCAlpha } from './closedForms';
import { type XorState } from './sgd';

/** Whether the parameters ask for Prop. 5.1's quarter-rings start (K ≥ 4, α < 1/8). */
export function onRings(p: Params): boolean {
  return str(p, 'init') === 'rings' && num(p, 'K') >= 4 && xorCAlpha(num(p, 'alpha')) > 0;
}

/** Prop. 5.1's start: units 1, 2 on the μ ring, 3, 4 on the ν ring at angle θ, the rest 0. */
export function ringsStart(K: number, alpha: number, theta: number): XorState {
  const a = Math.sqrt(xorCAlpha(alpha));
  const [c, s] = [a * Math.cos(theta), a * Math.sin(theta)];
  const v = new Float64Array(K);
  const mu = new Float64Array(K);
  const nu = new Float64Array(K);
  [v[0], v[1], mu[0], mu[1]] = [c, s, c, s];
  [v[2], v[3], nu[2], nu[3]] = [-c, -s, -c, -s];
  return { K, v, mu, nu };
}

/** The radial offsets of the two rings: `dmu` = ‖(m₁^μ, m₂^μ)‖ − √C_α, `dnu` for (m₃^ν, m₄^ν). */
export function ringObservables(K: number, alpha: number): Observables {
  const r = Math.sqrt(Math.max(0, xorCAlpha(alpha)));
  return {
    names: ['dmu', 'dnu'],
    compute(_t, x, out) {
      out[0] = K >= 2 ? Math.hypot(x[K]!, x[K + 1]!) - r : Number.NaN;
      out[1] = K >= 4 ? Math.hypot(x[2 * K + 2]!, x[2 * K + 3]!) - r : Number.NaN;
    },
  };
}

/** The law of √N·dmu at time t from the rings start (mean 0: the start is on the ring). */
export function ringLaw(p: Params, t: number): { mean: number; sd: number } | null {
  if (!onRings(p)) return null;
  const alpha = num(p, 'alpha');
  const kappa = 2 * xorCAlpha(alpha) * alpha * (1 - 4 * alpha);
  const variance =
    (3 * num(p, 'cdelta') * alpha * (1 - Math.exp(-2 * kappa * t))) / (4 * (1 - 4 * alpha));
  return { mean: 0, sd: Math.sqrt(variance) };
}
