/**
 * What every chart shares: named layers under the SVG and the axes with their labels.
 */
import * as d3 from 'd3';

export interface FrameOptions {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xLabel: string;
  yLabel: string;
}

export type Selection = d3.Selection<SVGSVGElement, unknown, null, undefined>;

/** A <g class=name> directly under the svg, created once, in call order. */
export function layer(svg: Selection, name: string) {
  return svg.selectAll<SVGGElement, null>(`g.${name}`).data([null]).join('g').attr('class', name);
}

export function drawAxes(
  svg: Selection,
  x: d3.ScaleContinuousNumeric<number, number>,
  y: d3.ScaleContinuousNumeric<number, number>,
  o: FrameOptions,
): void {
  const axes = layer(svg, 'axes');
  axes
    .selectAll<SVGGElement, null>('g.x')
    .data([null])
    .join('g')
    .attr('class', 'x axis')
    .attr('transform', `translate(0,${o.height - o.margin.bottom})`)
    .call(
      d3.axisBottom(x).ticks(Math.max(3, Math.floor(o.width / 90)), isLog(x) ? '~g' : undefined),
    );
  axes
    .selectAll<SVGGElement, null>('g.y')
    .data([null])
    .join('g')
    .attr('class', 'y axis')
    .attr('transform', `translate(${o.margin.left},0)`)
    .call(
      d3.axisLeft(y).ticks(Math.max(3, Math.floor(o.height / 50)), isLog(y) ? '~g' : undefined),
    );
  const [y0, y1] = y.domain() as [number, number];
  axes
    .selectAll<SVGLineElement, null>('line.zero')
    .data(y0 < 0 && y1 > 0 ? [null] : [])
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
    .attr('y', o.height - 8)
    .attr('text-anchor', 'middle')
    .text((d) => d);
  axes
    .selectAll<SVGTextElement, string>('text.ylabel')
    .data([o.yLabel])
    .join('text')
    .attr('class', 'ylabel label')
    .attr(
      'transform',
      `translate(16,${(o.margin.top + o.height - o.margin.bottom) / 2}) rotate(-90)`,
    )
    .attr('text-anchor', 'middle')
    .text((d) => d);
}

/** Log scales have a base(); their ticks get the short '~g' format (1, 2, 5, 10, …). */
function isLog(scale: d3.ScaleContinuousNumeric<number, number>): boolean {
  return 'base' in scale;
}
