/**
 * Samples for drawing a trajectory as a polyline. The app drew the ODE from 601 evenly spaced
 * samples, so an oscillation faster than the grid (GAN τ = 1.04, τ̃ = 1.76: a period near 2 at
 * T = 600, three samples a period) showed as a zig-zag. Here the solution is a function of time
 * (the stepper's dense output, core/denseTrajectory.ts), sampled in two stages:
 * 1. `REFINE` times finer than the even base grid; a base interval keeps its fine samples when
 *    the chord between its base samples misses one by more than `tolerance` × the variable's
 *    range (half a pixel of a 500 px chart at the default). Smooth stretches keep the base grid.
 * 2. Every fine interval so kept is bisected while its chord misses the solution at its
 *    midpoint or its quarter points, up to `MAX_BISECTIONS` halvings, so that the polyline
 *    stays within the tolerance between the fine samples too, not only at them.
 */

/** Fine samples per base interval. */
export const REFINE = 8;
/** The largest chord error kept, as a fraction of each variable's range. */
export const CHORD_TOLERANCE = 1e-3;
/** Halvings of a fine interval at most (a fine interval ends at most 2⁶ = 64 times finer). */
export const MAX_BISECTIONS = 6;

/** The solution's rows (m columns each, row-major) at the given times. */
export type Sampler = (times: Float64Array) => Float64Array;

export interface DrawingOptions {
  refine?: number;
  tolerance?: number;
  maxBisections?: number;
  /** Samples returned at most; bisection stops before passing it. */
  maxSamples?: number;
}

/**
 * Samples of `sample` for drawing, from the fine grid `fineTimes` (refinedCount of a base grid,
 * or a prefix of it when the solution stopped early): the rows adaptiveRows keeps, plus the
 * midpoints bisection adds where a kept fine interval's chord misses the solution.
 * Bisection costs three samples of the solution per interval tested.
 */
export function sampleForDrawing(
  sample: Sampler,
  m: number,
  fineTimes: Float64Array,
  {
    refine = REFINE,
    tolerance = CHORD_TOLERANCE,
    maxBisections = MAX_BISECTIONS,
    maxSamples = Number.POSITIVE_INFINITY,
  }: DrawingOptions = {},
): { t: Float64Array; y: Float64Array } {
  const fineY = sample(fineTimes);
  const rows = fineTimes.length;
  const probed = PROBE_MARGIN * tolerance;
  const scale = columnRanges(fineY, m, rows).map((r) => probed * r);
  const keep = adaptiveRows(fineY, m, rows, { refine, tolerance: probed });
  // The samples so far, unordered: times, and their rows flat (m numbers each). Plain arrays,
  // not a typed array per row: in Chromium each small typed array cost microseconds, and the
  // rows ran to thousands per call (core/denseTrajectory.ts, DenseStore).
  const times: number[] = [];
  const values: number[] = [];
  const add = (t: number, from: Float64Array, row: number): number => {
    times.push(t);
    for (let i = 0; i < m; i++) values.push(from[row * m + i]!);
    return times.length - 1;
  };
  for (const j of keep) add(fineTimes[j]!, fineY, j);
  // The fine intervals kept whole: neighbours one fine row apart (refine > 1).
  let open: number[] = []; // pairs (a, b) of sample indices, flat
  for (let k = 0; k + 1 < keep.length; k++) {
    if (refine > 1 && keep[k + 1]! - keep[k]! === 1) open.push(k, k + 1);
  }
  for (let depth = 0; depth < maxBisections && open.length > 0; depth++) {
    const intervals = Math.min(open.length / 2, Math.max(0, maxSamples - times.length));
    // Each interval is tested at its quarter points as well as its midpoint: a chord across an
    // inflection passes through the midpoint while missing the curve on both sides of it.
    const probes = new Float64Array(3 * intervals);
    for (let k = 0; k < intervals; k++) {
      const ta = times[open[2 * k]!]!;
      const tb = times[open[2 * k + 1]!]!;
      for (let q = 0; q < 3; q++) probes[3 * k + q] = ta + QUARTERS[q]! * (tb - ta);
    }
    const probeY = sample(probes);
    const next: number[] = [];
    for (let k = 0; k < intervals; k++) {
      const a = open[2 * k]!;
      const b = open[2 * k + 1]!;
      let misses = false;
      for (let q = 0; q < 3 && !misses; q++)
        misses = missesChord(values, a * m, b * m, probeY, (3 * k + q) * m, m, QUARTERS[q]!, scale);
      if (!misses) continue;
      const c = add(probes[3 * k + 1]!, probeY, 3 * k + 1);
      next.push(a, c, c, b);
    }
    open = next;
  }
  const order = Int32Array.from(times.keys()).sort((a, b) => times[a]! - times[b]!);
  const y = new Float64Array(order.length * m);
  const t = new Float64Array(order.length);
  order.forEach((k, j) => {
    t[j] = times[k]!;
    for (let i = 0; i < m; i++) y[j * m + i] = values[k * m + i]!;
  });
  return { t, y };
}

/**
 * The probes hold the chord to this fraction of the tolerance: they sample an interval at a few
 * points, and where the curve is not close to a parabola its largest departure from the chord
 * lies between them, a little above what they see (a chirp sin t² passed its probes at 1.0016×
 * the tolerance without the margin; src/core/adaptiveSamples.test.ts).
 */
const PROBE_MARGIN = 0.9;

/** Where an interval is probed, as fractions of it; the middle one is where it is split. */
const QUARTERS = [0.25, 0.5, 0.75] as const;

/**
 * Whether the row of `probe` at `p`, at fraction f of the way from the row of `values` at `a` to
 * the one at `b` (m numbers each), lies farther than `scale` from their chord.
 */
function missesChord(
  values: number[],
  a: number,
  b: number,
  probe: Float64Array,
  p: number,
  m: number,
  f: number,
  scale: number[],
): boolean {
  for (let i = 0; i < m; i++) {
    const miss = Math.abs(probe[p + i]! - (values[a + i]! * (1 - f) + values[b + i]! * f));
    if (miss > scale[i]! && Number.isFinite(miss)) return true;
  }
  return false;
}

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
