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

/** Okabe–Ito's yellow, darkened for contrast on white (its black is NEUTRAL_COLOR). */
const EXTRA_COLORS = ['#B8A000'];
/** Dash patterns for series beyond the palette (solid first), told apart at 2 px on a projector. */
const DASHES = ['', '7 4', '2 3', '9 3 2 3', '1 3', '4 2', '12 3 3 3'];

/**
 * The styles of series drawn together (a legend's set), each (colour, dash) pair used once.
 * Every series first gets its own style (seriesStyle: feature colour, kind dash); primary series
 * claim theirs first, so they keep their colours in every view. A series whose pair is taken (two
 * observables such as ε_g and β, both neutral dashed; an off-diagonal P12 beside P11) keeps its
 * dash and takes an Okabe–Ito colour no series uses yet, else any free colour, else the next dash.
 */
export function seriesStyles(
  names: readonly string[],
  stateNames?: readonly string[],
  kinds?: Readonly<Record<string, SeriesKind>>,
): ReadonlyMap<string, SeriesStyle> {
  // Every redraw asks again with the same series (45 ms over a VAE storm's redraws): the
  // answer depends only on the names, the state's names and the kinds.
  const key = `${names.join('\u0001')}\u0002${stateNames?.join('\u0001') ?? ''}`;
  let byKinds = styleCache.get(kinds ?? NO_KINDS);
  if (!byKinds) styleCache.set(kinds ?? NO_KINDS, (byKinds = new Map()));
  let styles = byKinds.get(key);
  if (!styles) {
    if (byKinds.size >= STYLE_CACHE_SIZE) byKinds.clear();
    byKinds.set(key, (styles = assignStyles(names, stateNames, kinds)));
  }
  return styles;
}

/** Styles kept per kinds table (a model's), for this many series lists at most. */
const STYLE_CACHE_SIZE = 64;
const NO_KINDS: Readonly<Record<string, SeriesKind>> = {};
const styleCache = new WeakMap<
  Readonly<Record<string, SeriesKind>>,
  Map<string, ReadonlyMap<string, SeriesStyle>>
>();

function assignStyles(
  names: readonly string[],
  stateNames?: readonly string[],
  kinds?: Readonly<Record<string, SeriesKind>>,
): Map<string, SeriesStyle> {
  const palette = [...FEATURE_COLORS, NEUTRAL_COLOR, ...EXTRA_COLORS];
  const own = new Map(names.map((n) => [n, seriesStyle(n, stateNames, kinds)] as const));
  const order = [...names].sort(
    (a, b) => Number(own.get(b)!.primary) - Number(own.get(a)!.primary),
  );
  const taken = new Set<string>();
  const usedColors = new Set<string>();
  const key = (color: string, dash: string) => `${color}|${dash}`;
  const out = new Map<string, SeriesStyle>();
  for (const name of order) {
    let style = own.get(name)!;
    if (taken.has(key(style.color, style.dash))) {
      const dashes = [style.dash, ...DASHES.filter((d) => d !== style.dash)];
      const byUse = [
        ...palette.filter((c) => !usedColors.has(c)),
        ...palette.filter((c) => usedColors.has(c)),
      ];
      const free = dashes
        .flatMap((dash) => byUse.map((color) => ({ color, dash })))
        .find((c) => !taken.has(key(c.color, c.dash)));
      if (free) style = { ...style, ...free };
    }
    taken.add(key(style.color, style.dash));
    usedColors.add(style.color);
    out.set(name, style);
  }
  return new Map(names.map((n) => [n, out.get(n)!] as const));
}
