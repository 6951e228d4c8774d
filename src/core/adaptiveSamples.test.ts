import { describe, expect, it } from 'vitest';

import {
  adaptiveRows,
  CHORD_TOLERANCE,
  pickRows,
  polylineMiss,
  REFINE,
  refinedCount,
  sampleForDrawing,
  type Sampler,
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

describe('bisection on a solution given as a function of time', () => {
  /** A chirp: sin(t²), faster and faster, so no fixed grid is fine enough everywhere. */
  const chirp: Sampler = (times) => Float64Array.from(times, (t) => Math.sin(t * t));
  const fineTimes = timeGrid(0, 12, refinedCount(61));
  const checkTimes = timeGrid(0, 12, refinedCount(61, 512));
  const check = { t: checkTimes, y: chirp(checkTimes) };

  it('bounds the polyline between the fine samples, where the fine samples alone do not', () => {
    const drawn = sampleForDrawing(chirp, 1, fineTimes);
    expect(polylineMiss(check, drawn, 1)).toBeLessThanOrEqual(CHORD_TOLERANCE);
    const fineOnly = sampleForDrawing(chirp, 1, fineTimes, { maxBisections: 0 });
    expect(polylineMiss(check, fineOnly, 1)).toBeGreaterThan(5 * CHORD_TOLERANCE);
    // Increasing times, starting and ending where the grid does.
    for (let k = 1; k < drawn.t.length; k++) expect(drawn.t[k]!).toBeGreaterThan(drawn.t[k - 1]!);
    expect(drawn.t[0]).toBe(0);
    expect(drawn.t[drawn.t.length - 1]).toBe(12);
  });

  it('stops adding midpoints at maxSamples', () => {
    const all = sampleForDrawing(chirp, 1, fineTimes);
    const capped = sampleForDrawing(chirp, 1, fineTimes, { maxSamples: fineTimes.length });
    expect(all.t.length).toBeGreaterThan(fineTimes.length);
    expect(capped.t.length).toBeLessThanOrEqual(fineTimes.length);
  });
});
