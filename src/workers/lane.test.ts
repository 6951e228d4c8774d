import { describe, expect, it } from 'vitest';

import { dealRoundRobin } from './lane';

describe('dealRoundRobin', () => {
  it('deals every item exactly once, in order within each part, k, k + n, …', () => {
    const items = Array.from({ length: 11 }, (_, k) => k);
    const parts = dealRoundRobin(items, 3);
    expect(parts).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7, 10],
      [2, 5, 8],
    ]);
    expect(dealRoundRobin([1, 2], 4)).toEqual([[1], [2], [], []]);
  });
});
