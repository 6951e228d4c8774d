/**
 * Option normalisation for the trajectory chart: pure, tested helpers (docs/architecture.md, habit 8,
 * after Observable Plot's options.js). The renderer only reads normalised options.
 */

export interface TrajectoryOptions {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xLabel: string;
  yLabel: string;
  /** Visible series (by name); the others stay in the legend, greyed. */
  visible: ReadonlySet<string>;
  /** y-domain; computed from the visible data when omitted. */
  yDomain: [number, number];
  xDomain: [number, number];
}

export interface TrajectoryData {
  names: string[];
  t: Float64Array;
  /** Row-major: y[j * names.length + i]. */
  y: Float64Array;
}

/** A padded [min, max] of the visible series, never empty or degenerate. */
export function niceExtent(
  data: TrajectoryData,
  visible: ReadonlySet<string>,
  pad = 0.05,
): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const m = data.names.length;
  data.names.forEach((name, i) => {
    if (!visible.has(name)) return;
    for (let j = 0; j < data.t.length; j++) {
      const v = data.y[j * m + i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  });
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
  if (hi - lo < 1e-9) {
    const c = (hi + lo) / 2;
    return [c - 0.5, c + 0.5];
  }
  const span = hi - lo;
  return [lo - pad * span, hi + pad * span];
}

export function normalizeTrajectoryOptions(
  data: TrajectoryData,
  partial: Partial<TrajectoryOptions> & { width: number; height: number },
): TrajectoryOptions {
  const visible = partial.visible ?? new Set(data.names);
  const tEnd = data.t.length ? data.t[data.t.length - 1]! : 1;
  return {
    width: Math.max(200, partial.width),
    height: Math.max(150, partial.height),
    margin: partial.margin ?? { top: 16, right: 20, bottom: 52, left: 64 },
    xLabel: partial.xLabel ?? 't',
    yLabel: partial.yLabel ?? 'order parameters',
    visible,
    yDomain: partial.yDomain ?? niceExtent(data, visible),
    xDomain: partial.xDomain ?? [data.t[0] ?? 0, tEnd > (data.t[0] ?? 0) ? tEnd : 1],
  };
}

/** Index of the sample nearest to t in an increasing time array (−1 if empty). */
export function nearestIndex(times: Float64Array, t: number): number {
  const n = times.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return Math.abs(times[hi]! - t) < Math.abs(t - times[lo]!) ? hi : lo;
}

/** Linear interpolation of series i of a row-major trajectory at time t (clamped to its span). */
export function valueAt(data: TrajectoryData, i: number, t: number): number {
  const n = data.t.length;
  const m = data.names.length;
  if (n === 0) return Number.NaN;
  if (t <= data.t[0]!) return data.y[i]!;
  if (t >= data.t[n - 1]!) return data.y[(n - 1) * m + i]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (data.t[mid]! <= t) lo = mid;
    else hi = mid;
  }
  const f = (t - data.t[lo]!) / (data.t[hi]! - data.t[lo]!);
  return data.y[lo * m + i]! * (1 - f) + data.y[hi * m + i]! * f;
}

/** Padded [min, max] of several arrays (finite values only); [-1, 1] when there are none. */
export function extentOf(arrays: ArrayLike<number>[], pad = 0.06): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return [-1, 1];
  if (hi - lo < 1e-9) return [lo - 0.5, hi + 0.5];
  const span = hi - lo;
  return [lo - pad * span, hi + pad * span];
}
