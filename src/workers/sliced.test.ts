import { describe, expect, it } from 'vitest';

import { analyzeFixedPoints, analyzeFixedPointsInSteps } from '../core/analysis';
import { parseState } from '../core/state';
import { drain } from '../core/steps';
import { models } from '../models/registry';
import { runInSlices, StepsCancelled } from './sliced';

function* counting(n: number): Generator<void, number> {
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += k;
    yield;
  }
  return sum;
}

describe('stepwise computations', () => {
  it('drain and runInSlices give the generator’s value', async () => {
    expect(drain(counting(100))).toBe(4950);
    expect(await runInSlices(counting(100), () => false)).toBe(4950);
  });

  it('runInSlices stops at the first slice boundary after a cancel', async () => {
    let steps = 0;
    function* endless(): Generator<void, never> {
      for (;;) {
        steps++;
        yield;
      }
    }
    let cancel = false;
    setTimeout(() => (cancel = true), 20);
    await expect(runInSlices(endless(), () => cancel, 2)).rejects.toBeInstanceOf(StepsCancelled);
    const atCancel = steps;
    expect(atCancel).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 10));
    expect(steps).toBe(atCancel);
  });

  it('the fixed points in slices are those of one synchronous call, bit for bit', async () => {
    const { model, params } = parseState('model=gan&tau=0.4&T=600', models);
    const sliced = await runInSlices(analyzeFixedPointsInSteps(model, params), () => false, 1);
    expect(sliced).toEqual(analyzeFixedPoints(model, params));
  });
});
