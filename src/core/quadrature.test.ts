/**
 * Gauss–Hermite rules for the standard normal: an m-point rule integrates polynomials up to
 * degree 2m − 1 exactly, so the Gaussian moments E[x^k] = (k − 1)!! (even k), 0 (odd k) are
 * reproduced to rounding for k ≤ 2m − 1.
 */
import { describe, expect, it } from 'vitest';

import { gaussHermite, gaussianExpectation } from './quadrature';

/** E[x^k] for x ~ N(0, 1): 0 for odd k, (k − 1)!! for even k. */
function gaussianMoment(k: number): number {
  if (k % 2 === 1) return 0;
  let r = 1;
  for (let j = k - 1; j > 1; j -= 2) r *= j;
  return r;
}

function ruleMoment(m: number, k: number): number {
  const { nodes, weights } = gaussHermite(m);
  let s = 0;
  for (let i = 0; i < m; i++) s += weights[i]! * nodes[i]! ** k;
  return s;
}

// Orders above 198 made Newton converge back to the largest root from the second initial guess
// (every node at ±27.3), so gaussHermite accepts 1..150 only; every accepted order is swept.
const ALL_ORDERS = Array.from({ length: 150 }, (_, i) => i + 1);

describe('gaussHermite', () => {
  it('has weights that are positive and sum to 1, for every order 1..150', () => {
    for (const m of ALL_ORDERS) {
      const { nodes, weights } = gaussHermite(m);
      expect(nodes.length).toBe(m);
      expect(weights.length).toBe(m);
      let total = 0;
      for (let i = 0; i < m; i++) {
        total += weights[i]!;
        if (!(weights[i]! > 0)) expect.fail(`m = ${m}: weight ${i} is ${weights[i]}`);
      }
      expect(Math.abs(total - 1), `m = ${m}`).toBeLessThan(1e-14);
    }
  });

  it('has strictly ascending nodes, symmetric about 0 with symmetric weights', () => {
    for (const m of ALL_ORDERS) {
      const { nodes, weights } = gaussHermite(m);
      for (let i = 0; i < m; i++) {
        const j = m - 1 - i;
        if (i > 0 && !(nodes[i]! > nodes[i - 1]!))
          expect.fail(`m = ${m}: nodes not ascending at ${i}`);
        // Exact symmetry up to a middle node of size ~1e-44 for odd m.
        if (Math.abs(nodes[i]! + nodes[j]!) > 1e-30 || weights[i] !== weights[j]) {
          expect.fail(`m = ${m}: asymmetric at ${i}: ${nodes[i]} vs ${nodes[j]}`);
        }
      }
    }
  });

  it('matches the closed-form 1-, 2- and 3-point rules', () => {
    // Probabilists' Hermite roots: He_2 = x² − 1 → ±1, weights ½; He_3 = x³ − 3x → 0, ±√3,
    // weights 2/3 and 1/6.
    const r1 = gaussHermite(1);
    expect(Math.abs(r1.nodes[0]!)).toBeLessThan(1e-15);
    expect(r1.weights[0]).toBe(1);
    const r2 = gaussHermite(2);
    expect(r2.nodes[0]).toBeCloseTo(-1, 14);
    expect(r2.nodes[1]).toBeCloseTo(1, 14);
    expect(r2.weights[0]).toBeCloseTo(0.5, 15);
    const r3 = gaussHermite(3);
    expect(r3.nodes[0]).toBeCloseTo(-Math.sqrt(3), 14);
    expect(Math.abs(r3.nodes[1]!)).toBeLessThan(1e-15);
    expect(r3.nodes[2]).toBeCloseTo(Math.sqrt(3), 14);
    expect(r3.weights[0]).toBeCloseTo(1 / 6, 15);
    expect(r3.weights[1]).toBeCloseTo(2 / 3, 15);
  });

  it('integrates the Gaussian moments E[x^k], k = 0..8, exactly for m ≥ 5 (1e-12 relative)', () => {
    // Degree 8 ≤ 2m − 1 needs m ≥ 5. For odd k the exact value is 0: the error is measured
    // against the scale E[x^{k+1}] of the terms that cancel.
    for (const m of ALL_ORDERS.filter((m) => m >= 5)) {
      for (let k = 0; k <= 8; k++) {
        const want = gaussianMoment(k);
        const scale = want === 0 ? gaussianMoment(k + 1) : want;
        const err = Math.abs(ruleMoment(m, k) - want) / scale;
        if (!(err < 1e-12)) expect.fail(`m = ${m}, k = ${k}: relative error ${err}`);
      }
    }
  });

  it('is exact up to degree 2m − 1 for small m, and not beyond', () => {
    for (const m of [1, 2, 3, 4]) {
      for (let k = 0; k <= 2 * m - 1; k++) {
        expect(Math.abs(ruleMoment(m, k) - gaussianMoment(k)), `m = ${m}, k = ${k}`).toBeLessThan(
          1e-13,
        );
      }
      // Degree 2m is the first that an m-point Gauss rule misses.
      expect(Math.abs(ruleMoment(m, 2 * m) - gaussianMoment(2 * m)), `m = ${m}`).toBeGreaterThan(
        0.5,
      );
    }
  });

  it('throws a RangeError for an order outside 1..150 or not an integer', () => {
    for (const m of [0, -1, 1.5, 151, 200, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => gaussHermite(m), `m = ${m}`).toThrow(RangeError);
    }
    expect(() => gaussHermite(0)).toThrow(/1\.\.150; got 0/);
  });

  it('caches: the same order returns the same rule', () => {
    expect(gaussHermite(17)).toBe(gaussHermite(17));
  });
});

describe('gaussianExpectation', () => {
  // x ~ N(μ, σ²): E[x²] = μ² + σ², E[cos x] = e^{−σ²/2} cos μ (the characteristic function).
  const cases: [number, number][] = [
    [0, 1],
    [1.5, 0.7],
    [-2, 3],
    [0.3, 0.01],
    [4, 2],
  ];

  it('gives E[x²] = μ² + σ² and E[cos x] = e^{−σ²/2} cos μ to 1e-12 at m = 40', () => {
    for (const [mu, sigma] of cases) {
      const second = gaussianExpectation((x) => x * x, mu, sigma, 40);
      expect(
        Math.abs(second / (mu * mu + sigma * sigma) - 1),
        `E[x²], μ=${mu}, σ=${sigma}`,
      ).toBeLessThan(1e-12);
      const want = Math.exp((-sigma * sigma) / 2) * Math.cos(mu);
      const cos = gaussianExpectation(Math.cos, mu, sigma, 40);
      expect(Math.abs(cos - want) / Math.abs(want), `E[cos x], μ=${mu}, σ=${sigma}`).toBeLessThan(
        1e-12,
      );
    }
  });

  it('defaults to N(0, 1) with m = 40', () => {
    expect(gaussianExpectation((x) => x ** 4)).toBeCloseTo(3, 12);
    expect(gaussianExpectation(Math.cos)).toBeCloseTo(Math.exp(-0.5), 14);
  });

  it('passes the order through (an invalid m throws RangeError)', () => {
    expect(() => gaussianExpectation(Math.cos, 0, 1, 0)).toThrow(RangeError);
    // A 2-point rule cannot integrate x⁴: it gives Σ w x⁴ = 1 instead of 3.
    expect(gaussianExpectation((x) => x ** 4, 0, 1, 2)).toBeCloseTo(1, 12);
  });
});
