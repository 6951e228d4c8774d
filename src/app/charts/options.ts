/**
 * Option normalisation for the trajectory chart: pure, tested helpers (HOUSE_STYLE 8,
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
