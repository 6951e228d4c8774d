/**
 * End points of many runs on a plane of two order parameters (the GMM's Fig. 6): SGD as filled
 * dots, the ODE from the same starts as open circles, one colour per basin. A function of
 * (svg, data, options); D3 owns the SVG's content.
 */
import * as d3 from 'd3';

import { drawAxes, type FrameOptions, layer } from '../../charts/frame';
import { extentOf } from '../../charts/options';
import { FEATURE_COLORS, NEUTRAL_COLOR } from '../../charts/style';

export interface BasinPoint {
  x: number;
  y: number;
  label: string | null;
  kind: 'sgd' | 'ode';
}

/** One colour per basin label, in order of the labels given; 'not settled' is grey. */
export function basinColor(labels: string[]): (label: string | null) => string {
  const order = labels.filter((l) => l !== 'not settled');
  return (label) => {
    const k = label === null ? -1 : order.indexOf(label);
    return k < 0 ? '#999999' : (FEATURE_COLORS[k % FEATURE_COLORS.length] ?? NEUTRAL_COLOR);
  };
}

export function drawBasins(
  svgElement: SVGSVGElement,
  data: { points: BasinPoint[]; labels: string[] },
  o: FrameOptions,
): void {
  const svg = d3.select(svgElement);
  svg.attr('viewBox', `0 0 ${o.width} ${o.height}`).attr('width', o.width).attr('height', o.height);
  const ok = data.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const x = d3
    .scaleLinear()
    .domain(extentOf([ok.map((p) => p.x)], 0.08))
    .nice()
    .range([o.margin.left, o.width - o.margin.right]);
  const y = d3
    .scaleLinear()
    .domain(extentOf([ok.map((p) => p.y)], 0.08))
    .nice()
    .range([o.height - o.margin.bottom, o.margin.top]);
  drawAxes(svg, x, y, o);
  const color = basinColor(data.labels);
  layer(svg, 'end-points')
    .selectAll<SVGCircleElement, BasinPoint>('circle')
    .data(ok)
    .join('circle')
    .attr('class', (p) => `end-point ${p.kind}`)
    .attr('r', (p) => (p.kind === 'sgd' ? 3 : 5))
    .attr('cx', (p) => x(p.x))
    .attr('cy', (p) => y(p.y))
    .attr('fill', (p) => (p.kind === 'sgd' ? color(p.label) : 'none'))
    .attr('fill-opacity', 0.7)
    .attr('stroke', (p) => color(p.label))
    .attr('stroke-width', (p) => (p.kind === 'sgd' ? 0 : 1.2));
}
