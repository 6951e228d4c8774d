import { describe, expect, it } from 'vitest';

import { CLOUD_MAX_POINTS, strideIndices, strideSnapshot } from './microSample';

describe('the cloud memory bound', () => {
  it('keeps every coordinate up to the bound', () => {
    const snap = { t: 1, columns: { x: Float64Array.from([1, 2, 3]) } };
    const out = strideSnapshot(snap, 3);
    expect(out.coordinates).toBe(3);
    expect(Array.from(out.columns['x']!)).toEqual([1, 2, 3]);
  });

  it('beyond it keeps an even stride, the same indices in every column', () => {
    const n = 10;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => 100 + i);
    const out = strideSnapshot({ t: 2, columns: { x, y } }, 4);
    expect(out.coordinates).toBe(10);
    expect(Array.from(out.columns['x']!)).toEqual([0, 2, 5, 7]);
    expect(Array.from(out.columns['y']!)).toEqual([100, 102, 105, 107]);
    expect(out.t).toBe(2);
  });

  it('strides spread over the whole range, strictly increasing', () => {
    const n = 100_000;
    const keep = strideIndices(n, CLOUD_MAX_POINTS)!;
    expect(keep.length).toBe(CLOUD_MAX_POINTS);
    expect(keep[0]).toBe(0);
    expect(keep[keep.length - 1]).toBeGreaterThan(n - n / CLOUD_MAX_POINTS - 1);
    for (let k = 1; k < keep.length; k++) expect(keep[k]!).toBeGreaterThan(keep[k - 1]!);
  });
});
