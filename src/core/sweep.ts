/**
 * Two-parameter sweeps: axis specs, a coarse-to-fine cell order, and the sweep loop itself.
 *
 * A sweep fills an nx×ny grid of cells (one per parameter pair) in `refinementOrder`, so that a
 * phase diagram drawn while it runs shows the whole domain at once and sharpens, instead of
 * growing row by row. Results have one row per y value (the README's CLI section, the `sweep` shape).
 */
import type { AbortSignalLike } from './ode';

/** One swept parameter: its key in the state string and the values it takes. */
export interface SweepAxis {
  param: string;
  values: number[];
}

/** Counts allowed by parseAxisSpec: enough for a picture, few enough to finish. */
export const AXIS_COUNT_MIN = 2;
export const AXIS_COUNT_MAX = 400;

/** n evenly spaced values from a to b inclusive (exact end points); [a] when n = 1. */
export function linspace(a: number, b: number, n: number): number[] {
  const count = Math.floor(n);
  if (!(count >= 1)) throw new RangeError(`linspace needs at least 1 value; got ${n}`);
  if (count === 1) return [a];
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(a + ((b - a) * k) / (count - 1));
  out[count - 1] = b;
  return out;
}

const SPEC = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([^:=]+):([^:=]+):([^:=]+)\s*$/;

/**
 * Parse an axis spec 'name=from:to:count', e.g. 'tau=0.05:1:40' → 40 evenly spaced values of
 * tau from 0.05 to 1 inclusive. from and to are finite numbers and differ (either order);
 * count is a whole number in [2, 400]. `flag` names the input in error messages (e.g. '--x').
 * Throws a RangeError whose message says what to type instead.
 */
export function parseAxisSpec(spec: string, flag = 'an axis'): SweepAxis {
  const m = SPEC.exec(spec);
  if (!m) {
    throw new RangeError(
      `${flag} must look like name=from:to:count (e.g. tau=0.05:1:40); got '${spec}'`,
    );
  }
  const [, param, fromText, toText, countText] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const from = Number(fromText.trim());
  const to = Number(toText.trim());
  for (const [what, text, value] of [
    ['from', fromText, from],
    ['to', toText, to],
  ] as const) {
    if (text.trim() === '' || !Number.isFinite(value)) {
      throw new RangeError(`${flag}: '${what}' must be a finite number; got '${text.trim()}'`);
    }
  }
  if (from === to) {
    throw new RangeError(`${flag}: from and to must differ to sweep ${param}; both are ${from}`);
  }
  const count = Number(countText.trim());
  if (!Number.isInteger(count) || count < AXIS_COUNT_MIN || count > AXIS_COUNT_MAX) {
    throw new RangeError(
      `${flag}: count must be a whole number from ${AXIS_COUNT_MIN} to ${AXIS_COUNT_MAX}; got '${countText.trim()}'`,
    );
  }
  return { param, values: linspace(from, to, count) };
}

/**
 * Every cell index j·nx + i of an nx×ny grid exactly once, coarse to fine. Level k = 1, 2, …
 * picks the cells nearest the centres of a 2^k × 2^k partition of the domain, i.e.
 * i = ⌊(2a + 1)·nx / 2^(k+1)⌋ for a < 2^k (likewise j), and adds those not yet listed, row by
 * row. Level 1 is one cell per quadrant; once 2^k ≥ max(nx, ny) every cell has been listed
 * (the centres are at most one cell apart), so the order is a permutation.
 */
export function refinementOrder(nx: number, ny: number): number[] {
  if (!Number.isInteger(nx) || !Number.isInteger(ny) || nx < 1 || ny < 1) {
    throw new RangeError(`a sweep grid needs whole numbers of cells ≥ 1; got ${nx}×${ny}`);
  }
  const seen = new Uint8Array(nx * ny);
  const order: number[] = [];
  const centres = (n: number, parts: number): number[] => {
    const out: number[] = [];
    for (let a = 0; a < parts; a++) {
      const c = Math.floor(((2 * a + 1) * n) / (2 * parts));
      if (out[out.length - 1] !== c) out.push(c);
    }
    return out;
  };
  for (let parts = 2; ; parts *= 2) {
    const is = centres(nx, parts);
    const js = centres(ny, parts);
    for (const j of js) {
      for (const i of is) {
        const idx = j * nx + i;
        if (seen[idx]) continue;
        seen[idx] = 1;
        order.push(idx);
      }
    }
    if (parts >= Math.max(nx, ny)) break;
  }
  return order;
}

export interface SweepOptions<T> {
  /** Cell order as indices j·nx + i (default refinementOrder(nx, ny)); each at most once. */
  order?: number[];
  /** Checked before each cell; an aborted sweep returns with the remaining cells null. */
  signal?: AbortSignalLike;
  /** Called after each cell with its column i (x index), row j (y index) and value. */
  onCell?: (i: number, j: number, value: T) => void;
}

/**
 * Evaluate `cell(x.values[i], y.values[j], i, j)` on every cell of the grid, in `order`.
 * Returns rows[j][i]: one row per y value, null where the sweep stopped before the cell.
 */
export function sweep2d<T>(
  x: SweepAxis,
  y: SweepAxis,
  cell: (xv: number, yv: number, i: number, j: number) => T,
  options: SweepOptions<T> = {},
): (T | null)[][] {
  const nx = x.values.length;
  const ny = y.values.length;
  const rows: (T | null)[][] = Array.from({ length: ny }, () =>
    Array.from({ length: nx }, () => null),
  );
  if (nx === 0 || ny === 0) return rows;
  const order = options.order ?? refinementOrder(nx, ny);
  const done = new Uint8Array(nx * ny);
  for (const idx of order) {
    if (!Number.isInteger(idx) || idx < 0 || idx >= nx * ny || done[idx]) {
      throw new RangeError(
        `the sweep order must list cell indices 0..${nx * ny - 1} at most once; got ${idx}`,
      );
    }
    done[idx] = 1;
    if (options.signal?.aborted) break;
    const i = idx % nx;
    const j = (idx - i) / nx;
    const value = cell(x.values[i]!, y.values[j]!, i, j);
    rows[j]![i] = value;
    options.onCell?.(i, j, value);
  }
  return rows;
}
