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
  return gammaWith(d, 1 / Math.sqrt(9 * d), rng);
}

/** Marsaglia–Tsang's loop with its constants d = shape − 1/3 and c = 1/√(9d) given. */
function gammaWith(d: number, c: number, rng: Rng): number {
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

/**
 * χ²_k variates for a chain that asks for the same k step after step (a reduced SGD chain's
 * n − k): the same draws as chiSquare(rng, k), with Marsaglia–Tsang's constants (a square root
 * and a division) computed once per k instead of once per variate.
 */
export class ChiSquareSampler {
  private dof = -1;
  private d = 0;
  private c = 0;

  constructor(private readonly rng: Rng) {}

  /** A χ²_k variate (k ≥ 0), equal to chiSquare(rng, k) for the same generator state. */
  next(k: number): number {
    if (k < 2) return chiSquare(this.rng, k);
    if (k !== this.dof) {
      this.dof = k;
      this.d = k / 2 - 1 / 3;
      this.c = 1 / Math.sqrt(9 * this.d);
    }
    return 2 * gammaWith(this.d, this.c, this.rng);
  }
}
