/**
 * The one-layer nonlinear contrastive model of Meng & Wang, "Training Dynamics of Nonlinear
 * Contrastive Learning Model in the High Dimensional Limit". Equations used, conventions,
 * misprints and checks: docs/models/contrastive.md.
 */
import type { Model } from '../../core/model';
import { num, type Params } from '../../core/params';
import { contrastiveEquations } from './equations';
import { contrastiveFigures } from './figures';
import {
  contrastiveInitialState,
  contrastiveObservables,
  contrastiveRhs,
  contrastiveStateNames,
} from './ode';
import { contrastiveParams, contrastiveParamsOf, validateContrastive } from './params';
import { contrastivePresets } from './presets';
import { contrastiveSimulator, type ContrastiveVariant } from './sgd';
import { contrastiveTheory, identicalFeaturesNote } from './theory';

/** Fig. 4: the settled cosine at the recovery state against η, beside the noise-free value. */
const fig4Scan = (id: string, title: string, rho: number) => ({
  id,
  title,
  x: 'eta',
  range: [0, 1.2] as [number, number],
  series: 'cos',
  count: 61,
  fixed: { noiseCorr: rho },
  reference: {
    label: 'no augmentation noise (η = 0)',
    apply: (p: Params) => {
      p['eta'] = 0;
    },
  },
});

export const contrastiveModel: Model = {
  id: 'contrastive',
  title: 'Contrastive learning, one layer (Meng–Wang)',
  paper: 'contrastive-meng-wang.md, Sections III–IV and Supplement S-III',
  params: contrastiveParams,
  validate: validateContrastive,
  stateNames: (p) => contrastiveStateNames(num(p, 'd1')),
  initialState: (p) => contrastiveInitialState(contrastiveParamsOf(p)),
  observables: (p) => contrastiveObservables(num(p, 'd1')),
  rhs: (p) => contrastiveRhs(contrastiveParamsOf(p)),
  simulator: (p, options = {}) =>
    contrastiveSimulator(
      contrastiveParamsOf(p),
      (options.variant as ContrastiveVariant | undefined) ?? 'reduced',
      options.stream ?? 0,
    ),
  variants: ['reduced', 'literal'],
  figures: contrastiveFigures,
  presets: contrastivePresets,
  equations: () => contrastiveEquations(),
  views: [
    { kind: 'portrait', x: 'Q1', y: 'Q2' },
    { kind: 'trajectories', overlaySeries: 'Q1', note: identicalFeaturesNote },
    // Fig. 2(b): h(Q) = (dQ/dt)/τ; zeros are fixed points, a negative slope a stable one.
    {
      kind: 'rate',
      x: 'Q1',
      range: [0, 1],
      label: 'h(Q) = (dQ/dt)/τ',
      divisor: (p) => num(p, 'tau'),
    },
    // Fig. 3: near the origin the boundary goes like Q₂ ∝ Q₁^{1/3} (docs/models/contrastive.md), hence log axes.
    {
      kind: 'attraction',
      x: 'Q1',
      y: 'Q2',
      xRange: [1e-4, 1],
      yRange: [1e-4, 1],
      log: true,
      settleTime: (p) => contrastiveTheory.settleTime!(p),
    },
    {
      kind: 'scan',
      scans: [
        fig4Scan('fig4-independent', 'Fig. 4: independent noise (ργ = 0)', 0),
        fig4Scan('fig4-anticorrelated', 'Fig. 4: anti-correlated noise (ργ = −1)', -1),
      ],
    },
    { kind: 'diagram', x: 'm2', y: 'tauOverM', xRange: [0.8, 1.4], yRange: [0.001, 0.03] },
  ],
  theory: contrastiveTheory,
};
