/**
 * Microscopic point cloud: one point per coordinate i, drawn on a canvas (10⁴ points stay
 * smooth), with axes and the predicted 1σ/2σ/3σ ellipses in an SVG on top.
 */
import * as d3 from 'd3';

import { ellipsePoints } from '../../../core/gaussian2';
import type { Gaussian2 } from '../../../core/model';
import { drawAxes } from '../../charts/frame';
import { binColor, COLOR_BAR_ROOM, COLOR_BINS, colorBin, drawColorBar } from './colorBar';

export interface CloudData {
  x: Float64Array;
  y: Float64Array;
  color?: Float64Array | null;
  /** The colour column's name for the colour bar (drawn whenever `color` is given). */
  colorLabel?: string;
  gaussian?: Gaussian2 | null;
}

export interface CloudOptions {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xLabel: string;
  yLabel: string;
  domain: { x: [number, number]; y: [number, number] };
  pixelRatio: number;
}

export { ellipsePoints } from '../../../core/gaussian2';

/** What drawCloud drew last into each chart SVG: an export redraws it at its own scale. */
const lastDrawn = new WeakMap<SVGSVGElement, { data: CloudData; options: CloudOptions }>();

/** The data and options (the colour bar's margin included) last drawn into `svg`. */
export function lastCloudDraw(svg: SVGSVGElement) {
  return lastDrawn.get(svg);
}

type Scale = d3.ScaleLinear<number, number>;

/** The plot's x and y scales. */
export function plotScales(o: CloudOptions): { x: Scale; y: Scale } {
  return {
    x: d3
      .scaleLinear()
      .domain(o.domain.x)
      .range([o.margin.left, o.width - o.margin.right]),
    y: d3
      .scaleLinear()
      .domain(o.domain.y)
      .range([o.height - o.margin.bottom, o.margin.top]),
  };
}

/**
 * How the points look: their size and opacity (smaller and fainter beyond 5000, so that a dense
 * cloud still shows its density), and their colour bins (colorBar.ts), one fill per bin.
 */
export function pointStyle(data: CloudData) {
  const color = data.color ?? null;
  const n = data.x.length;
  return {
    size: n > 5000 ? 1.4 : 2.2,
    alpha: n > 5000 ? 0.55 : 0.75,
    palette: color ? d3.range(COLOR_BINS).map(binColor) : ['#D55E00'],
    binOf: (i: number) => (color ? colorBin(color[i]!) : 0),
  };
}

export function drawCloud(
  canvas: HTMLCanvasElement,
  svgElement: SVGSVGElement,
  data: CloudData,
  options: CloudOptions,
): void {
  const color = data.color ?? null;
  // A coloured cloud keeps room at the right for its colour bar.
  const o = color
    ? { ...options, margin: { ...options.margin, right: options.margin.right + COLOR_BAR_ROOM } }
    : options;
  const { x, y } = plotScales(o);
  const svg = d3.select(svgElement);
  svg.attr('viewBox', `0 0 ${o.width} ${o.height}`).attr('width', o.width).attr('height', o.height);
  drawAxes(svg, x, y, o);
  drawColorBar(svg, color ? (data.colorLabel ?? 'colour') : null, o);

  drawPoints(canvas, data, o, { x, y });
  lastDrawn.set(svgElement, { data, options: o });

  const g = data.gaussian ?? null;
  const ring = d3
    .line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  svg
    .selectAll<SVGGElement, null>('g.ellipses')
    .data([null])
    .join('g')
    .attr('class', 'ellipses')
    .selectAll<SVGPathElement, number>('path.ellipse')
    .data(g ? [1, 2, 3] : [])
    .join('path')
    .attr('class', 'ellipse')
    .attr('data-sigma', (k) => k)
    .attr('fill', 'none')
    .attr('stroke', '#0072B2')
    .attr('stroke-width', (k) => (k === 1 ? 2.5 : 1.8))
    .attr('d', (k) => ring(ellipsePoints(g!, k)) ?? '');
}

/** The coordinates as points on the canvas, clipped to the plot, in colour bins if coloured. */
export function drawPoints(
  canvas: HTMLCanvasElement,
  data: CloudData,
  o: CloudOptions,
  { x, y }: { x: Scale; y: Scale },
): void {
  // Resizing a canvas reallocates its bitmap: only when the size changed (play redraws per frame).
  const pixelWidth = Math.round(o.width * o.pixelRatio);
  const pixelHeight = Math.round(o.height * o.pixelRatio);
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
    canvas.style.width = `${o.width}px`;
    canvas.style.height = `${o.height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(o.pixelRatio, 0, 0, o.pixelRatio, 0, 0);
  ctx.clearRect(0, 0, o.width, o.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(
    o.margin.left,
    o.margin.top,
    o.width - o.margin.left - o.margin.right,
    o.height - o.margin.top - o.margin.bottom,
  );
  ctx.clip();
  const n = data.x.length;
  const { size: r, alpha, palette, binOf } = pointStyle(data);
  ctx.globalAlpha = alpha;
  // Colour by a third column in bins (colorBar.ts), the same bins as the colour bar.
  for (let b = 0; b < palette.length; b++) {
    ctx.fillStyle = palette[b]!;
    for (let i = 0; i < n; i++) {
      if (palette.length > 1 && binOf(i) !== b) continue;
      ctx.fillRect(x(data.x[i]!) - r / 2, y(data.y[i]!) - r / 2, r, r);
    }
  }
  ctx.restore();
}
