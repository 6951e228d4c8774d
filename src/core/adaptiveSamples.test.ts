import { describe, expect, it } from 'vitest';

import {
  adaptiveRows,
  CHORD_TOLERANCE,
  pickRows,
  polylineMiss,
  REFINE,
  refinedCount,
} from './adaptiveSamples';
import { timeGrid } from './ode';

/** A closed-form table: a slow decay and a fast oscillation only on t in [4, 6]. */
function table(times: Float64Array) {
  const y = new Float64Array(times.length * 2);
  times.forEach((t, j) => {
    y[j * 2] = Math.exp(-t / 3);
    y[j * 2 + 1] = t > 4 && t < 6 ? Math.sin(40 * (t - 4)) : 0;
  });
  return { t: times, y };
}

describe('adaptive samples from dense output', () => {
  it('keeps the even base grid where the curve is smooth, more where it oscillates', () => {
    const base = 101;
    const fine = table(timeGrid(0, 10, refinedCount(base)));
    const smooth = adaptiveRows(
      fine.y.filter((_, k) => k % 2 === 0),
      1,
      fine.t.length,
    );
    expect(smooth.length).toBe(base);
    const keep = adaptiveRows(fine.y, 2, fine.t.length);
    expect(keep.length).toBeGreaterThan(base);
    expect(keep.length).toBeLessThanOrEqual(fine.t.length);
    expect(keep[0]).toBe(0);
    expect(keep[keep.length - 1]).toBe(fine.t.length - 1);
    // Every extra sample lies where the oscillation is.
    for (const j of keep) if (j % REFINE !== 0) expect(fine.t[j]!).toBeGreaterThan(3.9);
    for (const j of keep) if (j % REFINE !== 0) expect(fine.t[j]!).toBeLessThan(6.1);
    const kept = pickRows(fine.t, fine.y, 2, keep);
    expect(polylineMiss(fine, kept, 2)).toBeLessThanOrEqual(CHORD_TOLERANCE);
    // The even base grid alone misses by far more: the zig-zag this replaces.
    const even = pickRows(
      fine.t,
      fine.y,
      2,
      Int32Array.from({ length: base }, (_, k) => k * REFINE),
    );
    expect(polylineMiss(fine, even, 2)).toBeGreaterThan(50 * CHORD_TOLERANCE);
  });

  it('handles a short (diverged) solution and an empty one', () => {
    const y = Float64Array.from([0, 1, 4, 9, 16]);
    expect(Array.from(adaptiveRows(y, 1, 5, { refine: 8 }))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(adaptiveRows(new Float64Array(), 1, 0))).toEqual([]);
    expect(Array.from(adaptiveRows(Float64Array.from([3]), 1, 1))).toEqual([0]);
  });
});
