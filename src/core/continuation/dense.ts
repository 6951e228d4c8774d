/**
 * Dense linear algebra for the continuation's bordered systems (sizes up to a few dozen):
 * LU with partial pivoting, its determinant, and central-difference Jacobians of a map.
 */

/** LU factors of an n×n row-major matrix (PA = LU), or null when a pivot is exactly zero. */
export interface Lu {
  n: number;
  lu: Float64Array;
  perm: Int32Array;
  /** det(A), with the sign of the row permutation. */
  determinant: number;
}

/** Factor A (n×n row-major; not modified) by Gaussian elimination with partial pivoting. */
export function luFactor(A: Float64Array, n: number): Lu | null {
  const lu = Float64Array.from(A);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let det = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const a = Math.abs(lu[i * n + k]!);
      if (a > best) {
        best = a;
        p = i;
      }
    }
    if (!(best > 0) || !Number.isFinite(best)) return null;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
      const t = perm[k]!;
      perm[k] = perm[p]!;
      perm[p] = t;
      det = -det;
    }
    const pivot = lu[k * n + k]!;
    det *= pivot;
    for (let i = k + 1; i < n; i++) {
      const f = lu[i * n + k]! / pivot;
      lu[i * n + k] = f;
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] = lu[i * n + j]! - f * lu[k * n + j]!;
    }
  }
  return { n, lu, perm, determinant: det };
}

/** Solve A·x = b from its LU factors (b is not modified). */
export function luSolve({ n, lu, perm }: Lu, b: Float64Array): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[perm[i]!]!;
    for (let j = 0; j < i; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s / lu[i * n + i]!;
  }
  return x;
}

/** A map G: ℝ^cols → ℝ^rows written into out. */
export type VectorMap = (y: Float64Array, out: Float64Array) => void;

/**
 * The rows×cols Jacobian of G at y by central differences, step h·max(1, |y_j|) (default
 * h = 1e-6: error O(h²) from the third derivative plus O(ε/h) round-off, ≈ 1e-10 relative).
 */
export function fdJacobian(G: VectorMap, y: Float64Array, rows: number, h = 1e-6): Float64Array {
  const cols = y.length;
  const J = new Float64Array(rows * cols);
  const yp = Float64Array.from(y);
  const gp = new Float64Array(rows);
  const gm = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    const yj = y[j]!;
    const hj = h * Math.max(1, Math.abs(yj));
    yp[j] = yj + hj;
    const up = yp[j]! - yj;
    G(yp, gp);
    yp[j] = yj - hj;
    const down = yj - yp[j]!;
    G(yp, gm);
    yp[j] = yj;
    for (let i = 0; i < rows; i++) J[i * cols + j] = (gp[i]! - gm[i]!) / (up + down);
  }
  return J;
}
