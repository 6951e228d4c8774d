import { describe, expect, it } from 'vitest';

import { formatSeries, timeLeft } from './format';

describe('the status line’s time left', () => {
  it('extrapolates the elapsed time, once enough is done to tell', () => {
    expect(timeLeft(0.5, 4000)).toBe('· 4 s left');
    expect(timeLeft(0.1, 60_000)).toBe('· 9 min left');
    expect(timeLeft(0.9, 900)).toBe('· < 1 s left');
    // Too early, or finished: nothing to say.
    expect(timeLeft(0.01, 4000)).toBe('');
    expect(timeLeft(0.5, 100)).toBe('');
    expect(timeLeft(1, 4000)).toBe('');
  });
});

describe('series display names', () => {
  it('typesets keys: indices as subscripts, Greek names as letters (issue 17)', () => {
    expect(formatSeries('P12')).toBe('P₁₂');
    expect(formatSeries('cosP12')).toBe('cos P₁₂');
    expect(formatSeries('mu1')).toBe('μ₁');
    expect(formatSeries('nu4')).toBe('ν₄');
    expect(formatSeries('m1')).toBe('m₁');
    expect(formatSeries('epsg')).toBe('εg');
    expect(formatSeries('dmu')).toBe('Δμ');
  });
});
