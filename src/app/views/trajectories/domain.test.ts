import { describe, expect, it } from 'vitest';

import { seriesColumn, trajectoryYDomain, widenDomain } from './domain';

const table = { names: ['a', 'b'], t: [0, 1, 2], y: [1, 10, 2, 20, 3, 30] };

describe('trajectory y domain', () => {
  it('reads one series of a row-major table', () => {
    expect(seriesColumn(table, 'b')).toEqual([10, 20, 30]);
    expect(seriesColumn(table, 'c')).toEqual([]);
  });

  it('widens only where the columns reach beyond the domain', () => {
    expect(widenDomain([0, 5], [[1, 2]])).toEqual([0, 5]);
    expect(widenDomain([0, 5], [[-2, 8]])).toEqual([-2, 8]);
  });

  it('fits the visible SGD series but not the hidden ones', () => {
    expect(trajectoryYDomain([0, 5], table, new Set(['a']), null)).toEqual([0, 5]);
    expect(trajectoryYDomain([0, 5], table, new Set(['b']), null)).toEqual([0, 30]);
  });

  it("fits the overlay's series when it is visible", () => {
    const overlay = { series: 'b', tables: [table] };
    expect(trajectoryYDomain([0, 5], null, new Set(['a']), overlay)).toEqual([0, 5]);
    expect(trajectoryYDomain([0, 5], null, new Set(['b']), overlay)).toEqual([0, 30]);
  });
});
