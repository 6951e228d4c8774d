/**
 * The kinds of rows of the app's URL-key table (appKeys.ts): the row type and its context, and
 * the builders the table's rows share (on/off flags, times, clamped integers, name lists and the
 * portrait's axes). Pure, unit-tested in Node with the table.
 */
import { echo } from '../core/echo';
import { type Model, type Notice, portraitAxes } from '../core/model';
import { num, type Params } from '../core/params';

/** What a key's default and validation depend on. */
export interface KeyContext {
  model: Model;
  params: Params;
  /** The state's order parameters (none when the model cannot lay out these parameters). */
  names: string[];
}

export type Report = (level: Notice['level'], message: string) => void;

/** One row of the table: a setting of type V (its full name is the row's name in the table). */
export interface AppKey<V> {
  /** The short key in the URL. */
  url: string;
  default(c: KeyContext): V;
  /** The value of a URL string; report a notice and return undefined to keep the default. */
  parse(raw: string, c: KeyContext, report: Report): V | undefined;
  /** The URL string of a value (null: nothing to write). */
  write(value: V): string | null;
}

/** The rows of a group of settings S: a view folder's `keys.ts` exports one (appKeys.ts). */
export type KeyRows<S> = { [K in keyof S]: AppKey<S[K]> };

/**
 * One of the model's ids (its scans, its fluctuation views): null is the model's first; an id
 * the model lacks is rejected with the list it has.
 */
export function modelIdKey(
  url: string,
  what: string,
  idsOf: (model: Model) => string[],
): AppKey<string | null> {
  return {
    url,
    default: () => null,
    parse(raw, c, report) {
      const ids = idsOf(c.model);
      if (ids.includes(raw)) return raw;
      report(
        'rejected',
        `${url} must name one of this model's ${what} (${ids.join(', ') || 'none'}); got '${echo(raw)}'`,
      );
      return undefined;
    },
    write: (v) => v,
  };
}

/** An on/off setting: '1' or 'true' is on; written only when on. */
export function flagKey(url: string): AppKey<boolean> {
  return {
    url,
    default: () => false,
    parse: (raw) => raw === '1' || raw === 'true',
    write: (v) => (v ? '1' : null),
  };
}

/** A time in [0, T], clamped with a notice; null (the end) when not a number. */
export function timeKey(url: string, what: string): AppKey<number | null> {
  return {
    url,
    default: () => null,
    parse(raw, c, report) {
      const t = Number(raw);
      const T = num(c.params, 'T');
      if (!Number.isFinite(t)) {
        report('rejected', `${what} must be a number; got '${echo(raw)}', using the end`);
        return undefined;
      }
      const clamped = Math.min(T, Math.max(0, t));
      if (clamped !== t)
        report('clamped', `${what} must be in [0, ${T}]; got ${t}, using ${clamped}`);
      return clamped;
    },
    write: (v) => (v === null ? null : String(Number(v.toPrecision(6)))),
  };
}

/** The portrait axis name that plots the time t. */
export const PORTRAIT_TIME = 't';

/**
 * The portrait axes kept when the state changes (fewer features): an axis the new state lacks
 * falls back to its first two names; a one-dimensional state to its one name against t.
 */
export function keptPortraitAxes(
  names: readonly string[],
  axes: { x: string; y: string },
): { x: string; y: string } {
  if (names.length === 1) return { x: PORTRAIT_TIME, y: names[0]! };
  const ok = (a: string) => a === PORTRAIT_TIME || names.includes(a);
  return {
    x: ok(axes.x) ? axes.x : (names[0] ?? axes.x),
    y: ok(axes.y) ? axes.y : (names[1] ?? names[0] ?? axes.y),
  };
}

/**
 * A portrait axis: an order parameter of the state, or the time t (PORTRAIT_TIME); the model's
 * default plane, or its first two. A one-dimensional state (the contrastive model at d₁ = 1) has
 * no plane: its portrait is the state against t, rather than Q₁ against Q₁.
 */
export function portraitAxis(name: 'x' | 'y', k: 0 | 1): AppKey<string> {
  const fallback = (c: KeyContext) => {
    if (c.names.length === 1) return name === 'x' ? PORTRAIT_TIME : c.names[0]!;
    const preferred = portraitAxes(c.model)[name];
    return c.names.includes(preferred) ? preferred : (c.names[k] ?? c.names[0] ?? preferred);
  };
  return {
    url: name,
    default: fallback,
    parse(raw, c, report) {
      if (c.names.includes(raw) || raw === PORTRAIT_TIME) return raw;
      report(
        'rejected',
        `portrait axis ${name}=${echo(raw)} is neither t nor an order parameter of this state (${c.names.join(', ')}); using ${fallback(c)}`,
      );
      return undefined;
    },
    write: (v) => v,
  };
}

/** An integer clamped to [lo, hi] with a notice (a non-number reads as `fallback`). */
export function clampedInteger(
  raw: string,
  [lo, hi]: [number, number],
  fallback: number,
  describe: string,
  report: Report,
): number {
  const r = Number(raw);
  const c = Math.min(hi, Math.max(lo, Math.round(Number.isFinite(r) ? r : fallback)));
  if (c !== r)
    report(
      'clamped',
      `${describe} must be an integer in ${lo}..${hi}; got ${echo(raw)}, using ${c}`,
    );
  return c;
}

/** A comma list of names, written sorted so that one set has one link; empty: absent. */
export function nameListKey(url: string): AppKey<string[]> {
  return {
    url,
    default: () => [],
    parse: (raw) => [...new Set(raw.split(',').filter((name) => name !== ''))].sort(),
    write: (v) => (v.length ? [...v].sort().join(',') : null),
  };
}
