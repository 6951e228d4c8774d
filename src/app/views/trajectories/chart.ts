/**
 * Trajectories chart: order parameters against t. Theory is a line (ODE), simulation is a dot
 * (SGD mean) with a ±1 std band over runs (docs/architecture.md, "Visual language"). A function of (svg, data, options); D3 owns
 * the SVG's content. Hover shows the values at t; the time cursor is a vertical rule.
 */
import * as d3 from 'd3';

import type { SeriesKind } from '../../../core/model';
import { drawAxes, layer, type Selection } from '../../charts/frame';
import type { TrajectoryData, TrajectoryOptions } from '../../charts/options';
import { SharedXPaths } from '../../charts/polyline';
import { type SeriesStyle, seriesStyles } from '../../charts/style';
import { hoverMark } from './hover';
import { overlayCurvesMark, overlayDotsMark, overlayLabelsMark } from './overlayMarks';
import { type PinnedLayer, pinsMark } from './pinMarks';
import { revealMark } from './playMarks';

export interface SgdOverlay {
  names: string[];
  t: Float64Array;
  mean: Float64Array;
  std: Float64Array | null;
}

export interface OverlayCurve {
  label: string;
  names: string[];
  t: Float64Array;
  y: Float64Array;
  /** The SGD at this value (mean ± std over runs), drawn as dots with error bars. */
  sgd?: SgdOverlay | null;
}

export interface TrajectoryExtras {
  /** ODE curves for other values of one parameter, drawn thinner, labelled at their end. */
  overlay?: OverlayCurve[];
  /** The one series the overlay draws. */
  overlaySeries?: string;
  sgd?: SgdOverlay | null;
  /** The ODE from a run's exit state (the trajectories ViewSpec's alignment), dashed, from its start time on. */
  aligned?: { names: string[]; t: Float64Array; y: Float64Array; label: string } | null;
  /** The model's state names: with one feature only, colours go by kind (style.ts). */
  stateNames?: readonly string[];
  /** The model's line styles by kind of series (the trajectories spec's seriesKinds). */
  seriesKinds?: Readonly<Record<string, SeriesKind>>;
  /** Time of the shared cursor (null: none). */
  cursor?: number | null;
  /** While playing: curves and dots are drawn up to this time (null: all). */
  reveal?: number | null;
  /** Pinned states as ghost layers, each with its label. */
  pins?: PinnedLayer[];
  /** Called with the time under the pointer when the user clicks (sets the cursor). */
  onPick?: (t: number) => void;
}

function column(names: string[], y: Float64Array, name: string, rows: number): Float64Array | null {
  const i = names.indexOf(name);
  if (i < 0) return null;
  const m = names.length;
  const out = new Float64Array(rows);
  for (let j = 0; j < rows; j++) out[j] = y[j * m + i]!;
  return out;
}

export type Line = { name: string; i: number; style: SeriesStyle };

/** What every mark of the trajectories chart draws from: scales, data, options and lines. */
export interface TrajectoryFrame {
  svg: Selection;
  x: d3.ScaleLinear<number, number>;
  y: d3.ScaleLinear<number, number>;
  data: TrajectoryData;
  o: TrajectoryOptions;
  extras: TrajectoryExtras;
  /** The visible series, in data order, with their styles. */
  lines: Line[];
  rows: number;
  m: number;
}

/** A mark: one layer of the chart, a pure function of the frame (D3 owns its SVG). */
export type TrajectoryMark = (f: TrajectoryFrame) => void;

/** The SGD's std bands and mean dots, under the curves. */
export function sgdMark(f: TrajectoryFrame): void {
  const { svg, x, y, lines, extras } = f;
  const sgd = extras.sgd ?? null;
  const sgdSeries = sgd
    ? lines
        .map((s) => ({
          ...s,
          mean: column(sgd.names, sgd.mean, s.name, sgd.t.length),
          std: sgd.std ? column(sgd.names, sgd.std, s.name, sgd.t.length) : null,
        }))
        .filter((s) => s.mean !== null)
    : [];
  const bandLayer = layer(svg, 'bands');
  bandLayer
    .selectAll<SVGPathElement, (typeof sgdSeries)[number]>('path.band')
    .data(
      sgdSeries.filter((s) => s.std),
      (d) => d.name,
    )
    .join('path')
    .attr('class', 'band')
    .attr('data-series', (d) => d.name)
    .attr('fill', (d) => d.style.color)
    .attr('fill-opacity', 0.18)
    .attr('stroke', 'none')
    .attr('d', (d) => {
      const area = d3
        .area<number>()
        .x((j) => x(sgd!.t[j]!))
        .y0((j) => y(d.mean![j]! - d.std![j]!))
        .y1((j) => y(d.mean![j]! + d.std![j]!));
      return area(d3.range(sgd!.t.length)) ?? '';
    });
  const dotLayer = layer(svg, 'dots');
  dotLayer
    .selectAll<SVGGElement, (typeof sgdSeries)[number]>('g.dotseries')
    .data(sgdSeries, (d) => d.name)
    .join('g')
    .attr('class', 'dotseries')
    .attr('data-series', (d) => d.name)
    .attr('fill', (d) => d.style.color)
    .selectAll<SVGCircleElement, number>('circle.dot')
    .data((d) =>
      Array.from(d.mean!, (v, j) => [sgd!.t[j]!, v] as const).filter(([, v]) => Number.isFinite(v)),
    )
    .join('circle')
    .attr('class', 'dot')
    .attr('r', 3.2)
    .attr('cx', (d) => x(d[0]))
    .attr('cy', (d) => y(d[1]));
}

/** The ODE curves, one per visible series. */
export function odeMark(f: TrajectoryFrame): void {
  const { svg, x, y, data, lines, m } = f;
  // Every series shares the time grid: its x coordinates are formatted once (charts/polyline.ts).
  const paths = new SharedXPaths(Array.from(data.t, (t) => x(t)));
  const path = (i: number) =>
    paths.path((j) => {
      const v = data.y[j * m + i]!;
      return Number.isFinite(v) ? y(v) : Number.NaN;
    });
  layer(svg, 'curves')
    .selectAll<SVGPathElement, (typeof lines)[number]>('path.curve')
    .data(lines, (d) => d.name)
    .join('path')
    .attr('class', 'curve')
    .attr('data-series', (d) => d.name)
    .attr('fill', 'none')
    .attr('stroke', (d) => d.style.color)
    .attr('stroke-width', (d) => d.style.width)
    .attr('stroke-dasharray', (d) => d.style.dash)
    .attr('stroke-linejoin', 'round')
    .attr('d', (d) => path(d.i));
}

/** The ODE restarted from run 0's exit state (alignment): thin dashes over the same colours. */
export function alignedMark(f: TrajectoryFrame): void {
  const { svg, x, y, o, extras, lines } = f;
  const aligned = extras.aligned ?? null;
  const alignedItems = aligned
    ? lines
        .filter((s) => aligned.names.includes(s.name))
        .map((s) => ({ ...s, j: aligned.names.indexOf(s.name) }))
    : [];
  const alignedPath = (j: number) => {
    const ma = aligned!.names.length;
    return (
      d3
        .line<number>()
        .defined((k) => Number.isFinite(aligned!.y[k * ma + j]!))
        .x((k) => x(aligned!.t[k]!))
        .y((k) => y(aligned!.y[k * ma + j]!))(d3.range(aligned!.t.length)) ?? ''
    );
  };
  const alignedLayer = layer(svg, 'aligned');
  alignedLayer
    .selectAll<SVGPathElement, (typeof alignedItems)[number]>('path.aligned-curve')
    .data(alignedItems, (d) => d.name)
    .join('path')
    .attr('class', 'aligned-curve')
    .attr('data-series', (d) => d.name)
    .attr('fill', 'none')
    .attr('stroke', (d) => d.style.color)
    .attr('stroke-width', 1.6)
    .attr('stroke-dasharray', '6 3')
    .attr('d', (d) => alignedPath(d.j));
  alignedLayer
    .selectAll<SVGTextElement, string>('text.aligned-label')
    .data(aligned && alignedItems.length ? [aligned.label] : [])
    .join('text')
    .attr('class', 'aligned-label')
    .attr('font-size', 11)
    .attr('x', x(aligned?.t[0] ?? 0) + 4)
    .attr('y', o.margin.top + 12)
    .text((d) => d);
}

/** The shared time cursor. */
export function cursorMark(f: TrajectoryFrame): void {
  const { svg, x, o, extras } = f;
  const cursor = extras.cursor ?? null;
  layer(svg, 'cursor')
    .selectAll<SVGLineElement, number>('line.cursor')
    .data(cursor === null ? [] : [cursor])
    .join('line')
    .attr('class', 'cursor')
    .attr('x1', (t) => x(t))
    .attr('x2', (t) => x(t))
    .attr('y1', o.margin.top)
    .attr('y2', o.height - o.margin.bottom);
}

/** The chart, as its marks in drawing order (later marks on top). */
export const TRAJECTORY_MARKS: readonly TrajectoryMark[] = [
  pinsMark,
  sgdMark,
  odeMark,
  alignedMark,
  overlayCurvesMark,
  overlayDotsMark,
  overlayLabelsMark,
  revealMark,
  cursorMark,
  hoverMark,
];

/** Draw the trajectories: the frame (scales and axes), then every mark. */
export function drawTrajectories(
  svgElement: SVGSVGElement,
  data: TrajectoryData,
  o: TrajectoryOptions,
  extras: TrajectoryExtras = {},
): TrajectoryFrame {
  const svg = d3.select(svgElement);
  svg.attr('viewBox', `0 0 ${o.width} ${o.height}`).attr('width', o.width).attr('height', o.height);
  const x = d3
    .scaleLinear()
    .domain(o.xDomain)
    .range([o.margin.left, o.width - o.margin.right]);
  const y = d3
    .scaleLinear()
    .domain(o.yDomain)
    .nice()
    .range([o.height - o.margin.bottom, o.margin.top]);
  drawAxes(svg, x, y, o);
  const styles = seriesStyles(data.names, extras.stateNames, extras.seriesKinds);
  const lines = data.names
    .map((name, i) => ({ name, i, style: styles.get(name)! }))
    .filter((s) => o.visible.has(s.name));
  const frame = { svg, x, y, data, o, extras, lines, rows: data.t.length, m: data.names.length };
  for (const mark of TRAJECTORY_MARKS) mark(frame);
  return frame;
}

/**
 * Move the cursor (and play's reveal) on a drawn chart: only the marks that depend on it, so
 * that play's frames cost a clip and a few attributes, not a redraw (play/followCursor.ts).
 */
export function moveTrajectoryCursor(
  frame: TrajectoryFrame,
  at: { cursor: number | null; reveal: number | null },
): void {
  const f = { ...frame, extras: { ...frame.extras, cursor: at.cursor, reveal: at.reveal } };
  revealMark(f);
  cursorMark(f);
}

/**
 * Redraw only what the SGD changed on a drawn chart (same scales, curves and overlays): its dots
 * and bands, play's reveal of them, and the hover that reads them. An SGD publish used to redraw
 * the whole chart, and the main thread took a core from the workers (sgdController.ts).
 */
export function redrawTrajectorySgd(
  frame: TrajectoryFrame,
  sgd: SgdOverlay | null,
  at: { cursor: number | null; reveal: number | null },
): TrajectoryFrame {
  const f = { ...frame, extras: { ...frame.extras, sgd, cursor: at.cursor, reveal: at.reveal } };
  sgdMark(f);
  revealMark(f);
  hoverMark(f);
  return f;
}
