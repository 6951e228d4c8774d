/**
 * Coordinates of a few high-dimensional vectors in an orthonormal frame of their span. The
 * reduced SGD chains (docs/models/vae.md, "The Gram chain") carry a model's weight and signal
 * vectors as a small matrix C with CᵀC = their Gram matrix: the data law is invariant under
 * rotations that fix the span, so the frame itself never needs to be known.
 *
 * C is row-major, one row per frame direction and one column per vector: C[i·cols + j] is the
 * coordinate of vector j along frame direction i.
 */

/** A frame's coordinates: `rank` rows of `cols` columns (rank ≤ cols). */
export interface FrameCoordinates {
  rank: number;
  cols: number;
  coords: Float64Array;
}

/**
 * Coordinates of `columns` (each of length N) in the frame that Gram–Schmidt builds in the given
 * order, twice for orthogonality to machine precision (O(N·cols²), once per run). A column whose
 * part outside the previous frame is at most `tolerance` times its norm adds no direction, so a
 * rank-deficient set (say W = W* exactly) gets a frame of its true dimension. `coords` has room
 * for cols + 1 rows (a chain step adds one direction before it triangularizes).
 */
export function frameCoordinates(columns: Float64Array[], tolerance = 1e-10): FrameCoordinates {
  const cols = columns.length;
  const N = columns[0]?.length ?? 0;
  const coords = new Float64Array((cols + 1) * cols);
  const frame: Float64Array[] = [];
  for (let j = 0; j < cols; j++) {
    const col = columns[j]!;
    const v = Float64Array.from(col);
    let norm0 = 0;
    for (let i = 0; i < N; i++) norm0 += col[i]! * col[i]!;
    norm0 = Math.sqrt(norm0);
    for (let pass = 0; pass < 2; pass++) {
      frame.forEach((e, k) => {
        let dot = 0;
        for (let i = 0; i < N; i++) dot += v[i]! * e[i]!;
        for (let i = 0; i < N; i++) v[i] = v[i]! - dot * e[i]!;
        coords[k * cols + j] = coords[k * cols + j]! + dot;
      });
    }
    let rest = 0;
    for (let i = 0; i < N; i++) rest += v[i]! * v[i]!;
    rest = Math.sqrt(rest);
    if (rest > tolerance * norm0 && frame.length < N) {
      for (let i = 0; i < N; i++) v[i] = v[i]! / rest;
      coords[frame.length * cols + j] = rest;
      frame.push(v);
    }
  }
  return { rank: frame.length, cols, coords };
}

/**
 * Householder QR in place: rotate the frame of a rows × cols coordinate matrix so that columns
 * from `first` on are upper triangular (columns before `first` must already be, with zeros below
 * their diagonal, and are left untouched). Every direction beyond the first cols then carries
 * zero coordinates; returns the number of rows still needed, min(rows, cols). The rotation is
 * orthogonal, so the Gram matrix CᵀC is unchanged up to rounding.
 */
export function triangularize(C: Float64Array, rows: number, cols: number, first = 0): number {
  for (let j = first; j < cols && j < rows - 1; j++) {
    let below = 0;
    for (let i = j + 1; i < rows; i++) below += C[i * cols + j]! * C[i * cols + j]!;
    if (below === 0) continue;
    const x0 = C[j * cols + j]!;
    const alpha = -(x0 >= 0 ? 1 : -1) * Math.sqrt(x0 * x0 + below);
    // v = x − α e_j (rows j..rows−1), stored in the column itself below the diagonal.
    const v0 = x0 - alpha;
    const vv = v0 * v0 + below;
    for (let k = j + 1; k < cols; k++) {
      let s = v0 * C[j * cols + k]!;
      for (let i = j + 1; i < rows; i++) s += C[i * cols + j]! * C[i * cols + k]!;
      const f = (2 * s) / vv;
      C[j * cols + k] = C[j * cols + k]! - f * v0;
      for (let i = j + 1; i < rows; i++) C[i * cols + k] = C[i * cols + k]! - f * C[i * cols + j]!;
    }
    C[j * cols + j] = alpha;
    for (let i = j + 1; i < rows; i++) C[i * cols + j] = 0;
  }
  return Math.min(rows, cols);
}

/** The Gram matrix CᵀC (cols × cols, row-major) of a coordinate matrix with `rows` rows. */
export function gramOf(C: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let a = 0; a < cols; a++) {
    for (let b = a; b < cols; b++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += C[i * cols + a]! * C[i * cols + b]!;
      out[a * cols + b] = s;
      out[b * cols + a] = s;
    }
  }
}
