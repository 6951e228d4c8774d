/**
 * Trajectories chart: order parameters against t, theory as lines (UI.md: theory is a line,
 * simulation is a dot). A function of (svg, data, options); D3 owns the SVG's content.
 */
import * as d3 from 'd3';

import type { TrajectoryData, TrajectoryOptions } from './options';
import { seriesStyle } from './style';

export function drawTrajectories(
  svgElement: SVGSVGElement,
  data: TrajectoryData,
  o: TrajectoryOptions,
): void {
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

  const axes = svg
    .selectAll<SVGGElement, null>('g.axes')
    .data([null])
    .join('g')
    .attr('class', 'axes');
  axes
    .selectAll<SVGGElement, null>('g.x')
    .data([null])
    .join('g')
    .attr('class', 'x axis')
    .attr('transform', `translate(0,${o.height - o.margin.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(3, Math.floor(o.width / 90))));
  axes
    .selectAll<SVGGElement, null>('g.y')
    .data([null])
    .join('g')
    .attr('class', 'y axis')
    .attr('transform', `translate(${o.margin.left},0)`)
    .call(d3.axisLeft(y).ticks(Math.max(3, Math.floor(o.height / 50))));
  axes
    .selectAll<SVGLineElement, null>('line.zero')
    .data(o.yDomain[0] < 0 && o.yDomain[1] > 0 ? [null] : [])
    .join('line')
    .attr('class', 'zero')
    .attr('x1', o.margin.left)
    .attr('x2', o.width - o.margin.right)
    .attr('y1', y(0))
    .attr('y2', y(0));
  axes
    .selectAll<SVGTextElement, string>('text.xlabel')
    .data([o.xLabel])
    .join('text')
    .attr('class', 'xlabel label')
    .attr('x', (o.margin.left + o.width - o.margin.right) / 2)
    .attr('y', o.height - 10)
    .attr('text-anchor', 'middle')
    .text((d) => d);
  axes
    .selectAll<SVGTextElement, string>('text.ylabel')
    .data([o.yLabel])
    .join('text')
    .attr('class', 'ylabel label')
    .attr(
      'transform',
      `translate(18,${(o.margin.top + o.height - o.margin.bottom) / 2}) rotate(-90)`,
    )
    .attr('text-anchor', 'middle')
    .text((d) => d);

  const m = data.names.length;
  const lines = data.names
    .map((name, i) => ({ name, i, style: seriesStyle(name) }))
    .filter((s) => o.visible.has(s.name));
  const path = (i: number) => {
    const line = d3
      .line<number>()
      .defined((j) => Number.isFinite(data.y[j * m + i]!))
      .x((j) => x(data.t[j]!))
      .y((j) => y(data.y[j * m + i]!));
    return line(d3.range(data.t.length)) ?? '';
  };
  svg
    .selectAll<SVGGElement, null>('g.curves')
    .data([null])
    .join('g')
    .attr('class', 'curves')
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
