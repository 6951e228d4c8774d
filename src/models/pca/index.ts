/**
 * Spiked matrix and tensor PCA by online SGD, Ben Arous–Gheissari–Jagannath, "High-dimensional
 * limit theorems for SGD", Section 3 and Appendix 7. Equations used, conventions, misprints and
 * checks: docs/models/pca.md.
 */
import type { Model } from '../../core/model';
import { num } from '../../core/params';
import { Rng } from '../../core/rng';
import { BALLISTIC_FRACTION, equatorLaw } from './closedForms';
import { PCA_NAMES, pcaRhs, populationLoss } from './ode';
import { pcaParams, pcaParamsOf } from './params';
import { pcaPresets } from './presets';
import { initialPcaState, observePca, PCA_VARIANTS, PcaSimulator, type PcaVariant } from './sgd';
import { pcaTheory } from './theory';

export const pcaModel: Model = {
  id: 'pca',
  title: 'Spiked matrix/tensor PCA (Ben Arous–Gheissari–Jagannath)',
  paper: 'sgd-limits-ben-arous-gheissari-jagannath.md, Section 3 and Appendix 7',
  params: pcaParams,
  stateNames: () => PCA_NAMES,
  // Informed: (m0, r0) exactly. Random: run 0's measured start, m(0) of order 1/√n; from there
  // the ODE escapes (λ > c_δ) at a deterministic time, while each SGD run escapes diffusively.
  initialState: (p) => {
    const v = pcaParamsOf(p);
    if (v.informed) return Float64Array.of(v.m0, v.r0);
    const out = new Float64Array(2);
    observePca(initialPcaState(v, new Rng(v.seed, 0)), out);
    return out;
  },
  observables: (p) => {
    const v = pcaParamsOf(p);
    return {
      names: ['loss', 'R2'],
      compute(_t, x, out) {
        out[0] = populationLoss(v.lambda, v.k, x[0]!, x[1]!); // Φ of (3.4), noise floor n^k removed
        out[1] = x[0]! * x[0]! + x[1]!; // R² = ‖x‖²
      },
    };
  },
  rhs: (p) => pcaRhs(pcaParamsOf(p)),
  simulator: (p, options = {}) =>
    new PcaSimulator(
      pcaParamsOf(p),
      (options.variant as PcaVariant | undefined) ?? 'fast',
      options.stream ?? 0,
    ),
  variants: PCA_VARIANTS,
  presets: pcaPresets,
  views: {
    portrait: { x: 'm', y: 'r2' },
    overlaySeries: 'm',
    // From a random start the escape from m ≈ 0 is diffusive (Prop. 3.3): its time and sign are
    // set by the noise, run by run, so a single run and the ODE can part there (docs/models/pca.md).
    trajectoryNote: (p) =>
      p['init'] === 'random'
        ? "random start: the escape from m ≈ 0 is noise-driven; solid: ODE from run 0's m(0), dashed: from its exit at |m| = 4/√n"
        : null,
    // docs/models/pca.md: start the ODE from the run's m when it leaves the O(1/√n) window.
    alignment: {
      series: 'm',
      window: (p) =>
        p['init'] === 'random' ? 4 / Math.sqrt(num(p, 'n')) : Number.POSITIVE_INFINITY,
      label: "ODE from run 0's exit, |m| = 4/√n",
    },
    diagram: { x: 'lambda', y: 'cdelta', xRange: [0.05, 3], yRange: [0.05, 3] },
    fluctuation: {
      series: 'm',
      label: '√n·m',
      scale: (p) => Math.sqrt(pcaParamsOf(p).n),
      law: (p, t) => {
        // Drawn only while it describes m: once its spread reaches |m| ≈ 0.2 (λ > c_δ grows like
        // e^{4(λ−c_δ)t}) the run is ballistic, not OU.
        const v = pcaParamsOf(p);
        const law = equatorLaw(v, t);
        return law && Math.abs(law.mean) + law.sd <= BALLISTIC_FRACTION * Math.sqrt(v.n)
          ? law
          : null;
      },
      lawNote:
        'Prop. 3.3 with δ = c_δ/n: d(√n m) = 2(kλ1_{k=2} − k r⊥^{2(k−1)})√n m dt + 2(c_δ k r⊥^{2(k−1)})^{1/2} dB; stationary variance c_δ²/(c_δ − λ) for k = 2, λ < c_δ (1/(1 − λ) at c_δ = 1), c_δ for k ≥ 3.',
      runs: 64,
    },
    attraction: {
      x: 'm',
      y: 'r2',
      xRange: [-2, 2],
      yRange: [0, 3],
      settleTime: () => 50,
    },
  },
  theory: pcaTheory,
};
