/**
 * What a view exports besides pictures: CSV (one row per sample, a `source` column telling
 * ODE from SGD) and JSON. Pure functions, unit-tested.
 */
export interface SeriesTable {
  names: string[];
  t: Float64Array;
  /** Row-major values. */
  y: Float64Array;
  /** Row-major standard deviations (SGD over runs), if any. */
  std?: Float64Array | null;
}

function cell(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '' : String(x);
}

/** CSV with header `source,t,<names…>,<names…>_std`; ODE rows leave the std columns empty. */
export function toCsv(ode: SeriesTable | null, sgd: SeriesTable | null): string {
  const names = ode?.names ?? sgd?.names ?? [];
  const header = ['source', 't', ...names, ...names.map((n) => `${n}_std`)];
  const lines = [header.join(',')];
  const emit = (source: string, table: SeriesTable) => {
    const m = table.names.length;
    const index = names.map((n) => table.names.indexOf(n));
    for (let j = 0; j < table.t.length; j++) {
      const vals = index.map((i) => (i < 0 ? '' : cell(table.y[j * m + i])));
      const stds = index.map((i) => (i < 0 || !table.std ? '' : cell(table.std[j * m + i])));
      lines.push([source, cell(table.t[j]), ...vals, ...stds].join(','));
    }
  };
  if (ode) emit('ode', ode);
  if (sgd) emit('sgd', sgd);
  return lines.join('\n') + '\n';
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$|^-?Infinity$|^NaN$/i;

/**
 * A CSV cell that a spreadsheet will not run as a formula (OWASP's CSV injection advice): text
 * starting with = + - @, a tab or a carriage return gets a leading apostrophe. Numbers, negative
 * ones included, are left as they are so that the columns stay numeric.
 */
export function csvSafeCell(cell: string): string {
  if (PLAIN_NUMBER.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Every cell of a CSV text made safe (csvSafeCell); every CSV download goes through it. */
export function csvSafe(text: string): string {
  return text
    .split('\n')
    .map((line) => line.split(',').map(csvSafeCell).join(','))
    .join('\n');
}

/** Parse toCsv's output back (used by tests and by the e2e round trip). */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const [head = '', ...rest] = text.trim().split('\n');
  return { header: head.split(','), rows: rest.map((l) => l.split(',')) };
}

function seriesObject(table: SeriesTable, values: Float64Array): Record<string, (number | null)[]> {
  const m = table.names.length;
  const out: Record<string, (number | null)[]> = {};
  table.names.forEach((name, i) => {
    out[name] = Array.from({ length: table.t.length }, (_, j) => {
      const v = values[j * m + i]!;
      return Number.isFinite(v) ? v : null;
    });
  });
  return out;
}

export function toJson(
  meta: Record<string, unknown>,
  ode: SeriesTable | null,
  sgd: SeriesTable | null,
): string {
  return JSON.stringify(
    {
      ...meta,
      ode: ode ? { t: Array.from(ode.t), series: seriesObject(ode, ode.y) } : null,
      sgd: sgd
        ? {
            t: Array.from(sgd.t),
            series: seriesObject(sgd, sgd.y),
            std: sgd.std ? seriesObject(sgd, sgd.std) : null,
          }
        : null,
    },
    null,
    1,
  );
}

/** A microscopic snapshot: its time and one √n-scaled column per named coordinate vector. */
export interface SnapshotColumns {
  t: number;
  columns: Record<string, Float64Array>;
}

function presentColumns(snap: SnapshotColumns, names: readonly string[]) {
  const present = names.filter((n) => snap.columns[n] !== undefined);
  return { present, cols: present.map((n) => snap.columns[n]!) };
}

/**
 * The cloud as CSV, one row per coordinate: `i` its index 1..n, `t` the snapshot's time (the
 * same on every row, t = SGD steps / n), then the plotted columns.
 */
export function cloudCsv(snap: SnapshotColumns, names: readonly string[]): string {
  const { present, cols } = presentColumns(snap, names);
  const lines = [['i', 't', ...present].join(',')];
  const n = cols[0]?.length ?? 0;
  for (let i = 0; i < n; i++) lines.push([i + 1, snap.t, ...cols.map((c) => cell(c[i]))].join(','));
  return lines.join('\n') + '\n';
}

/**
 * The cloud as JSON: the snapshot's time, the coordinates by column, and the ODE's order
 * parameters at that time (what the ellipses are drawn from), null before the ODE is done.
 */
export function cloudJson(
  meta: Record<string, unknown>,
  snap: SnapshotColumns,
  names: readonly string[],
  odeAt: Record<string, number> | null,
): string {
  const { present, cols } = presentColumns(snap, names);
  const n = cols[0]?.length ?? 0;
  const coordinates: Record<string, (number | null)[]> = {
    i: Array.from({ length: n }, (_, i) => i + 1),
  };
  present.forEach((name, k) => {
    coordinates[name] = Array.from(cols[k]!, (v) => (Number.isFinite(v) ? v : null));
  });
  return JSON.stringify(
    { ...meta, t: snap.t, coordinates, ode: odeAt ? { t: snap.t, state: odeAt } : null },
    null,
    1,
  );
}
