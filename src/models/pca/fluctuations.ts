/**
 * The spiked PCA's two fluctuation specs, both in the model's `views`: √n·m (Prop. 3.3, the
 * fluctuation view's default) and the radial √n(r⊥² − r_eq) of (3.5)/(7.8) (radial.ts), which the
 * view's picker (fl=r2) and the CLI's `fluctuation --series r2` choose (docs/models/pca.md,
 * "Radial fluctuations").
 */
import type { FluctuationView } from '../../core/model';
import type { Params } from '../../core/params';
import { BALLISTIC_FRACTION, equatorLaws } from './closedForms';
import { pcaParamsOf } from './params';
import { radialCentre, radialLaw, radialLaws } from './radial';

/** A fluctuation spec whose `centre` is always given (the tests subtract it without a default). */
type CentredFluctuationView = FluctuationView & { centre(p: Params): number };

/**
 * The equator law where it is drawn: only while it describes m. Once its spread reaches
 * |m| ≈ 0.2 (λ > c_δ grows like e^{4(λ−c_δ)t}) the run is ballistic, not OU.
 */
function equatorLawShown(p: Params, times: ArrayLike<number>) {
  const v = pcaParamsOf(p);
  return equatorLaws(v, times).map((law) =>
    law && Math.abs(law.mean) + law.sd <= BALLISTIC_FRACTION * Math.sqrt(v.n) ? law : null,
  );
}

/** √n·m at the equator: Prop. 3.3 with δ = c_δ/n (theory.ts, equatorLaw). */
export const pcaEquatorFluctuation: CentredFluctuationView = {
  series: 'm',
  label: '√n·m',
  scale: (p) => Math.sqrt(pcaParamsOf(p).n),
  centre: () => 0,
  law: (p, t) => equatorLawShown(p, [t])[0] ?? null,
  lawOnGrid: (p, times) => equatorLawShown(p, times),
  lawNote:
    'Prop. 3.3 with δ = cδ/n: d(√n m) = 2(kλ·1[k = 2] − k·r⊥²⁽ᵏ⁻¹⁾)√n m dt + 2√(cδ k·r⊥²⁽ᵏ⁻¹⁾) dB; stationary variance cδ²/(cδ − λ) for k = 2, λ < cδ (1/(1 − λ) at cδ = 1), cδ for k ≥ 3.',
  runs: 64,
};

/**
 * √n(r⊥² − r_eq) near the equator: (3.5)/(7.8) corrected, with r_eq = c_δ (the ridge's stable
 * equator radius when α > 0; 0 past α_c, where the law is null). Its law (radial.ts) is Gaussian
 * about √n(ρ(t) − r_eq), ρ the ODE's r⊥² from r0, with stationary variance 2kc_δ² at α = 0.
 */
export const pcaRadialFluctuation: CentredFluctuationView = {
  series: 'r2',
  label: '√n·(r⊥² − r*)',
  scale: (p) => Math.sqrt(pcaParamsOf(p).n),
  centre: (p) => radialCentre(pcaParamsOf(p)) ?? 0,
  law: (p, t) => radialLaw(pcaParamsOf(p), t),
  lawOnGrid: (p, times) => radialLaws(pcaParamsOf(p), times),
  lawNote:
    '(3.5)/(7.8) corrected, δ = cδ/n: d√n(r⊥² − cδ) = −4k·cδᵏ⁻¹·√n(r⊥² − cδ) dt + 4k√(cδᵏ⁺¹) dB, stationary variance 2k·cδ² (printed: −4k², 2√(k(k−1))); with the ridge, about r* (cδ − α/4 at k = 2, variance 4cδ r*).',
  runs: 200,
};
