import { describe, expect, it } from 'vitest';

import { labelLifts, spreadLabels } from './labels';

describe('spreadLabels', () => {
  it('keeps labels that are clear where they are', () => {
    expect(spreadLabels([10, 40, 80], 13)).toEqual([10, 40, 80]);
  });

  it('pushes a pile apart by the gap, in the input order, keeping the vertical order', () => {
    const at = spreadLabels([50, 50, 51], 13);
    expect(at).toEqual([50, 63, 76]);
    const sorted = [...at].sort((a, b) => a - b);
    for (let k = 1; k < sorted.length; k++)
      expect(sorted[k]! - sorted[k - 1]!).toBeGreaterThanOrEqual(13);
  });

  it('pulls a pile at the bottom back inside the range', () => {
    const at = spreadLabels([100, 99, 100], 13, [0, 100]);
    expect(Math.max(...at)).toBeLessThanOrEqual(100);
    expect(new Set(at).size).toBe(3);
    expect(at[1]).toBeLessThan(at[0]!);
  });

  it('places a non-finite end (a diverged curve) inside the range', () => {
    const at = spreadLabels([Number.NaN, 20], 13, [0, 100]);
    expect(at.every(Number.isFinite)).toBe(true);
  });
});

describe('labelLifts', () => {
  it('lifts the second of two labels a pixel apart', () => {
    expect(
      labelLifts([
        [0, 0],
        [1, 0],
      ]),
    ).toEqual([0, 13]);
    expect(
      labelLifts([
        [0, 0],
        [100, 0],
      ]),
    ).toEqual([0, 0]);
  });
});
