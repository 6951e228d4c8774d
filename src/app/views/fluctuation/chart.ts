/**
 * The fluctuation view's two charts (the PCA's diffusive limit, Prop. 3.3):
 * - paths: scale·series of every run against t, thin and translucent, over the law's mean and
 *   its ±1σ/±2σ bands, with the histogram time as a cursor;
 * - histogram: the runs' values at that time, as counts, beside the law's Gaussian scaled to
 *   the same area.
 * Functions of (svg, data, options); D3 owns the SVG's content.
 */
import * as d3 from 'd3';

import {
  drawAxes,
  type FrameOptions,
  layer,
  pickArea,
  withLeftMarginFor,
  yTickCount,
  yTickLabels,
} from '../../charts/frame';
import { extentOf } from '../../charts/options';

const LAW_COLOR = '#0072B2';
const RUN_COLOR = '#D55E00';

export interface FluctuationPaths {
  t: Float64Array;
  /** One array per run (NaN where not reached yet). */
  runs: Float64Array[];
  /** The law's mean and sd at each t (null where it has none). */
  law: ({ mean: number; sd: number } | null)[];
  cursor: number;
}

/**
 * The per-run traces' stroke: fainter as runs pile up (6 runs' worth of ink in all), but never
 * under 0.25 opacity and 1.2 px, below which a projector shows nothing.
 */
export function runTraceStyle(runs: number): { width: number; opacity: number } {
  return { width: 1.2, opacity: Math.max(0.25, Math.min(0.6, 6 / Math.max(1, runs))) };
}

export function drawFluctuationPaths(
  svgElement: SVGSVGElement,
  data: FluctuationPaths,
  options: FrameOptions & { onPick?: (t: number) => void },
): void {
  const svg = d3.select(svgElement);
  svg
    .attr('viewBox', `0 0 ${options.width} ${options.height}`)
    .attr('width', options.width)
    .attr('height', options.height);
  const t = Array.from(data.t);
  const band = (k: number) =>
    data.law.map((l) => (l ? [l.mean - k * l.sd, l.mean + k * l.sd] : []));
  const y = d3
    .scaleLinear()
    .domain(extentOf([...data.runs, band(2).flat()], 0.05))
    .nice()
    .range([options.height - options.margin.bottom, options.margin.top]);
  const o = withLeftMarginFor(options, yTickLabels(y, options.height));
  const x = d3
    .scaleLinear()
    .domain([t[0] ?? 0, t.at(-1) ?? 1])
    .range([o.margin.left, o.width - o.margin.right]);
  drawAxes(svg, x, y, o);
  const idx = d3.range(t.length).filter((j) => data.law[j] !== null);
  const area = (k: number) =>
    d3
      .area<number>()
      .x((j) => x(t[j]!))
      .y0((j) => y(data.law[j]!.mean - k * data.law[j]!.sd))
      .y1((j) => y(data.law[j]!.mean + k * data.law[j]!.sd))(idx) ?? '';
  layer(svg, 'law-bands')
    .selectAll<SVGPathElement, number>('path')
    .data([2, 1])
    .join('path')
    .attr('class', (k) => `law-band law-band-${k}`)
    .attr('fill', LAW_COLOR)
    .attr('fill-opacity', (k) => (k === 2 ? 0.12 : 0.2))
    .attr('d', (k) => area(k));
  layer(svg, 'runs')
    .selectAll<SVGPathElement, Float64Array>('path.run')
    .data(data.runs)
    .join('path')
    .attr('class', 'run')
    .attr('fill', 'none')
    .attr('stroke', RUN_COLOR)
    .attr('stroke-width', runTraceStyle(data.runs.length).width)
    .attr('stroke-opacity', runTraceStyle(data.runs.length).opacity)
    .attr(
      'd',
      (r) =>
        d3
          .line<number>()
          .defined((j) => Number.isFinite(r[j]!))
          .x((j) => x(t[j]!))
          .y((j) => y(r[j]!))(d3.range(t.length)) ?? '',
    );
  layer(svg, 'law-mean')
    .selectAll<SVGPathElement, null>('path')
    .data([null])
    .join('path')
    .attr('class', 'curve law-mean')
    .attr('fill', 'none')
    .attr('stroke', LAW_COLOR)
    .attr('stroke-width', 2)
    .attr(
      'd',
      d3
        .line<number>()
        .x((j) => x(t[j]!))
        .y((j) => y(data.law[j]!.mean))(idx) ?? '',
    );
  layer(svg, 'cursor')
    .selectAll<SVGLineElement, number>('line.cursor')
    .data([data.cursor])
    .join('line')
    .attr('class', 'cursor')
    .attr('x1', (c) => x(c))
    .attr('x2', (c) => x(c))
    .attr('y1', o.margin.top)
    .attr('y2', o.height - o.margin.bottom);
  const onPick = o.onPick;
  pickArea(svg, o, onPick ? (px) => onPick(x.invert(px)) : null);
}

export interface Histogram {
  values: number[];
  law: { mean: number; sd: number } | null;
}

/** Freedman–Diaconis bins, at least 6 and at most 40. */
export function histogramBins(values: number[]): number {
  const n = values.length;
  if (n < 2) return 6;
  const sorted = [...values].sort((a, b) => a - b);
  const iqr = (d3.quantileSorted(sorted, 0.75) ?? 0) - (d3.quantileSorted(sorted, 0.25) ?? 0);
  const width = (2 * iqr) / Math.cbrt(n);
  const span = sorted[n - 1]! - sorted[0]!;
  return Math.max(6, Math.min(40, width > 0 ? Math.ceil(span / width) : 6));
}

/**
 * Bins of one width whose edges are round numbers, and the axis domain on the outer edges, so
 * that no end bin is a narrow sliver cut off by the axis (a nice domain of [−25, 25] with
 * thresholds every 10 left two half-width bins at the ends).
 */
export function histogramGrid(
  [lo, hi]: [number, number],
  count: number,
): { domain: [number, number]; thresholds: number[] } {
  const step = d3.tickStep(lo, hi, Math.max(1, count));
  const a = Math.floor(lo / step) * step;
  const b = Math.max(a + step, Math.ceil(hi / step) * step);
  const n = Math.round((b - a) / step);
  const thresholds = d3.range(1, n).map((k) => Number((a + k * step).toPrecision(12)));
  return { domain: [a, b], thresholds };
}

export function drawHistogram(
  svgElement: SVGSVGElement,
  data: Histogram,
  options: FrameOptions,
): void {
  const svg = d3.select(svgElement);
  svg
    .attr('viewBox', `0 0 ${options.width} ${options.height}`)
    .attr('width', options.width)
    .attr('height', options.height);
  const law = data.law;
  const lawSpan = law ? [law.mean - 3.5 * law.sd, law.mean + 3.5 * law.sd] : [];
  const { domain, thresholds } = histogramGrid(
    extentOf([data.values, lawSpan], 0.02),
    histogramBins(data.values),
  );
  // Its range waits for the left margin, which the counts' tick labels set.
  const x = d3.scaleLinear().domain(domain);
  const bins = d3.bin().domain(domain).thresholds(thresholds)(data.values);
  const width = (bins[0]?.x1 ?? 1) - (bins[0]?.x0 ?? 0);
  const gauss = (v: number) =>
    law && law.sd > 0
      ? (data.values.length * width * Math.exp(-0.5 * ((v - law.mean) / law.sd) ** 2)) /
        (law.sd * Math.sqrt(2 * Math.PI))
      : 0;
  const xs = d3
    .range(121)
    .map((k) => x.domain()[0]! + ((x.domain()[1]! - x.domain()[0]!) * k) / 120);
  const peak = Math.max(...bins.map((b) => b.length), ...xs.map(gauss), 1);
  const y = d3
    .scaleLinear()
    .domain([0, peak * 1.08])
    .nice()
    .range([options.height - options.margin.bottom, options.margin.top]);
  // Counts are whole numbers: no 0.6 tick for a handful of runs.
  const yTicks = y.ticks(yTickCount(options.height)).filter(Number.isInteger);
  const o = withLeftMarginFor(options, yTickLabels(y, options.height, yTicks));
  x.range([o.margin.left, o.width - o.margin.right]);
  drawAxes(svg, x, y, { ...o, yTicks });
  layer(svg, 'bars')
    .selectAll<SVGRectElement, d3.Bin<number, number>>('rect.bar')
    .data(bins)
    .join('rect')
    .attr('class', 'bar')
    .attr('x', (b) => x(b.x0!) + 0.5)
    .attr('width', (b) => Math.max(0, x(b.x1!) - x(b.x0!) - 1))
    .attr('y', (b) => y(b.length))
    .attr('height', (b) => y(0) - y(b.length))
    .attr('fill', RUN_COLOR)
    .attr('fill-opacity', 0.55);
  layer(svg, 'gauss')
    .selectAll<SVGPathElement, null>('path')
    .data(law ? [null] : [])
    .join('path')
    .attr('class', 'curve gauss')
    .attr('fill', 'none')
    .attr('stroke', LAW_COLOR)
    .attr('stroke-width', 2)
    .attr(
      'd',
      d3
        .line<number>()
        .x((v) => x(v))
        .y((v) => y(gauss(v)))(xs) ?? '',
    );
}
