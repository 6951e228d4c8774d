import { describe, expect, it } from 'vitest';

import { SgdAccumulator } from './sgdData';
import { microTimes } from './views/cloud/job';

describe('SGD accumulator', () => {
  it('summarises only the samples every run reached, as mean ± std', () => {
    const acc = new SgdAccumulator(Float64Array.from([0, 1, 2]), 2);
    const chunk = (stream: number, from: number, values: number[]) => ({
      names: ['a'],
      streams: [stream],
      rows: [{ stream, from, values: Float64Array.from(values) }],
      micro: [],
      tReached: 0,
      done: false,
    });
    acc.add(chunk(0, 0, [1, 2]));
    expect(acc.summary()).toBeNull(); // run 1 has nothing yet
    acc.add(chunk(1, 0, [3]));
    const s = acc.summary()!;
    expect(Array.from(s.t)).toEqual([0]);
    expect(Array.from(s.mean)).toEqual([2]);
    expect(s.std![0]).toBeCloseTo(Math.SQRT2, 12);
    acc.add(chunk(1, 1, [4, 6]));
    expect(Array.from(acc.summary()!.t)).toEqual([0, 1]);
    acc.add(chunk(7, 0, [99])); // a stream outside the batch is ignored
    expect(Array.from(acc.summary()!.mean)).toEqual([2, 3]);
  });

  it('snapshot times are round, include 0 and T, about 40 of them', () => {
    expect(microTimes(150).slice(0, 4)).toEqual([0, 5, 10, 15]);
    expect(microTimes(150).at(-1)).toBe(150);
    expect(microTimes(600)).toHaveLength(31); // step 20
    expect(microTimes(1000)).toHaveLength(41); // step 25
    expect(microTimes(2)).toContain(0.05);
  });
});
