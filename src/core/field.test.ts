import { describe, expect, it } from 'vitest';

import { fieldSlice, zeroSegments } from './field';

describe('fieldSlice', () => {
  it('evaluates the pinned RHS on the grid (x′ = y − z, y′ = −x, z pinned at 0.5)', () => {
    const f = fieldSlice(
      (_t, x, d) => {
        d[0] = x[1]! - x[2]!;
        d[1] = -x[0]!;
        d[2] = 99;
      },
      [0, 0, 0.5],
      0,
      1,
      [-1, 1],
      [0, 2],
      3,
      5,
    );
    expect(Array.from(f.xs)).toEqual([-1, 0, 1]);
    expect(Array.from(f.ys)).toEqual([0, 0.5, 1, 1.5, 2]);
    // at (x, y) = (1, 2): u = 2 − 0.5, v = −1
    expect(f.u[4 * 3 + 2]).toBeCloseTo(1.5, 15);
    expect(f.v[4 * 3 + 2]).toBeCloseTo(-1, 15);
  });
});

describe('zeroSegments', () => {
  it('traces the circle x² + y² = 1 within the grid spacing', () => {
    const n = 41;
    const vals = new Float64Array(n * n);
    const coord = (k: number) => -2 + (4 * k) / (n - 1);
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) vals[j * n + i] = coord(i) ** 2 + coord(j) ** 2 - 1;
    const segs = zeroSegments(vals, n, n);
    expect(segs.length).toBeGreaterThan(40);
    for (const [a, b, c, d] of segs) {
      for (const [i, j] of [
        [a, b],
        [c, d],
      ] as const) {
        const r = Math.hypot(-2 + (4 * i) / (n - 1), -2 + (4 * j) / (n - 1));
        expect(Math.abs(r - 1)).toBeLessThan(0.02);
      }
    }
  });

  it('finds nothing where the function keeps its sign', () => {
    expect(zeroSegments(new Float64Array(9).fill(1), 3, 3)).toEqual([]);
  });
});
