import type { SeriesKind } from '../../core/model';

/**
 * One visual language for order parameters (docs/architecture.md, "Visual language"): colour by feature (Okabe–Ito, colour-blind
 * safe; feature 1 red and feature 2 blue), line style by kind.
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
 * Kinds are told apart by the dash the model declares (`kinds`, the trajectories spec's seriesKinds); the
 * feature index picks the colour. Given the model's state
 * names, and when they carry at most one feature index (the VAE at M = M* = 1: m11, d11, Q11, …;
 * the PCA's m, r2), colour goes by kind instead, since one colour for everything would tell
 * nothing apart; series outside the state (observables such as ε_g) then stay neutral.
 */
export function seriesStyle(
  name: string,
  stateNames?: readonly string[],
  kinds?: Readonly<Record<string, SeriesKind>>,
): SeriesStyle {
  const { kind, digits } = parse(name);
  const first = digits.length > 0 ? Number(digits[0]) - 1 : -1;
  const diagonal = digits.length === 2 ? digits[0] === digits[1] : true;
  const byKind = stateNames !== undefined && singleFeature(stateNames);
  const stateKinds = byKind ? [...new Set(stateNames.map((n) => parse(n).kind))] : [];
  const colorIndex = byKind ? (stateNames.includes(name) ? stateKinds.indexOf(kind) : -1) : first;
  const color =
    colorIndex >= 0
      ? (FEATURE_COLORS[colorIndex % FEATURE_COLORS.length] ?? NEUTRAL_COLOR)
      : NEUTRAL_COLOR;
  const dash = byKind
    ? stateNames.includes(name)
      ? ''
      : '4 2'
    : (kinds?.[kind]?.dash ?? (digits.length ? '' : '4 2'));
  const primary = diagonal && kinds?.[kind]?.primary !== false;
  return { color, dash, width: primary ? 2.5 : 1.5, primary };
}

function parse(name: string): { kind: string; digits: string } {
  const m = /^([A-Za-z]+?)(\d*)$/.exec(name);
  return { kind: m?.[1] ?? name, digits: m?.[2] ?? '' };
}

function singleFeature(names: readonly string[]): boolean {
  const firsts = new Set(names.map((n) => parse(n).digits[0]).filter((d) => d !== undefined));
  return firsts.size <= 1;
}
