/**
 * Householder triangularisation of a small block of a column-major matrix, in place.
 *
 * The reduced SGD chains keep their vectors as coordinates in an orthonormal frame. When a step
 * adds a direction, the block of coordinates has one row more than the vectors need; an
 * orthogonal change of frame (which leaves every inner product, hence the Gram matrix, unchanged)
 * brings it back to triangular form, after which the rows past the number of columns are zero and
 * can be dropped. Householder reflections do that stably, and a zero column (a rank-deficient
 * block) is simply skipped: no division by a vanishing norm.
 */

/**
 * Triangularise rows [row0, row0 + rows) × columns [0, cols) of the column-major matrix `a`
 * (leading dimension `ld`) by Householder reflections applied from the left. Afterwards entry
 * (row0 + i, j) is zero for i > j, so rows row0 + cols … are zero when rows > cols. Inner
 * products of the columns are preserved to rounding.
 */
export function triangulariseRows(
  a: Float64Array,
  ld: number,
  row0: number,
  rows: number,
  cols: number,
): void {
  const steps = Math.min(cols, rows - 1);
  for (let j = 0; j < steps; j++) {
    const top = row0 + j;
    const end = row0 + rows;
    const cj = j * ld;
    let below = 0;
    for (let i = top + 1; i < end; i++) below += a[cj + i]! * a[cj + i]!;
    if (below === 0) continue; // already triangular in this column (or a zero column)
    const x0 = a[cj + top]!;
    const norm = Math.sqrt(x0 * x0 + below);
    // v = x − βe₁ with β = −sign(x₀)‖x‖ (no cancellation); H = I − 2vvᵀ/(vᵀv).
    const beta = x0 >= 0 ? -norm : norm;
    const v0 = x0 - beta;
    const vv = v0 * v0 + below;
    a[cj + top] = beta;
    // Below the diagonal v equals the column itself, which is read here before it is zeroed.
    for (let k = j + 1; k < cols; k++) {
      const ck = k * ld;
      let s = v0 * a[ck + top]!;
      for (let i = top + 1; i < end; i++) s += a[cj + i]! * a[ck + i]!;
      const f = (2 * s) / vv;
      a[ck + top] = a[ck + top]! - f * v0;
      for (let i = top + 1; i < end; i++) a[ck + i] = a[ck + i]! - f * a[cj + i]!;
    }
    for (let i = top + 1; i < end; i++) a[cj + i] = 0;
  }
}
