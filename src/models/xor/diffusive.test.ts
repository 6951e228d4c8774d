/**
 * Prop. 5.1 (Fig. 11) at λ = ∞: SGD from the product of quarter-rings against the OU law of the
 * rings' radial offsets derived in diffusive.ts (drift sign corrected), the rank-one fluctuations
 * within a ring, and the correlation −1/3 between the rings.
 */
import { describe, expect, it } from 'vitest';

import { parseState } from '../../core/state';
import { models } from '../registry';
import { ringLaw } from './diffusive';

const RUNS = 400;
const N = 250;

/** √N·(dmu, dnu, tangential offset of the μ ring) at time T over RUNS streams. */
function ends(T: number) {
  const { model, params } = parseState(
    `model=xor&K=4&alpha=0.1&cdelta=1&init=rings&theta=0.5236&n=${N}&seed=3&T=${T}`,
    models,
  );
  const names = model.stateNames(params);
  const obs = model.observables!(params);
  const x = new Float64Array(names.length);
  const o = new Float64Array(obs.names.length);
  const rows: [number, number, number][] = [];
  for (let r = 0; r < RUNS; r++) {
    const sim = model.simulator(params, { stream: r });
    sim.step(Math.round(T * sim.stepsPerTime));
    sim.observe(x);
    obs.compute(T, x, o);
    const theta = 0.5236;
    const tangential = -Math.sin(theta) * x[4]! + Math.cos(theta) * x[5]!; // mu1, mu2
    rows.push([Math.sqrt(N) * o[0]!, Math.sqrt(N) * o[1]!, Math.sqrt(N) * tangential]);
  }
  return { rows, law: ringLaw(params, T)! };
}

const column = (rows: number[][], j: number) => rows.map((r) => r[j]!);
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
const variance = (a: number[]) => {
  const m = mean(a);
  return a.reduce((s, v) => s + (v - m) ** 2, 0) / (a.length - 1);
};

describe('XOR: the diffusive limit on the quarter-rings (Prop. 5.1)', () => {
  for (const T of [10, 100]) {
    it(`t = ${T}: both rings' radial offsets have the OU variance 3α(1 − e^{−2κt})/(4(1 − 4α))`, () => {
      const { rows, law } = ends(T);
      const V = law.sd ** 2;
      const se = V * Math.sqrt(2 / (RUNS - 1));
      for (const j of [0, 1]) {
        expect(Math.abs(variance(column(rows, j)) - V)).toBeLessThan(4 * se);
        expect(Math.abs(mean(column(rows, j)))).toBeLessThan(4 * Math.sqrt(V / RUNS));
      }
      if (T === 100) {
        // Stationary (2κt ≈ 9.7): 3·0.1/(4·0.6) = 0.125. Prop. 5.1's printed sign would make
        // the offset an unstable OU process, growing like e^{κt}.
        expect(V).toBeCloseTo(0.125, 3);
        // Rank one within a ring: the tangential offset hardly moves.
        expect(Math.sqrt(variance(column(rows, 2)))).toBeLessThan(0.25 * law.sd);
        // The rings are driven by exclusive clusters: correlation −1/3, not independent.
        const [a, b] = [column(rows, 0), column(rows, 1)];
        const [ma, mb] = [mean(a), mean(b)];
        let c = 0;
        for (let k = 0; k < RUNS; k++) c += (a[k]! - ma) * (b[k]! - mb);
        const corr = c / (RUNS - 1) / Math.sqrt(variance(a) * variance(b));
        expect(Math.abs(corr + 1 / 3)).toBeLessThan(4 * ((1 - 1 / 9) / Math.sqrt(RUNS)));
        expect(corr).toBeLessThan(-0.15);
      }
    });
  }
});
