/**
 * A 1-D right-hand side against the state (the contrastive model's Fig. 2(b): h(Q)): a line,
 * the zero rule, the zeros as fixed points (filled = stable, hollow = unstable, as everywhere),
 * and the run's start (□) and end (★) on the curve. A function of (svg, data, options).
 */
import * as d3 from 'd3';

import { drawAxes, type FrameOptions, layer } from '../../charts/frame';
import { extentOf } from '../../charts/options';

export interface RateData {
  x: Float64Array;
  y: Float64Array;
  zeros: { x: number; stable: boolean }[];
  /** Start and end of the ODE run, on the x axis (null: none). */
  start: number | null;
  end: number | null;
  color: string;
}

type Scale = d3.ScaleLinear<number, number>;

/** What every mark of the rate chart draws from. */
interface RateFrame {
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  x: Scale;
  y: Scale;
  data: RateData;
  o: FrameOptions;
}

/** The zero rule always (drawAxes draws it only when 0 is strictly inside). */
function zeroRule({ svg, y, o }: RateFrame): void {
  layer(svg, 'rate-zero')
    .selectAll<SVGLineElement, null>('line')
    .data([null])
    .join('line')
    .attr('class', 'zero')
    .attr('x1', o.margin.left)
    .attr('x2', o.width - o.margin.right)
    .attr('y1', y(0))
    .attr('y2', y(0));
}

/** h at v by linear interpolation on the sampled curve. */
function rateAt(data: RateData, v: number): number {
  const k = Math.max(0, Math.min(data.x.length - 2, d3.bisectLeft(Array.from(data.x), v) - 1));
  const x0 = data.x[k]!;
  const x1 = data.x[k + 1]!;
  return data.y[k]! + ((data.y[k + 1]! - data.y[k]!) * (v - x0)) / (x1 - x0 || 1);
}

/** The curve h(x). */
function rateCurve({ svg, x, y, data }: RateFrame): void {
  layer(svg, 'rate-curve')
    .selectAll<SVGPathElement, null>('path')
    .data([null])
    .join('path')
    .attr('class', 'curve')
    .attr('fill', 'none')
    .attr('stroke', data.color)
    .attr('stroke-width', 2.5)
    .attr(
      'd',
      d3
        .line<number>()
        .defined((j) => Number.isFinite(data.y[j]!))
        .x((j) => x(data.x[j]!))
        .y((j) => y(data.y[j]!))(d3.range(data.x.length)) ?? '',
    );
}

/** The start (square) and the end (star) of the ODE, on the curve. */
function endsMark({ svg, x, y, data }: RateFrame): void {
  const marks = [
    ...(data.start === null ? [] : [{ kind: 'start', v: data.start }]),
    ...(data.end === null ? [] : [{ kind: 'end', v: data.end }]),
  ].filter((m) => m.v >= x.domain()[0]! && m.v <= x.domain()[1]!);
  layer(svg, 'rate-marks')
    .selectAll<SVGPathElement, (typeof marks)[number]>('path')
    .data(marks)
    .join('path')
    .attr('class', (m) => `mark ${m.kind}`)
    .attr(
      'd',
      (m) =>
        d3.symbol(
          m.kind === 'start' ? d3.symbolSquare : d3.symbolStar,
          m.kind === 'start' ? 70 : 150,
        )() ?? '',
    )
    .attr('transform', (m) => `translate(${x(m.v)},${y(rateAt(data, m.v))})`)
    .attr('fill', (m) => (m.kind === 'start' ? 'white' : data.color))
    .attr('stroke', '#111')
    .attr('stroke-width', 1.3);
}

/** The zeros of h: the fixed points, filled when stable. */
function zerosMark({ svg, x, y, data }: RateFrame): void {
  layer(svg, 'rate-zeros')
    .selectAll<SVGCircleElement, RateData['zeros'][number]>('circle')
    .data(data.zeros)
    .join('circle')
    .attr('class', (z) => `fixed-point ${z.stable ? 'stable' : 'unstable'}`)
    .attr('r', 6)
    .attr('cx', (z) => x(z.x))
    .attr('cy', y(0))
    .attr('fill', (z) => (z.stable ? '#0072B2' : 'white'))
    .attr('stroke', '#0072B2')
    .attr('stroke-width', 2)
    .selectAll('title')
    .data((z) => [z])
    .join('title')
    .text((z) => `${z.stable ? 'stable' : 'unstable'} fixed point at ${z.x.toPrecision(4)}`);
}

/** Draw the rate chart: scales, axes, then the marks. */
export function drawRate(svgElement: SVGSVGElement, data: RateData, o: FrameOptions): void {
  const svg = d3.select(svgElement);
  svg.attr('viewBox', `0 0 ${o.width} ${o.height}`).attr('width', o.width).attr('height', o.height);
  const x = d3
    .scaleLinear()
    .domain(extentOf([data.x], 0))
    .range([o.margin.left, o.width - o.margin.right]);
  const y = d3
    .scaleLinear()
    .domain(extentOf([data.y, [0]], 0.08))
    .nice()
    .range([o.height - o.margin.bottom, o.margin.top]);
  drawAxes(svg, x, y, o);
  const frame: RateFrame = { svg, x, y, data, o };
  for (const mark of [zeroRule, rateCurve, endsMark, zerosMark]) mark(frame);
}
