/**
 * The two-layer network on a binary Gaussian mixture, Ben Arous–Gheissari–Jagannath Section 4
 * (Props. 4.1 and 4.2). Equations used, conventions and checks: docs/models/gmm.md.
 */
import type { Model } from '../../core/model';
import { Rng } from '../../core/rng';
import { expectedBasins } from './closedForms';
import { gmmObservables, radialLaw } from './diffusive';
import { gmmEquations } from './equations';
import { gmmFigures } from './figures';
import { GMM_NAMES, gmmPiecewise, gmmRhs } from './ode';
import { gmmParams, gmmParamsOf } from './params';
import { gmmPresets } from './presets';
import { GmmReducedSimulator } from './reduced';
import { GmmSimulator, initialGmmState, observeGmm } from './sgd';
import { gmmTheory } from './theory';

export const gmmModel: Model = {
  id: 'gmm',
  title: 'Two-layer net on a binary GMM (Ben Arous–Gheissari–Jagannath)',
  paper: 'sgd-limits-ben-arous-gheissari-jagannath.md, Section 4 and Appendix 8',
  params: gmmParams,
  stateNames: () => [...GMM_NAMES],
  // Run 0's statistics at t = 0, measured: exact for the given start, and the actual O(1/√N)
  // overlaps for a random one (each stream draws its own start; the basins view starts the ODE
  // from every run's own).
  initialState: (p) => {
    const g = gmmParamsOf(p);
    const x = new Float64Array(GMM_NAMES.length);
    observeGmm(initialGmmState(g, new Rng(g.seed, 0)), x);
    return x;
  },
  // dm = ‖m‖ − √C_α, the distance from Prop. 4.2's circle: the fluctuation view's series.
  observables: (p) => gmmObservables(gmmParamsOf(p)),
  rhs: (p) => gmmRhs(gmmParamsOf(p)),
  // λ = ∞: Prop. 4.2's branch jumps across the axes m_i = 0 (the quarter-circles' ends, the origin).
  piecewise: (p) => {
    const v = gmmParamsOf(p);
    return v.lambda === Number.POSITIVE_INFINITY ? gmmPiecewise(v.alpha) : null;
  },
  // 'fast' (reduced.ts) is the statistics' own chain, exact in law, O(1) per step; 'literal'
  // (sgd.ts) moves the 2N weights. Both draw a stream's start from the same random numbers.
  simulator: (p, options = {}) =>
    options.variant === 'literal'
      ? new GmmSimulator(gmmParamsOf(p), options.stream ?? 0)
      : new GmmReducedSimulator(gmmParamsOf(p), options.stream ?? 0),
  variants: ['fast', 'literal'],
  figures: gmmFigures,
  presets: gmmPresets,
  equations: (p) => gmmEquations(p),
  views: [
    { kind: 'portrait', x: 'm1', y: 'm2' },
    {
      kind: 'trajectories',
      overlaySeries: 'm1',
      // Colour by class index (v1 and m1 alike), the statistic by dash: v solid, m dashed, R dotted.
      seriesKinds: { v: { dash: '' }, m: { dash: '7 4' }, R: { dash: '2 3' } },
    },
    { kind: 'basins', x: 'm1', y: 'm2', runs: 200, expected: expectedBasins },
    { kind: 'attraction', x: 'v1', y: 'v2', xRange: [-3, 3], yRange: [-3, 3] },
    {
      kind: 'fluctuation',
      series: 'dm',
      label: '√N(‖m‖ − √Cα)',
      scale: (p) => Math.sqrt(gmmParamsOf(p).n),
      law: (p, t) => radialLaw(gmmParamsOf(p), t),
      lawNote:
        'Prop. 4.3 with its drift sign corrected, λ = ∞, from a given start v = m on a quarter-circle: an OU process with rate 2Cα(α − 2α²) and stationary variance cδα/(4(1 − 2α)); rank-one noise along the radius, the angle frozen.',
      runs: 64,
    },
  ],
  theory: gmmTheory,
};
