/**
 * The trajectories chart's y range: the ODE's extent, widened so that the shown SGD means and the
 * overlaid curves fit too (an overlay value may send its series far off, m₂ = 0.9 falls to 0).
 */
import { extentOf } from '../../charts/options';

/** A row-major table: y[j * names.length + i] is series i at time j. */
export interface RowTable {
  names: readonly string[];
  t: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** The values of one series of a row-major table ([] when the table has no such series). */
export function seriesColumn(table: RowTable, name: string): number[] {
  const i = table.names.indexOf(name);
  const m = table.names.length;
  return i < 0 ? [] : Array.from({ length: table.t.length }, (_, j) => table.y[j * m + i]!);
}

/**
 * `domain` widened to hold extentOf(columns): every finite value, or [-1, 1] when there is none
 * (as extentOf answers for no data).
 */
export function widenDomain(
  domain: [number, number],
  columns: ArrayLike<number>[],
): [number, number] {
  const [lo, hi] = extentOf(columns, 0);
  return [Math.min(domain[0], lo), Math.max(domain[1], hi)];
}

/** The y domain holding the ODE's range, the visible SGD series and the overlay's series. */
export function trajectoryYDomain(
  odeDomain: [number, number],
  sgd: RowTable | null,
  visible: ReadonlySet<string>,
  overlay: { series: string; tables: RowTable[] } | null,
): [number, number] {
  let domain = odeDomain;
  if (sgd) {
    const shown = sgd.names.filter((n) => visible.has(n));
    domain = widenDomain(
      domain,
      shown.map((n) => seriesColumn(sgd, n)),
    );
  }
  if (overlay && visible.has(overlay.series)) {
    domain = widenDomain(
      domain,
      overlay.tables.map((r) => seriesColumn(r, overlay.series)),
    );
  }
  return domain;
}
