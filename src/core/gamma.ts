/**
 * Exact Gamma and χ² variates (Marsaglia & Tsang 2000, "A simple method for generating gamma
 * variables"): the reduced SGD chains need the squared norm of a Gaussian vector's part outside a
 * few directions, which is χ² with n − k degrees of freedom, drawn here in O(1) instead of O(n).
 */
import { normal } from './normal';
import type { Rng } from './rng';

/** A Gamma(shape, 1) variate, shape ≥ 1 (exact rejection sampler). */
export function gammaVariate(shape: number, rng: Rng): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rng);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.nextOpenFloat();
    // Marsaglia–Tsang's squeeze: inside the acceptance region (log u below the bound) for every
    // x, so it accepts the same draws without the two logarithms ~98 % of the time.
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * A χ²_k variate: 2·Gamma(k/2). Exact for k ≥ 2; for k = 1 (shape ½ < 1) it is the square of a
 * normal, and k = 0 is 0.
 */
export function chiSquare(rng: Rng, k: number): number {
  if (k <= 0) return 0;
  if (k < 2) {
    const z = normal(rng);
    return z * z;
  }
  return 2 * gammaVariate(k / 2, rng);
}
