import { describe, expect, it } from 'vitest';

import type { FluctuationView } from '../../../core/model';
import type { EnsembleState } from '../../ensembleController';
import { histogramGrid, runTraceStyle } from './chart';
import { fluctuationData, fluctuationStats } from './data';

const spec: FluctuationView = {
  series: 'm',
  label: '√n·m',
  scale: () => 10,
  law: () => ({ mean: 0, sd: 1 }),
  lawNote: '',
  runs: 2,
};
const t = Float64Array.from([0, 1, 2]);
const ensemble = (reached: number[]): EnsembleState => ({
  key: '',
  names: ['m'],
  t,
  // Rows past `reached` are NaN, as the ensemble fills them.
  runs: reached.map((r, k) => Float64Array.from(t, (_, j) => (j < r ? 0.1 * (k + 1) : NaN))),
  reached,
  status: 'running',
  odeFinals: null,
});

describe('fluctuation data', () => {
  it('says "no runs yet" while no run has reached the histogram time', () => {
    const data = fluctuationData(spec, ensemble([1, 2]), { T: 2 }, null)!;
    expect(data.values).toEqual([]);
    expect(fluctuationStats(data)).toMatch(/^no runs at t = 2 yet · law: mean 0, variance 1$/);
  });

  it('counts only the runs that have reached the time, scaled', () => {
    const data = fluctuationData(spec, ensemble([3, 2]), { T: 2 }, null)!;
    expect(data.values).toEqual([1]);
    expect(fluctuationStats(data)).toContain('1 run at t = 2: mean 1, variance – (one run)');
    const both = fluctuationData(spec, ensemble([3, 3]), { T: 2 }, 1)!;
    expect(both.values.map((v) => Number(v.toFixed(9)))).toEqual([1, 2]);
    expect(fluctuationStats(both)).toContain('2 runs at t = 1: mean 1.5, variance 0.5');
  });
});

describe('the law on the grid', () => {
  it('is solved once per (params, grid), not on every publish of the ensemble', () => {
    let solves = 0;
    const counting: FluctuationView = {
      ...spec,
      law: (p, tv) => {
        solves++;
        return { mean: Number(p['T']) * tv, sd: 1 };
      },
    };
    const params = { T: 2 };
    fluctuationData(counting, ensemble([1, 2]), params, null);
    expect(solves).toBe(t.length);
    // The ensemble republishes with the same state: no new solve.
    const later = fluctuationData(counting, ensemble([3, 3]), params, 1)!;
    expect(solves).toBe(t.length);
    expect(later.law.map((l) => l?.mean)).toEqual([0, 2, 4]);
    // New params are new laws.
    const moved = fluctuationData(counting, ensemble([3, 3]), { T: 3 }, 1)!;
    expect(solves).toBe(2 * t.length);
    expect(moved.law.map((l) => l?.mean)).toEqual([0, 3, 6]);
  });
});

describe('histogram grid', () => {
  it('gives bins of one width, the domain on their outer edges', () => {
    const { domain, thresholds } = histogramGrid([-23, 24], 5);
    expect(domain).toEqual([-30, 30]);
    expect(thresholds).toEqual([-20, -10, 0, 10, 20]);
    const fine = histogramGrid([0.03, 0.97], 10);
    expect(fine.domain).toEqual([0, 1]);
    expect(fine.thresholds).toHaveLength(9);
  });
});

describe('run traces', () => {
  it('never fade below what a projector shows', () => {
    expect(runTraceStyle(1000).opacity).toBe(0.25);
    expect(runTraceStyle(5).opacity).toBe(0.6);
    expect(runTraceStyle(1000).width).toBeGreaterThanOrEqual(1.2);
  });
});
