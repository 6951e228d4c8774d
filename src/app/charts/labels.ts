/**
 * Label placement shared by the charts: end labels of overlaid curves and labels of points close
 * together must not print over each other (issue 17, "γγ=γ0.03").
 */

/** The height (px) a label of the charts' 11–12 px type needs, with a pixel of air. */
export const LABEL_HEIGHT = 13;

/**
 * How far (px) to lift each point's label so that labels of points close together (two branch
 * points a pixel apart) do not print over each other: a label moves up in steps of LABEL_HEIGHT
 * until it is clear of every earlier label's box (width `width` px).
 */
export function labelLifts(points: [number, number][], width = 24): number[] {
  const placed: [number, number][] = [];
  return points.map(([x, y]) => {
    let lift = 0;
    while (
      placed.some(
        ([px, py]) => Math.abs(px - x) < width && Math.abs(py - (y - lift)) < LABEL_HEIGHT - 1,
      )
    )
      lift += LABEL_HEIGHT;
    placed.push([x, y - lift]);
    return lift;
  });
}

/**
 * Labels in one column (the end labels of overlaid curves, all at the right edge): positions as
 * close as possible to the wanted ones `ys` (px), at least `gap` apart and inside [lo, hi] when
 * they fit. Returns the positions in the input order. Labels keep their vertical order, so a label
 * stays next to its curve's end; a pass down pushes apart, a pass up pulls back inside hi.
 */
export function spreadLabels(
  ys: readonly number[],
  gap = LABEL_HEIGHT,
  [lo, hi]: [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
): number[] {
  const order = ys
    .map((y, i) => ({ y: Number.isFinite(y) ? y : (lo + hi) / 2, i }))
    .sort((a, b) => a.y - b.y || a.i - b.i);
  const out = order.map((o) => Math.min(hi, Math.max(lo, Number.isFinite(o.y) ? o.y : 0)));
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k]!, out[k - 1]! + gap);
  if (out.length && out[out.length - 1]! > hi) {
    out[out.length - 1] = hi;
    for (let k = out.length - 2; k >= 0; k--) out[k] = Math.min(out[k]!, out[k + 1]! - gap);
  }
  const result = new Array<number>(ys.length);
  order.forEach((o, k) => (result[o.i] = out[k]!));
  return result;
}
