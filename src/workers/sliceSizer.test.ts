/** The SGD worker's slices follow the measured cost per step (sliceSizer.ts). */
import { describe, expect, it } from 'vitest';

import { MIN_STEPS, PROBE_STEPS, ROUND_MS, SliceSizer } from './sliceSizer';

/** Rounds of a batch whose step costs `usPerStep` µs: the slices the sizer chooses. */
function slices(usPerStep: number, runs: number, rounds: number): number[] {
  const sizer = new SliceSizer();
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    out.push(sizer.steps);
    sizer.record((sizer.steps * runs * usPerStep) / 1000, runs);
  }
  return out;
}

describe('SliceSizer', () => {
  it('gives a Gram chain (0.5 µs a step, 16 runs) big slices: a round of ~ROUND_MS', () => {
    const s = slices(0.5, 16, 10);
    expect(s[0]).toBe(PROBE_STEPS);
    const last = s.at(-1)!;
    expect(last).toBe(Math.round((ROUND_MS * 1000) / (0.5 * 16))); // 1000 steps per run
    // It grows by at most 4× a round: a first round timed too short cannot overshoot.
    for (let k = 1; k < s.length; k++) expect(s[k]!).toBeLessThanOrEqual(4 * s[k - 1]!);
  });

  it('gives a literal O(n) step (n = 10⁵: 200 µs a step, 4 runs) small slices at once', () => {
    const s = slices(200, 4, 3);
    expect(s[1]).toBe(Math.max(MIN_STEPS, Math.round((ROUND_MS * 1000) / (200 * 4))));
    expect(s[1]).toBeLessThan(PROBE_STEPS);
  });

  it('grows ×4 on a round the clock saw as 0 ms (a coarse timer), and ignores empty rounds', () => {
    const sizer = new SliceSizer();
    sizer.record(0, 8);
    expect(sizer.steps).toBe(4 * PROBE_STEPS);
    sizer.record(5, 0);
    expect(sizer.steps).toBe(4 * PROBE_STEPS);
  });
});
