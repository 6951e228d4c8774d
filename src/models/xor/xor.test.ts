/**
 * The XOR model through the contract: the basins of random starts against (5.2), for SGD and
 * for the ODE from each run's start (the library's own checks are in library.test.ts).
 */
import { describe, expect, it } from 'vitest';

import { basinFractions, odeFinals, sgdEnsemble } from '../../core/basins';
import { viewSpec } from '../../core/model';
import { parseState } from '../../core/state';
import { models } from '../registry';

function basins(query: string, runs: number) {
  const { model, params } = parseState(`model=xor&${query}`, models);
  const dim = model.stateNames(params).length;
  const e = sgdEnsemble(
    model,
    params,
    Array.from({ length: runs }, (_, r) => r),
    2,
  );
  const label = (x: Float64Array) => model.theory!.basinOf!(params, x);
  // A run's row is [start, end], each of the state and the observables (e.names.length).
  const m = e.names.length;
  const sgd = e.runs.map((r) => label(r.slice(m, m + dim)));
  const ode = odeFinals(
    model,
    params,
    e.runs.map((r) => r.slice(0, dim)),
    100,
  ).map(label);
  const optimal = (labels: (string | null)[]) =>
    basinFractions(labels).find((c) => c.label === 'optimal') ?? { fraction: 0, stderr: 0 };
  return {
    sgd,
    ode,
    optimal: optimal(sgd),
    expected: viewSpec(model, 'basins')!.expected!(params)[0]!,
  };
}

describe('XOR mixture (λ = ∞): basins of random starts', () => {
  it('K = 4: SGD reaches an optimal classifier from about 3/32 of the starts, as (5.2) says', () => {
    const r = basins('K=4&alpha=0.1&n=500&seed=2&T=100', 400);
    expect(r.expected.fraction).toBeCloseTo(3 / 32, 12);
    const se = Math.sqrt((r.expected.fraction * (1 - r.expected.fraction)) / 400);
    expect(Math.abs(r.optimal.fraction - r.expected.fraction)).toBeLessThan(4 * se);
    // Run by run, the ODE from the run's start ends in the same basin (the escape is ballistic
    // at λ = ∞ once the start is given).
    const same = r.sgd.filter((l, k) => l === r.ode[k]).length;
    expect(same / 400).toBeGreaterThan(0.95);
  });

  it('the fraction grows with K (K = 8: (5.2) = 0.62)', () => {
    const r = basins('K=8&alpha=0.1&n=500&seed=2&T=100', 200);
    const se = Math.sqrt((r.expected.fraction * (1 - r.expected.fraction)) / 200);
    expect(r.expected.fraction).toBeGreaterThan(0.6);
    expect(Math.abs(r.optimal.fraction - r.expected.fraction)).toBeLessThan(4 * se);
  });
});
