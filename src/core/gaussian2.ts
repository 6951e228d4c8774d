/**
 * A 2-D Gaussian's k-σ ellipses and how much of a point cloud they hold: the microscopic clouds'
 * check (GAN Fig. 2: 1 − e^{−k²/2} of the points inside the k-σ ellipse). Shared by the app's
 * cloud chart, the CLI's cloud command and the tests.
 */
import type { Gaussian2 } from './model';

/** Points of the k-σ ellipse of a 2-D Gaussian (Mahalanobis radius k), as a closed polygon. */
export function ellipsePoints(g: Gaussian2, k: number, segments = 96): [number, number][] {
  const [a, b, c] = g.cov;
  // Eigen-decomposition of [[a, b], [b, c]].
  const tr = a + c;
  const det = a * c - b * b;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const l1 = Math.max(0, tr / 2 + disc);
  const l2 = Math.max(0, tr / 2 - disc);
  const theta = Math.abs(b) < 1e-15 ? (a >= c ? 0 : Math.PI / 2) : Math.atan2(l1 - a, b);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const r1 = k * Math.sqrt(l1);
  const r2 = k * Math.sqrt(l2);
  const out: [number, number][] = [];
  for (let s = 0; s <= segments; s++) {
    const phi = (2 * Math.PI * s) / segments;
    const u = r1 * Math.cos(phi);
    const v = r2 * Math.sin(phi);
    out.push([g.mean[0] + u * cos - v * sin, g.mean[1] + u * sin + v * cos]);
  }
  return out;
}

/** The Gaussian's own fraction inside its k-σ ellipse: 1 − e^{−k²/2} (0.393, 0.865, 0.989). */
export function gaussianFraction(k: number): number {
  return 1 - Math.exp(-(k * k) / 2);
}

/** Fractions of the points (x_i, y_i) inside the k-σ ellipses, k = 1..ks (Mahalanobis radius ≤ k). */
export function fractionsInside(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  g: Gaussian2,
  ks = 3,
): number[] {
  const [a, b, c] = g.cov;
  const det = a * c - b * b;
  const counts = new Array<number>(ks).fill(0);
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - g.mean[0];
    const dy = y[i]! - g.mean[1];
    const m2 = (c * dx * dx - 2 * b * dx * dy + a * dy * dy) / det; // Mahalanobis²
    for (let k = 1; k <= ks; k++) if (m2 <= k * k) counts[k - 1]!++;
  }
  return counts.map((n) => n / x.length);
}
