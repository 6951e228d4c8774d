/**
 * A 1-parameter scan: the settled value of one series against a parameter (the VAE's Fig. 2),
 * or a convergence time (its Fig. 3), as a line with dots coloured by phase, the model's marked
 * parameter values as vertical rules and a reference value as a horizontal one.
 */
import * as d3 from 'd3';

import type { PhaseSpec } from '../../../core/model';
import { drawAxes, layer } from '../../charts/frame';
import { labelLifts } from '../../charts/labels';
import { extentOf } from '../../charts/options';

export interface ScanData {
  x: number[];
  y: number[];
  labels: string[];
  phases: PhaseSpec[];
  marks: { label: string; x: number }[];
  current: number | null;
  /** The cursor's label (e.g. 'β = 0.5 now'), so that it is not one more unlabelled dashed line. */
  currentLabel?: string;
  /** A horizontal reference rule (e.g. the convergence time at constant β). */
  reference: { label: string; y: number } | null;
}

export interface ScanOptions {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  logY?: boolean;
}

type Scale = d3.ScaleContinuousNumeric<number, number>;

/** What every mark of the scan draws from. */
export interface ScanFrame {
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  x: Scale;
  y: Scale;
  data: ScanData;
  o: ScanOptions;
  /** The reference measure, when it is a number (drawn as a horizontal rule). */
  ref: NonNullable<ScanData['reference']>[];
  /** The scanned points with their phase labels. */
  pts: { xv: number; yv: number; label: string }[];
}

/**
 * The paper's marked values as vertical rules, their labels stacked one line apart (marks can
 * be close: Theorem 5.4's two thresholds).
 */
/** About the width of a mark's label ('β = ρ + η' at 12 px). */
const MARK_LABEL_WIDTH = 72;

function valueMarks({ svg, x, data, o }: ScanFrame): void {
  const [x0, x1] = x.domain() as [number, number];
  const visibleMarks = data.marks.filter((m) => m.x >= x0 && m.x <= x1);
  const lifts = labelLifts(
    visibleMarks.map((m) => [x(m.x), 0] as [number, number]),
    MARK_LABEL_WIDTH,
  );
  const marks = layer(svg, 'scan-marks')
    .selectAll<SVGGElement, (typeof data.marks)[number]>('g.scan-mark')
    .data(visibleMarks)
    .join('g')
    .attr('class', 'scan-mark');
  marks
    .selectAll('line')
    .data((m) => [m])
    .join('line')
    .attr('x1', (m) => x(m.x))
    .attr('x2', (m) => x(m.x))
    .attr('y1', o.margin.top)
    .attr('y2', o.height - o.margin.bottom)
    .attr('stroke', '#111')
    .attr('stroke-dasharray', '5 3');
  marks
    .selectAll('text')
    .data((m) => [m])
    .join('text')
    .attr('x', (m) => x(m.x) + 4)
    // Labels of marks close together go one under the other; far apart ones share the top line.
    .attr('y', (m) => o.margin.top + 12 + lifts[visibleMarks.indexOf(m)]!)
    .attr('font-size', 12)
    .text((m) => m.label);
}

/** The reference measure (at the spec's changed parameters) as a horizontal rule. */
function referenceMark({ svg, y, o, ref }: ScanFrame): void {
  const refs = layer(svg, 'scan-reference')
    .selectAll<SVGGElement, (typeof ref)[number]>('g.scan-ref')
    .data(ref)
    .join('g')
    .attr('class', 'scan-ref');
  refs
    .selectAll('line')
    .data((r) => [r])
    .join('line')
    .attr('x1', o.margin.left)
    .attr('x2', o.width - o.margin.right)
    .attr('y1', (r) => y(r.y))
    .attr('y2', (r) => y(r.y))
    .attr('stroke', '#0072B2')
    .attr('stroke-dasharray', '2 3');
  refs
    .selectAll('text')
    .data((r) => [r])
    .join('text')
    .attr('x', o.width - o.margin.right - 4)
    .attr('y', (r) => y(r.y) - 4)
    .attr('text-anchor', 'end')
    .attr('font-size', 12)
    .attr('fill', '#0072B2')
    .text((r) => r.label);
}

/** The measure against the scanned parameter: a line, and dots coloured by phase. */
function measureMark({ svg, x, y, data, pts }: ScanFrame): void {
  layer(svg, 'scan-line')
    .selectAll<SVGPathElement, null>('path')
    .data([null])
    .join('path')
    .attr('class', 'curve')
    .attr('fill', 'none')
    .attr('stroke', '#333')
    .attr('stroke-width', 2)
    .attr(
      'd',
      d3
        .line<(typeof pts)[number]>()
        .defined((p) => Number.isFinite(p.yv))
        .x((p) => x(p.xv))
        .y((p) => y(p.yv))(pts) ?? '',
    );
  const color = new Map(data.phases.map((p) => [p.id, p.color]));
  layer(svg, 'scan-dots')
    .selectAll<SVGCircleElement, (typeof pts)[number]>('circle.dot')
    .data(pts.filter((p) => Number.isFinite(p.yv)))
    .join('circle')
    .attr('class', 'dot')
    .attr('r', 3.5)
    .attr('cx', (p) => x(p.xv))
    .attr('cy', (p) => y(p.yv))
    .attr('fill', (p) => color.get(p.label) ?? '#555');
}

/** The current value of the scanned parameter. */
function currentMark({ svg, x, data, o }: ScanFrame): void {
  layer(svg, 'scan-current')
    .selectAll<SVGLineElement, number>('line')
    .data(data.current === null ? [] : [data.current])
    .join('line')
    .attr('class', 'cursor')
    .attr('x1', (c) => x(c))
    .attr('x2', (c) => x(c))
    .attr('y1', o.margin.top)
    .attr('y2', o.height - o.margin.bottom);
  // At the foot of the rule, clear of the paper's marks, whose labels stack from the top.
  layer(svg, 'scan-current')
    .selectAll<SVGTextElement, number>('text.cursor-label')
    .data(data.current === null || !data.currentLabel ? [] : [data.current])
    .join('text')
    .attr('class', 'cursor-label')
    .attr('x', (c) => x(c) + 4)
    .attr('y', o.height - o.margin.bottom - 6)
    .attr('font-size', 12)
    .attr('stroke', 'white')
    .attr('stroke-width', 3)
    .attr('paint-order', 'stroke')
    .text(data.currentLabel ?? '');
}

/** Draw the scan: scales (log where asked and possible), axes, then the marks. */
export function drawScan(svgElement: SVGSVGElement, data: ScanData, o: ScanOptions): void {
  const svg = d3.select(svgElement);
  svg.attr('viewBox', `0 0 ${o.width} ${o.height}`).attr('width', o.width).attr('height', o.height);
  const positive = data.x.filter((v) => v > 0);
  const x = (
    o.logX && positive.length > 1
      ? d3.scaleLog().domain(d3.extent(positive) as [number, number])
      : d3.scaleLinear().domain(extentOf([data.x], 0.02))
  ).range([o.margin.left, o.width - o.margin.right]);
  const ref = data.reference && Number.isFinite(data.reference.y) ? [data.reference] : [];
  const ys = [...data.y, ...ref.map((r) => r.y)].filter((v) => v > 0);
  const y = (
    o.logY && ys.length > 1
      ? d3.scaleLog().domain(d3.extent(ys) as [number, number])
      : d3.scaleLinear().domain(extentOf([data.y, ref.map((r) => r.y)]))
  )
    .nice()
    .range([o.height - o.margin.bottom, o.margin.top]);
  drawAxes(svg, x, y, o);
  const pts = data.x.map((xv, k) => ({ xv, yv: data.y[k]!, label: data.labels[k] ?? '' }));
  const frame: ScanFrame = { svg, x, y, data, o, ref, pts };
  for (const mark of [valueMarks, referenceMark, measureMark, currentMark]) mark(frame);
}
