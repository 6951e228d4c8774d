/**
 * Samples for drawing a trajectory as a polyline. The app drew the ODE from 601 evenly spaced
 * samples, so an oscillation faster than the grid (GAN τ = 1.04, τ̃ = 1.76: a period near 2 at
 * T = 600, three samples a period) showed as a zig-zag. The integrator's dense output is cheap,
 * so the ODE is sampled `REFINE` times finer, and this keeps, on top of the even base grid, the
 * fine samples of every base interval where the chord between the base samples misses the fine
 * solution by more than `tolerance` × the variable's range (half a pixel of a 500 px chart at
 * the default). Smooth stretches keep the base grid; at most base × REFINE samples in all.
 * The chord is checked at the fine samples only: between them a refined stretch can miss by
 * more (3.3·10⁻³ of the range, 1.6 px of 500, on the GAN case above against a 64× grid). A
 * bisection on the stepper's dense output would bound it everywhere (docs/architecture.md).
 */

/** Fine samples per base interval. */
export const REFINE = 8;
/** The largest chord error kept, as a fraction of each variable's range. */
export const CHORD_TOLERANCE = 1e-3;

/** The fine grid of `base` samples refined REFINE times: (base − 1)·REFINE + 1 samples. */
export function refinedCount(base: number, refine = REFINE): number {
  return (Math.max(2, base) - 1) * refine + 1;
}

/**
 * The rows of a fine solution (t, row-major y with m columns, on the refinedCount grid) to keep:
 * every `refine`-th row, the last row, and the inner rows of each base interval whose chord
 * misses a fine row by more than tolerance × the column's range in any column.
 */
export function adaptiveRows(
  y: Float64Array,
  m: number,
  rows: number,
  { refine = REFINE, tolerance = CHORD_TOLERANCE }: { refine?: number; tolerance?: number } = {},
): Int32Array {
  const scale = columnRanges(y, m, rows).map((r) => tolerance * r);
  const keep: number[] = [];
  for (let a = 0; a < rows - 1; a += refine) {
    const b = Math.min(a + refine, rows - 1);
    keep.push(a);
    if (chordMisses(y, m, a, b, scale)) for (let j = a + 1; j < b; j++) keep.push(j);
  }
  keep.push(rows - 1);
  return Int32Array.from(rows > 0 ? keep : []);
}

/** Whether the straight line from row a to row b misses an inner row by more than `scale`. */
function chordMisses(y: Float64Array, m: number, a: number, b: number, scale: number[]): boolean {
  for (let j = a + 1; j < b; j++) {
    const f = (j - a) / (b - a);
    for (let i = 0; i < m; i++) {
      const chord = y[a * m + i]! * (1 - f) + y[b * m + i]! * f;
      const miss = Math.abs(y[j * m + i]! - chord);
      if (miss > scale[i]! && Number.isFinite(miss)) return true;
    }
  }
  return false;
}

/** max − min of each column over its finite values (0 for a constant or empty column). */
function columnRanges(y: Float64Array, m: number, rows: number): number[] {
  return Array.from({ length: m }, (_, i) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < rows; j++) {
      const v = y[j * m + i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return hi > lo ? hi - lo : 0;
  });
}

/** The kept rows of (t, y): a sampled trajectory for drawing. */
export function pickRows(
  t: Float64Array,
  y: Float64Array,
  m: number,
  keep: Int32Array,
): { t: Float64Array; y: Float64Array } {
  const tOut = new Float64Array(keep.length);
  const yOut = new Float64Array(keep.length * m);
  keep.forEach((j, k) => {
    tOut[k] = t[j]!;
    yOut.set(y.subarray(j * m, (j + 1) * m), k * m);
  });
  return { t: tOut, y: yOut };
}

/**
 * The largest miss, over the rows of a fine solution, of the polyline through the kept samples,
 * as a fraction of each variable's range: what adaptiveRows bounds by its tolerance.
 */
export function polylineMiss(
  fine: { t: Float64Array; y: Float64Array },
  kept: { t: Float64Array; y: Float64Array },
  m: number,
): number {
  let worst = 0;
  for (let i = 0; i < m; i++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < fine.t.length; j++) {
      lo = Math.min(lo, fine.y[j * m + i]!);
      hi = Math.max(hi, fine.y[j * m + i]!);
    }
    if (!(hi > lo)) continue;
    let k = 0;
    for (let j = 0; j < fine.t.length; j++) {
      const t = fine.t[j]!;
      while (k + 1 < kept.t.length - 1 && kept.t[k + 1]! <= t) k++;
      const [ta, tb] = [kept.t[k]!, kept.t[k + 1] ?? kept.t[k]!];
      const f = tb > ta ? (t - ta) / (tb - ta) : 0;
      const line = kept.y[k * m + i]! * (1 - f) + (kept.y[(k + 1) * m + i] ?? 0) * f;
      worst = Math.max(worst, Math.abs(fine.y[j * m + i]! - line) / (hi - lo));
    }
  }
  return worst;
}
