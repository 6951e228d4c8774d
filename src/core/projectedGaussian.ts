/**
 * A standard Gaussian vector seen through a few directions, in O(d) instead of O(n).
 *
 * For z ~ N(0, I_n) and an orthonormal basis e₁, …, e_d of any d-dimensional subspace, the
 * coordinates z·e_i are i.i.d. N(0, 1) and the squared norm of the remainder z − Σ(z·e_i)e_i is
 * χ²_{n−d}, independent of them (Cochran's theorem). A reduced SGD chain whose step depends on a
 * fresh noise vector only through its projections on a few state-dependent directions and its
 * squared norm draws exactly these d + 1 numbers.
 */
import { chiSquare } from './gamma';
import { normal } from './normal';
import type { Rng } from './rng';

/**
 * Fill out[0..d) (d = out.length ≤ n) with the coordinates of z ~ N(0, I_n) along d orthonormal
 * directions and return ‖z‖² minus their squares, a χ²_{n−d} variate. Draw order: the d normals,
 * then the χ², so a seeded stream reproduces the same values.
 */
export function projectedGaussian(rng: Rng, n: number, out: Float64Array): number {
  const d = out.length;
  if (d > n) throw new RangeError(`projectedGaussian: ${d} directions in dimension ${n}`);
  for (let i = 0; i < d; i++) out[i] = normal(rng);
  return chiSquare(rng, n - d);
}
