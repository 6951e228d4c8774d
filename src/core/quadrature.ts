/**
 * Gauss–Hermite quadrature for Gaussian expectations ⟨φ(x)⟩, x ~ N(μ, σ²).
 *
 * Nodes and weights of the physicists' rule ∫ e^{-s²} f(s) ds ≈ Σ w_k f(s_k) come from Newton's
 * method on the orthonormal Hermite recurrence, started from the asymptotic root estimates
 * (Numerical Recipes §4.6, `gauher`). An m-point rule is exact for polynomials of degree 2m − 1.
 * The change of variable x = μ + √2 σ s turns it into an expectation over N(μ, σ²).
 */

export interface GaussRule {
  /** Nodes x_k of the standard normal rule: ⟨φ(x)⟩ ≈ Σ w_k φ(x_k) for x ~ N(0, 1). */
  nodes: Float64Array;
  /** Weights, summing to 1. */
  weights: Float64Array;
}

const PI_M4 = Math.pow(Math.PI, -0.25);
const cache = new Map<number, GaussRule>();

/**
 * The m-point Gauss–Hermite rule for the standard normal (m in 1..150). Cached.
 * Exact for polynomials up to degree 2m − 1.
 */
export function gaussHermite(m: number): GaussRule {
  if (!Number.isInteger(m) || m < 1 || m > 150) {
    throw new RangeError(`Gauss–Hermite order must be an integer in 1..150; got ${m}`);
  }
  const cached = cache.get(m);
  if (cached) return cached;
  const s = new Float64Array(m);
  const w = new Float64Array(m);
  let z = 0;
  const half = Math.floor((m + 1) / 2);
  for (let i = 0; i < half; i++) {
    // Initial guesses for the largest roots first, then by extrapolation from earlier roots.
    if (i === 0) z = Math.sqrt(2 * m + 1) - 1.85575 * Math.pow(2 * m + 1, -0.16667);
    else if (i === 1) z -= (1.14 * Math.pow(m, 0.426)) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * s[0]!;
    else if (i === 3) z = 1.91 * z - 0.91 * s[1]!;
    else z = 2 * z - s[i - 2]!;
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = PI_M4;
      let p2 = 0;
      for (let j = 1; j <= m; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * m) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    s[i] = z;
    s[m - 1 - i] = -z;
    w[i] = 2 / (pp * pp);
    w[m - 1 - i] = w[i]!;
  }
  // Map to the standard normal: x = √2 s, weight / √π.
  const nodes = new Float64Array(m);
  const weights = new Float64Array(m);
  let total = 0;
  for (let k = 0; k < m; k++) {
    nodes[k] = Math.SQRT2 * s[m - 1 - k]!; // ascending
    weights[k] = w[m - 1 - k]! / Math.sqrt(Math.PI);
    total += weights[k]!;
  }
  // Normalise away the last rounding so that ⟨1⟩ = 1 to machine precision.
  for (let k = 0; k < m; k++) weights[k] = weights[k]! / total;
  const rule = { nodes, weights };
  cache.set(m, rule);
  return rule;
}

/** ⟨φ(x)⟩ for x ~ N(mean, std²) by an m-point Gauss–Hermite rule (default m = 40). */
export function gaussianExpectation(phi: (x: number) => number, mean = 0, std = 1, m = 40): number {
  const { nodes, weights } = gaussHermite(m);
  let sum = 0;
  for (let k = 0; k < nodes.length; k++) sum += weights[k]! * phi(mean + std * nodes[k]!);
  return sum;
}
