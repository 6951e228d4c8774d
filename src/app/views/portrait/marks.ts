/**
 * What the phase portrait draws, computed from the tables and fixed points: the columns of the
 * two axes, the fixed-point marks with their tooltips, and the domains that hold them all.
 */
import type { FieldSlice } from '../../../core/field';
import type { FixedPointsResult } from '../../../workers/protocol';
import { extentOf } from '../../charts/options';
import type { SeriesTable } from '../../exportData';
import type { PortraitFamily, PortraitFixedPoint } from './chart';

/**
 * One series of a table as a column, or its times for 't' (null: no table, or no such series).
 * A table never changes once made, so each column is made once: the portrait asks for the same
 * columns on every redraw (a publish of the dots, a fixed point, the field), and a typed array of
 * a few kB costs Chromium a tenth of a millisecond to allocate (docs/reliability.md).
 */
export function tableColumn(table: SeriesTable | null, name: string): Float64Array | null {
  if (!table) return null;
  let columns = columnCache.get(table);
  if (!columns) columnCache.set(table, (columns = new Map()));
  if (!columns.has(name)) columns.set(name, columnOf(table, name));
  return columns.get(name) ?? null;
}

const columnCache = new WeakMap<SeriesTable, Map<string, Float64Array | null>>();

function columnOf(table: SeriesTable, name: string): Float64Array | null {
  if (name === 't' && !table.names.includes('t')) return Float64Array.from(table.t);
  const i = table.names.indexOf(name);
  if (i < 0) return null;
  const m = table.names.length;
  const column = new Float64Array(table.t.length);
  for (let j = 0; j < column.length; j++) column[j] = table.y[j * m + i]!;
  return column;
}

/** Asks a worker for the vector field on an (x, y) slice through `base`. */
export type FieldRequest = (
  x: string,
  y: string,
  base: number[],
  xRange: [number, number],
  yRange: [number, number],
) => Promise<FieldSlice | null>;

/**
 * The fixed points and families of fixed points on the (x, y) plane, with their tooltips (state,
 * eigenvalues, type); none when the plane's axes are not state variables of the result.
 */
export function fixedPointMarks(
  fixedPoints: FixedPointsResult | null,
  xName: string,
  yName: string,
): { fixed: PortraitFixedPoint[]; families: PortraitFamily[] } {
  const ix = fixedPoints?.names.indexOf(xName) ?? -1;
  const iy = fixedPoints?.names.indexOf(yName) ?? -1;
  const describe = (x: number[], names: string[]) =>
    names.map((n, k) => `${n} = ${x[k]!.toPrecision(4)}`).join(', ');
  const fixed =
    fixedPoints && ix >= 0 && iy >= 0
      ? fixedPoints.points.map((p) => ({
          x: p.x[ix]!,
          y: p.x[iy]!,
          stability: p.stability,
          kind: p.kind,
          info: `${p.type ? `${p.type}: ` : ''}${p.kind}\n${describe(p.x, fixedPoints.names)}\neigenvalues: ${p.eigenvalues
            .map((e) =>
              Math.abs(e.im) > 1e-9
                ? `${e.re.toPrecision(3)} ± ${Math.abs(e.im).toPrecision(3)}i`
                : e.re.toPrecision(3),
            )
            .filter((v, k, all) => all.indexOf(v) === k)
            .join(', ')}`,
        }))
      : [];
  const families =
    fixedPoints && ix >= 0 && iy >= 0
      ? fixedPoints.families.map((f) => ({
          points: f.samples.map((s) => ({
            x: s.x[ix]!,
            y: s.x[iy]!,
            stable: s.stability === 'stable',
          })),
          info: `a ${f.dimension}-dimensional family of fixed points (${f.samples[0]?.type ?? 'marginal direction'}); solid: transversally stable`,
        }))
      : [];
  return { fixed, families };
}

/**
 * The portrait's x and y domains: the ODE and SGD paths, the fixed points and families, and the
 * attraction plane's ranges when regions are shown; unpadded on symlog axes.
 */
export function portraitDomains(
  paths: { x: ArrayLike<number>[]; y: ArrayLike<number>[] },
  marks: { fixed: PortraitFixedPoint[]; families: PortraitFamily[] },
  plane: { xRange: [number, number]; yRange: [number, number] } | null,
  symlog: boolean,
): { x: [number, number]; y: [number, number] } {
  const pad = symlog ? 0 : undefined;
  const x = extentOf(
    [
      ...paths.x,
      marks.fixed.map((f) => f.x),
      marks.families.flatMap((f) => f.points.map((p) => p.x)),
      plane ? plane.xRange : [],
    ],
    pad,
  );
  const y = extentOf(
    [
      ...paths.y,
      marks.fixed.map((f) => f.y),
      marks.families.flatMap((f) => f.points.map((p) => p.y)),
      plane ? plane.yRange : [],
    ],
    pad,
  );
  return { x, y };
}

/** A range widened by a tenth of its span on each side (the vector field reaches past the paths). */
export function padRange(r: [number, number]): [number, number] {
  return [r[0] - 0.1 * (r[1] - r[0]), r[1] + 0.1 * (r[1] - r[0])];
}
