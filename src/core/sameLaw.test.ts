/**
 * The two-sample checks behind the "equal in law" tests, and the projected Gaussian they are
 * used on: against values known in closed form.
 */
import { describe, expect, it } from 'vitest';

import { projectedGaussian } from './projectedGaussian';
import { Rng } from './rng';
import { ksCritical001, meanGapInSe, twoSampleKs } from './sameLaw';

describe('twoSampleKs and ksCritical001', () => {
  it('is 0 for one sample against itself, 1 for disjoint ones, and counts ties once', () => {
    expect(twoSampleKs([3, 1, 2], [2, 3, 1])).toBe(0);
    expect(twoSampleKs([1, 2], [3, 4, 5])).toBe(1);
    // At 1 both CDFs jump (to 1/2 and 1/4); the largest gap is at 2, 1 − 1/4.
    expect(twoSampleKs([1, 2], [1, 3, 3, 3])).toBeCloseTo(0.75, 12);
  });

  it('the 0.1 % critical value is 1.949·√((n₁ + n₂)/(n₁n₂))', () => {
    expect(ksCritical001(2000, 2000)).toBeCloseTo(1.949 * Math.sqrt(1 / 1000), 12);
  });

  it('two samples of one law stay below it; a shift of 0.2 sd at 2000 + 2000 does not', () => {
    const rng = new Rng(9);
    const draw = (shift: number) =>
      Array.from({ length: 2000 }, () => projectedGaussianOne(rng) + shift);
    const a = draw(0);
    expect(twoSampleKs(a, draw(0))).toBeLessThan(ksCritical001(2000, 2000));
    const shifted = draw(0.2);
    expect(twoSampleKs(a, shifted)).toBeGreaterThan(ksCritical001(2000, 2000));
    expect(meanGapInSe(a, shifted)).toBeGreaterThan(4);
  });
});

function projectedGaussianOne(rng: Rng): number {
  const out = new Float64Array(1);
  projectedGaussian(rng, 1, out);
  return out[0]!;
}

describe('projectedGaussian', () => {
  it('d normals of mean 0, variance 1, and a remainder of mean n − d, variance 2(n − d)', () => {
    const rng = new Rng(4);
    const n = 50;
    const out = new Float64Array(2);
    const draws = 40000;
    let s = 0;
    let s2 = 0;
    let r = 0;
    let r2 = 0;
    for (let i = 0; i < draws; i++) {
      const rest = projectedGaussian(rng, n, out);
      s += out[0]! + out[1]!;
      s2 += out[0]! ** 2 + out[1]! ** 2;
      r += rest;
      r2 += rest * rest;
    }
    const mean = s / (2 * draws);
    const restMean = r / draws;
    const restVar = r2 / draws - restMean ** 2;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(2 * draws));
    expect(Math.abs(s2 / (2 * draws) - 1)).toBeLessThan(4 * Math.sqrt(2 / (2 * draws)));
    expect(Math.abs(restMean - (n - 2))).toBeLessThan(4 * Math.sqrt((2 * (n - 2)) / draws));
    // The sample variance of χ²_k has variance ≈ (μ₄ − σ⁴)/draws, μ₄ = 12k(k + 4), σ² = 2k.
    const k = n - 2;
    const varSe = Math.sqrt((12 * k * (k + 4) - 4 * k * k) / draws);
    expect(Math.abs(restVar - 2 * k)).toBeLessThan(4 * varSe);
    expect(() => projectedGaussian(rng, 1, out)).toThrow(RangeError);
  });
});
