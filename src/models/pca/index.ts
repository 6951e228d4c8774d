/**
 * Spiked matrix and tensor PCA by online SGD, Ben Arous–Gheissari–Jagannath, "High-dimensional
 * limit theorems for SGD", Section 3 and Appendix 7. Equations used, conventions, misprints and
 * checks: docs/models/pca.md.
 */
import type { Model } from '../../core/model';
import { num } from '../../core/params';
import { Rng } from '../../core/rng';
import { pcaEquations } from './equations';
import { pcaFigures } from './figures';
import { pcaEquatorFluctuation, pcaRadialFluctuation } from './fluctuations';
import { PCA_NAMES, pcaJacobian, pcaRhs, populationLoss } from './ode';
import { pcaParams, pcaParamsOf } from './params';
import { pcaPresets } from './presets';
import { PcaGramSimulator } from './reduced';
import { initialPcaOrderParameters, PCA_VARIANTS, PcaSimulator, type PcaVariant } from './sgd';
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
    const { m, r } = initialPcaOrderParameters(v, new Rng(v.seed, 0)); // every variant's start
    return Float64Array.of(m, r * r);
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
  jacobian: (p) => pcaJacobian(pcaParamsOf(p)),
  // 'gram' (the default) is the exact O(1) chain of (m, r⊥); 'fast' and 'tensor' keep x.
  simulator: (p, options = {}) => {
    const variant = (options.variant as PcaVariant | undefined) ?? 'gram';
    const stream = options.stream ?? 0;
    return variant === 'gram'
      ? new PcaGramSimulator(pcaParamsOf(p), stream)
      : new PcaSimulator(pcaParamsOf(p), variant, stream);
  },
  variants: PCA_VARIANTS,
  figures: pcaFigures,
  presets: pcaPresets,
  equations: () => pcaEquations(),
  views: [
    { kind: 'portrait', x: 'm', y: 'r2' },
    {
      kind: 'trajectories',
      overlaySeries: 'm',
      // From a random start the escape from m ≈ 0 is diffusive (Prop. 3.3): its time and sign are
      // set by the noise, run by run, so a single run and the ODE can part there (docs/models/pca.md).
      note: (p) =>
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
    },
    { kind: 'diagram', x: 'lambda', y: 'cdelta', xRange: [0.05, 3], yRange: [0.05, 3] },
    // √n·m (Prop. 3.3), the view's default, and √n(r⊥² − r_eq) ((3.5)/(7.8)): fl=r2.
    { kind: 'fluctuation', ...pcaEquatorFluctuation },
    { kind: 'fluctuation', ...pcaRadialFluctuation },
    {
      kind: 'attraction',
      x: 'm',
      y: 'r2',
      xRange: [-2, 2],
      yRange: [0, 3],
      settleTime: () => 50,
    },
  ],
  theory: pcaTheory,
};
