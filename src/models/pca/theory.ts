/**
 * The PCA model's theory hooks: closed-form fixed points as candidates for the generic engine,
 * their names (Prop. 3.2), phases from the ODE's end state, the recovery boundary in the
 * (λ, c_δ) plane ((7.4): λ = λ_c(k, c_δ), the line λ = c_δ for k = 2) and basins.
 */
import type { ModelTheory, PhaseSpec } from '../../core/model';
import {
  cdeltaAtThreshold,
  closedFormFixedPoints,
  lambdaC,
  ridgeEquatorRadii,
} from './closedForms';
import { pcaParamsOf } from './params';

export const PCA_PHASES: PhaseSpec[] = [
  {
    id: 'recovered',
    label: 'recovered (m → m*)',
    color: '#009E73',
    meaning: 'the overlap with the spike v leaves the equator and |m| settles at m* (Prop. 3.2)',
  },
  {
    id: 'warm',
    label: 'warm start only (k ≥ 3: m* exists, start below m†)',
    color: '#E69F00',
    meaning:
      'λ is above λc (7.4), so a recovering fixed point m* exists, but this start lies below the saddle m† and falls back to m = 0',
  },
  {
    id: 'not recovered',
    label: 'not recovered (m → 0)',
    color: '#999999',
    meaning: 'the overlap decays to the equator m = 0: the signal is too weak for this step size',
  },
];

/** |m| below this at the end counts as the equator: fluctuations there are O(1/√n). */
const EQUATOR = 0.05;

export const pcaTheory: ModelTheory = {
  fixedPointStarts(p) {
    const v = pcaParamsOf(p);
    const points = closedFormFixedPoints(v.k, v.lambda, v.cdelta);
    const mMax = Math.max(2, ...points.map((q) => 1.5 * Math.abs(q.m)));
    // With the ridge of §7 the closed forms are those of α = 0 (Newton moves them); the
    // equator's own roots are known exactly.
    const ridge =
      v.alpha > 0
        ? ridgeEquatorRadii(v.k, v.cdelta, v.alpha).map((u) => Float64Array.of(0, u))
        : [];
    return {
      lo: [-mMax, 0],
      hi: [mMax, Math.max(2 * v.cdelta, v.r0)],
      candidates: [...points.map((q) => Float64Array.of(q.m, q.r2)), ...ridge],
    };
  },

  /** r⊥² = ‖x − mv‖² is a squared norm. */
  admissible: (_p, x) => x[1]! >= -1e-9,

  fixedPointType(p, x) {
    const v = pcaParamsOf(p);
    if (v.alpha > 0) {
      // §7's ridge: the origin, the equator's roots (k ≥ 3: a lower saddle 'equator†') or off it.
      if (Math.abs(x[0]!) > 1e-6) return x[0]! < 0 ? '−recovery' : 'recovery';
      if (Math.abs(x[1]!) < 1e-9) return 'origin';
      const roots = ridgeEquatorRadii(v.k, v.cdelta, v.alpha);
      const near = roots.findIndex((u) => Math.abs(u - x[1]!) < 1e-5 * Math.max(1, u));
      return near < 0 ? null : roots.length === 2 && near === 0 ? 'equator†' : 'equator';
    }
    const scale = Math.max(1, Math.abs(x[0]!), Math.abs(x[1]!));
    for (const q of closedFormFixedPoints(v.k, v.lambda, v.cdelta))
      if (Math.abs(q.m - x[0]!) + Math.abs(q.r2 - x[1]!) < 1e-5 * scale)
        return q.m < 0 ? `−${q.type}` : q.type;
    return null;
  },

  phases: PCA_PHASES,
  // The slowest rate near the boundary is 4|λ − c_δ| (k = 2); 400 covers |λ − c_δ| ≳ 0.01.
  settleTime: () => 400,
  phaseUsesFixedPoints: () => false,
  variationSeries: () => ['m', 'r2'],

  phase(p, _stable, _variation, final) {
    const v = pcaParamsOf(p);
    if (Math.abs(final[0]!) > EQUATOR) return 'recovered';
    return v.lambda > lambdaC(v.k, v.cdelta) ? 'warm' : 'not recovered';
  },

  /** λ = λ_c(k, c_δ) of (7.4): λ = c_δ for k = 2, (c_δ/k)^{k/2}(2k−2)^{k−1}/(k−2)^{(k−2)/2} above. */
  boundaries(p, x, y, [x0, x1]) {
    const k = pcaParamsOf(p).k;
    const label = k === 2 ? 'λ = cδ' : `λ = λc(${k}, cδ), (7.4)`;
    const grid = (f: (s: number) => [number, number]) =>
      Array.from({ length: 101 }, (_, i) => f(x0 + ((x1 - x0) * i) / 100));
    if (x === 'lambda' && y === 'cdelta')
      return [{ label, points: grid((l) => [l, cdeltaAtThreshold(k, l)]) }];
    if (x === 'cdelta' && y === 'lambda')
      return [{ label, points: grid((c) => [c, lambdaC(k, c)]) }];
    return [];
  },

  /** Fig. 1's two signal strengths at c_δ = 1. */
  marks(_p, x, y) {
    if (x !== 'lambda' || y !== 'cdelta') return [];
    return [
      { label: 'Fig. 1(a)–(b)', x: 0.8, y: 1 },
      { label: 'Fig. 1(c)–(d)', x: 1.2, y: 1 },
    ];
  },

  /** Where an end state settled: the equator, or the sign of the recovered correlation. */
  basinOf(_p, final) {
    const m = final[0]!;
    if (!Number.isFinite(m)) return null;
    if (Math.abs(m) <= EQUATOR) return 'm → 0';
    return m > 0 ? 'm → +m*' : 'm → −m*';
  },
};
