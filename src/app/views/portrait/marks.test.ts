import { describe, expect, it } from 'vitest';

import { padRange, portraitDomains, tableColumn } from './marks';

describe('portrait marks', () => {
  it('reads an axis column, null when the series is missing', () => {
    const table = {
      names: ['a', 'b'],
      t: Float64Array.from([0, 1]),
      y: Float64Array.from([1, 2, 3, 4]),
    };
    expect([...tableColumn(table, 'b')!]).toEqual([2, 4]);
    expect(tableColumn(table, 'c')).toBeNull();
    expect(tableColumn(null, 'a')).toBeNull();
  });

  it('domains hold the paths, fixed points and the regions plane, unpadded on symlog axes', () => {
    const marks = {
      fixed: [{ x: 5, y: -3, stability: 'stable', kind: 'point', info: '' }],
      families: [],
    };
    const paths = { x: [[0, 1]], y: [[0, 1]] };
    const plain = portraitDomains(paths, { fixed: [], families: [] }, null, true);
    expect(plain).toEqual({ x: [0, 1], y: [0, 1] });
    const withMarks = portraitDomains(paths, marks as never, null, true);
    expect(withMarks).toEqual({ x: [0, 5], y: [-3, 1] });
    const plane = { xRange: [-10, 10] as [number, number], yRange: [0, 20] as [number, number] };
    expect(portraitDomains(paths, marks as never, plane, true)).toEqual({
      x: [-10, 10],
      y: [-3, 20],
    });
    const padded = portraitDomains(paths, { fixed: [], families: [] }, null, false);
    expect(padded.x[0]).toBeLessThan(0);
  });

  it('pads a range by a tenth of its span each side', () => {
    expect(padRange([0, 10])).toEqual([-1, 11]);
  });
});
