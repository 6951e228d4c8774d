/**
 * One visual language for order parameters (UI.md): colour by feature (Okabe–Ito, colour-blind
 * safe; feature 1 red and feature 2 blue as in the GAN paper's Fig. 1), line style by kind.
 */

/** Okabe–Ito: vermillion, blue, bluish green, reddish purple, orange, sky blue. */
export const FEATURE_COLORS = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
export const NEUTRAL_COLOR = '#333333';

export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray ('' for solid). */
  dash: string;
  width: number;
  /** Off-diagonal and auxiliary series are drawn lighter and hidden by default. */
  primary: boolean;
}

/**
 * Style of a series from its name: a letter (or word) and indices, e.g. P12, q1, S23, z, epsg.
 * Kinds are told apart by dash; the feature index picks the colour.
 */
export function seriesStyle(name: string): SeriesStyle {
  const m = /^([A-Za-z]+?)(\d*)$/.exec(name);
  const kind = m?.[1] ?? name;
  const digits = m?.[2] ?? '';
  const first = digits.length > 0 ? Number(digits[0]) - 1 : -1;
  const diagonal = digits.length === 2 ? digits[0] === digits[1] : true;
  const color =
    first >= 0 ? (FEATURE_COLORS[first % FEATURE_COLORS.length] ?? NEUTRAL_COLOR) : NEUTRAL_COLOR;
  const dashes: Record<string, string> = { P: '', q: '7 4', r: '2 3', S: '9 3 2 3', z: '1 3' };
  const dash = dashes[kind] ?? (digits.length ? '' : '4 2');
  const primary = diagonal && kind !== 'S';
  return { color, dash, width: primary ? 2.5 : 1.5, primary };
}
