/**
 * The cached χ² sampler draws exactly what chiSquare draws (same generator, same variates, bit for
 * bit), whatever the sequence of degrees of freedom; and χ²_k has mean k and variance 2k.
 */
import { describe, expect, it } from 'vitest';

import { chiSquare, ChiSquareSampler } from './gamma';
import { Rng } from './rng';

describe('ChiSquareSampler', () => {
  it('equals chiSquare draw for draw, across changes of k (0, 1, 2, 7, 1995)', () => {
    const dofs = [1995, 1995, 7, 7, 2, 1, 0, 1995, 3, 1995];
    const a = new Rng(11, 3);
    const b = new Rng(11, 3);
    const sampler = new ChiSquareSampler(b);
    for (let r = 0; r < 200; r++)
      for (const k of dofs) expect(sampler.next(k)).toBe(chiSquare(a, k));
  });

  it('has mean k and variance 2k (k = 998, 20 000 draws, within 4 standard errors)', () => {
    const k = 998;
    const sampler = new ChiSquareSampler(new Rng(5));
    const m = 20_000;
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < m; i++) {
      const x = sampler.next(k);
      sum += x;
      sum2 += x * x;
    }
    const mean = sum / m;
    const variance = sum2 / m - mean * mean;
    expect(Math.abs(mean - k)).toBeLessThan(4 * Math.sqrt((2 * k) / m));
    // The sample variance's standard error is ≈ 2k·√(2/m) for a near-Gaussian variate.
    expect(Math.abs(variance - 2 * k)).toBeLessThan(4 * 2 * k * Math.sqrt(2 / m));
  });
});
