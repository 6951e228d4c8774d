/**
 * The cloud's colour scale and its key: a third snapshot column (the GAN's √n [U]ᵢ₁) mapped to
 * the RdBu scheme in a few bins, and a vertical bar of those same bins, with ticks and the
 * column's name, in the SVG (so an exported figure carries it as vector marks).
 */
import * as d3 from 'd3';

import { binSchemePosition, COLOR_BINS, COLOR_DOMAIN } from '../../../core/colorBins';
import { type Selection, writeLabel } from '../../charts/frame';

export { COLOR_BINS, COLOR_DOMAIN, colorBin } from '../../../core/colorBins';

/** Room the bar takes at the right of the plot: bar, ticks and the rotated name. */
export const COLOR_BAR_ROOM = 78;

/** The colour of bin b (0 = lowest values, blue; last = highest, red). */
export function binColor(b: number): string {
  return d3.interpolateRdBu(binSchemePosition(b));
}

/**
 * Draws (or, with label null, removes) the bar in the right margin, from margin.top to the
 * bottom of the plot.
 */
export function drawColorBar(
  svg: Selection,
  label: string | null,
  o: {
    width: number;
    height: number;
    margin: { top: number; right: number; bottom: number; left: number };
  },
): void {
  const bar = svg
    .selectAll<SVGGElement, null>('g.color-bar')
    .data(label === null ? [] : [null])
    .join('g')
    .attr('class', 'color-bar');
  if (label === null) return;
  const top = o.margin.top;
  const bottom = o.height - o.margin.bottom;
  const left = o.width - o.margin.right + 14;
  const barWidth = 14;
  const scale = d3.scaleLinear().domain(COLOR_DOMAIN).range([bottom, top]);
  const [lo, hi] = COLOR_DOMAIN;
  const step = (hi - lo) / COLOR_BINS;
  bar
    .selectAll<SVGRectElement, number>('rect.bin')
    .data(d3.range(COLOR_BINS))
    .join('rect')
    .attr('class', 'bin')
    .attr('x', left)
    .attr('width', barWidth)
    .attr('y', (b) => scale(lo + (b + 1) * step))
    // A hair of overlap so that no white seam shows between bins at any zoom.
    .attr('height', (b) => scale(lo + b * step) - scale(lo + (b + 1) * step) + 0.5)
    .attr('fill', (b) => binColor(b));
  bar
    .selectAll<SVGRectElement, null>('rect.outline')
    .data([null])
    .join('rect')
    .attr('class', 'outline')
    .attr('x', left)
    .attr('y', top)
    .attr('width', barWidth)
    .attr('height', Math.max(0, bottom - top))
    .attr('fill', 'none')
    .attr('stroke', '#222');
  bar
    .selectAll<SVGGElement, null>('g.axis')
    .data([null])
    .join('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${left + barWidth},0)`)
    .call(d3.axisRight(scale).tickValues([-2, -1, 0, 1, 2]).tickFormat(d3.format('~g')));
  bar
    .selectAll<SVGTextElement, null>('text.color-label')
    .data([null])
    .join('text')
    .attr('class', 'color-label label')
    .attr('transform', `translate(${left + barWidth + 40},${(top + bottom) / 2}) rotate(90)`)
    .attr('text-anchor', 'middle')
    .each(function () {
      writeLabel(this, label);
    });
}
