/**
 * Theory of the contrastive model (its ModelTheory): the fixed-point hooks of the generic engine, the phases of the (m₂, τ/m)
 * diagram with Proposition 3's line, and the basin of an end state (Fig. 3).
 */
import type { ModelTheory, PhaseSpec } from '../../core/model';
import { num, type Params, str } from '../../core/params';
import { prop3Slope } from './closedForms';
import { lawOf, withSecondMoment } from './laws';
import type { Activation } from './params';

export const CONTRASTIVE_PHASES: PhaseSpec[] = [
  {
    id: 'learnable',
    label: 'learnable (Q = 0 unstable)',
    color: '#009E73',
    meaning: 'Q = 0 is unstable (Proposition 3), so even a small random start grows into a feature',
  },
  {
    id: 'informed',
    label: 'learnable from an informed start only',
    color: '#E69F00',
    meaning:
      'Q = 0 is stable, but a fixed point on a feature is stable too: a start close enough to it learns it',
  },
  {
    id: 'not-learnable',
    label: 'not learnable (only Q = 0 stable)',
    color: '#999999',
    meaning: 'the only stable fixed point is Q = 0: the weights forget every feature',
  },
];

const SMALL = 1e-7;

/**
 * Why the portrait differs from the paper's Figs. 7–9 when the two features are identical
 * Gaussians (docs/models/contrastive.md): such data are rotation-invariant in the (c₁, c₂) plane,
 * so the ODE depends on Q₁ + Q₂ only and its fixed points form lines Q₁ + Q₂ = const; with
 * m₂ = 1 the features are the noise's own law and carry no signal at all. Null otherwise.
 */
export function identicalFeaturesNote(p: Params): string | null {
  if (num(p, 'd1') !== 2) return null;
  const [a, b] = [lawOf(str(p, 'c1')), lawOf(str(p, 'c2'))];
  if (!a.gaussian || !b.gaussian || a.m2 !== b.m2) return null;
  if (a.m2 === 1)
    return 'both features N(0, 1), the law of the noise itself: no signal, Q = 0 is the only fixed point (the paper’s Fig. 8(a–b) draws four)';
  return 'identical Gaussian features: the ODE depends on Q₁ + Q₂ only, so the fixed points are lines Q₁ + Q₂ = const (drawn as families), not the four isolated points of the paper’s Figs. 7–9';
}

/** Fig. 3's basins: the feature the end state learned, or none. */
export function basinOfState(final: ArrayLike<number>): string {
  let best = -1;
  let bestQ = 0.05; // below this no feature counts as learned
  for (let j = 0; j < final.length; j++) {
    if (final[j]! > bestQ) {
      bestQ = final[j]!;
      best = j;
    }
  }
  return best < 0 ? 'no feature' : `feature ${best + 1}`;
}

export const contrastiveTheory: ModelTheory = {
  fixedPointStarts(p) {
    const d1 = num(p, 'd1');
    const lo = new Array<number>(d1).fill(0);
    const hi = new Array<number>(d1).fill(1);
    // The origin, recovery states on each axis (the ODE's stable points lie on the axes, Fig. 3)
    // and an interior point for the mixed saddle.
    const candidates: Float64Array[] = [new Float64Array(d1)];
    for (let j = 0; j < d1; j++) {
      for (const Q of [0.02, 0.1, 0.3, 0.6, 0.85, 0.97]) {
        const x = new Float64Array(d1);
        x[j] = Q;
        candidates.push(x);
      }
    }
    if (d1 > 1) {
      for (const Q of [0.1, 0.3]) candidates.push(new Float64Array(d1).fill(Q));
    }
    return { lo, hi, candidates };
  },

  admissible(_p, x) {
    let total = 0;
    for (const Q of x) {
      if (!(Q >= -1e-9)) return false;
      total += Q;
    }
    return total <= 1 + 1e-9;
  },

  fixedPointType(_p, x) {
    const on = [...x].flatMap((Q, j) => (Math.abs(Q) > SMALL ? [j] : []));
    if (on.length === 0) return 'origin';
    if (on.length === 1) return `feature ${on[0]! + 1}`;
    return 'mixed';
  },

  phases: CONTRASTIVE_PHASES,
  phaseUsesFixedPoints: () => true,
  /** From the stable fixed points: Q = 0 unstable (Prop. 3), else whether a recovery state is stable. */
  phase(_p, stableTypes) {
    if (!stableTypes.includes('origin')) return 'learnable';
    return stableTypes.some((t) => t.startsWith('feature')) ? 'informed' : 'not-learnable';
  },
  // Rates are O(τ(m₂ − 1)): 60/τ covers the slow approach near the threshold (Fig. 2: 670).
  settleTime: (p) => Math.max(200, 60 / num(p, 'tau')),
  variationSeries: (p) => Array.from({ length: num(p, 'd1') }, (_, i) => `Q${i + 1}`),

  derivedAxes: [
    {
      key: 'm2',
      label: 'm₂ of feature 1',
      apply: (p, value) => {
        p['c1'] = withSecondMoment(str(p, 'c1'), value);
      },
      read: (p) => lawOf(str(p, 'c1')).m2,
      params: ['c1'],
      // A law's m₂ is kept to [0.01, 10] (laws.ts).
      range: [0.01, 10],
    },
    {
      key: 'tauOverM',
      label: 'τ/m',
      apply: (p, value) => {
        p['tau'] = value * num(p, 'batch');
      },
      read: (p) => num(p, 'tau') / num(p, 'batch'),
      params: ['tau'],
      // τ ∈ [10⁻⁴, 2] over m ∈ [1, 1000].
      range: [1e-7, 2],
    },
  ],

  /** Proposition 3's line m₂ = 1 + κτ/m in the (m₂, τ/m) plane (either orientation). */
  boundaries(p, x, y, [x0, x1]) {
    const slope = prop3Slope(
      str(p, 'sigma') as Activation,
      num(p, 'eta'),
      num(p, 'noiseCorr'),
      str(p, 'bn') === 'population',
    );
    if (!Number.isFinite(slope)) return [];
    const label = `Prop. 3: m₂* = 1 + ${Number(slope.toPrecision(4))}·τ/m`;
    const points: [number, number][] = [];
    for (let k = 0; k <= 100; k++) {
      const v = x0 + ((x1 - x0) * k) / 100;
      if (x === 'm2' && y === 'tauOverM' && v >= 1) points.push([v, (v - 1) / slope]);
      if (x === 'tauOverM' && y === 'm2') points.push([v, 1 + slope * v]);
    }
    return points.length ? [{ label, points }] : [];
  },

  /** Fig. 2's three second moments at the current τ/m. */
  marks(p, x, y) {
    if (x !== 'm2' || y !== 'tauOverM') return [];
    const tm = num(p, 'tau') / num(p, 'batch');
    return [0.9, 1.0, 1.1].map((m2) => ({ label: `Fig. 2: m₂ = ${m2}`, x: m2, y: tm }));
  },

  basinOf: (_p, final) => basinOfState(final),
};
