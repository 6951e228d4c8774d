/**
 * The PCA fluctuation laws on a grid (one integration, what the fluctuation view draws) against
 * the same laws one time at a time (an integration from 0 to each t), including where the law is
 * null: past the ballistic cut, from an informed start outside the equator window, on the tensor
 * scaling at k ≥ 3, and past the ridge's α_c for the radial law.
 */
import { describe, expect, it } from 'vitest';

import { timeGrid } from '../../core/ode';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { pcaEquatorFluctuation, pcaRadialFluctuation } from './fluctuations';

const STATES = [
  'model=pca',
  'model=pca&lambda=0.6&cdelta=1.5&T=20',
  // λ > c_δ: the equator is unstable and the law is cut once it turns ballistic.
  'model=pca&lambda=3&cdelta=1&n=400&T=10',
  'model=pca&init=informed&m0=0.5&n=1000',
  'model=pca&k=3&scaling=tensor&lambda=2',
  'model=pca&k=3&alpha=1&T=5',
];

describe('the PCA laws on a grid equal the laws at each time', () => {
  for (const spec of [pcaEquatorFluctuation, pcaRadialFluctuation])
    for (const query of STATES)
      it(`${spec.series}: ${query}`, () => {
        const { params, notices } = parseState(query, models);
        expect(notices).toEqual([]);
        const times = timeGrid(0, Number(params['T']), 61);
        const grid = spec.lawOnGrid!(params, times);
        expect(grid).toHaveLength(times.length);
        times.forEach((t, j) => {
          const single = spec.law(params, t);
          const g = grid[j] ?? null;
          expect(g === null, `t = ${t}`).toBe(single === null);
          if (!g || !single) return;
          expect(g.mean).toBeCloseTo(single.mean, 6);
          expect(g.sd).toBeCloseTo(single.sd, 6);
        });
      });

  it('the cases cover both a drawn and a cut law', () => {
    const drawn = (q: string) => {
      const { params } = parseState(q, models);
      const times = timeGrid(0, Number(params['T']), 61);
      return pcaEquatorFluctuation.lawOnGrid!(params, times).filter((l) => l !== null).length;
    };
    expect(drawn('model=pca&lambda=0.6&cdelta=1.5&T=20')).toBe(61);
    const cut = drawn('model=pca');
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(61);
  });
});
