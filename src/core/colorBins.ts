/**
 * The cloud's colour scale, shared by the app's canvas and colour bar and by the CLI's SVG: a
 * third snapshot column (the GAN's √n [U]ᵢ₁) cut into a few bins of one diverging scheme (RdBu).
 * Discrete bins, because each bin is one fill (10⁴ canvas points stay fast) and the key then
 * shows exactly the colours drawn. The scheme itself is the caller's (d3's interpolateRdBu).
 */

/** The colour column's range mapped onto the scheme; values beyond it take the end bins. */
export const COLOR_DOMAIN: readonly [number, number] = [-2.5, 2.5];
export const COLOR_BINS = 12;

/** The bin of a value of the colour column, clamped to [0, COLOR_BINS − 1]. */
export function colorBin(v: number): number {
  const [lo, hi] = COLOR_DOMAIN;
  const f = (v - lo) / (hi - lo);
  return Math.min(COLOR_BINS - 1, Math.max(0, Math.floor(f * COLOR_BINS)));
}

/** Where bin b sits on RdBu's [0, 1] (0 = red): the lowest values blue, the highest red. */
export function binSchemePosition(b: number): number {
  return 1 - b / (COLOR_BINS - 1);
}
