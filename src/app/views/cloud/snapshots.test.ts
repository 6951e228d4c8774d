import { describe, expect, it } from 'vitest';

import { cloudDomain, morphSnapshot } from './snapshots';

const snap = (t: number, x: number[], y: number[]) => ({
  t,
  columns: { x: Float64Array.from(x), y: Float64Array.from(y) },
});

describe('cloud snapshots', () => {
  it('holds the widest snapshot, rounded up to a half, at least ±1', () => {
    expect(cloudDomain([], ['x', 'y'])).toEqual({ x: [-3, 3], y: [-3, 3] });
    expect(cloudDomain([snap(0, [0, 0], [0, 0])], ['x', 'y']).x).toEqual([-1, 1]);
    // x: mean 0, std 1 → 3.5; y: mean 2, std 0 → 2; the later snapshot counts too.
    const micro = [snap(0, [0, 0], [2, 2]), snap(1, [-1, 1], [2, 2])];
    expect(cloudDomain(micro, ['x', 'y'])).toEqual({ x: [-3.5, 3.5], y: [-3.5, 3.5] });
    expect(cloudDomain(micro, ['y'])).toEqual({ x: [-2, 2], y: [-2, 2] });
  });

  it('morphs each coordinate on a line between the snapshots around t', () => {
    const micro = [snap(0, [0, 2], [1, 1]), snap(2, [4, 2], [3, -1])];
    const mid = morphSnapshot(micro, 0.5, ['x', 'y'])!;
    expect(mid.t).toBe(0.5);
    expect([...mid.columns['x']!]).toEqual([1, 2]);
    expect([...mid.columns['y']!]).toEqual([1.5, 0.5]);
    expect(morphSnapshot(micro, 5, ['x'])).toBe(micro[1]);
    expect(morphSnapshot(micro, -1, ['x'])).toBe(micro[0]);
    expect(morphSnapshot([], 1, ['x'])).toBeUndefined();
  });
});
