/**
 * The trajectories chart's hover: a rule at the nearest ODE sample and a box with each visible
 * series' ODE value and the SGD mean at that same time, each labelled; a click sets the cursor.
 */
import * as d3 from 'd3';

import { layer } from '../../charts/frame';
import { nearestIndex, valueAt } from '../../charts/options';
import { formatSeries } from '../../format';
import type { Line, SgdOverlay, TrajectoryFrame } from './chart';

/** Hover: a rule and the values at the nearest ODE sample (and the SGD sample, if any). */
export function hoverMark(f: TrajectoryFrame): void {
  const { svg, x, data, o, extras, lines, m } = f;
  const sgd = extras.sgd ?? null;
  const hover = layer(svg, 'hover');
  const overlay = svg
    .selectAll<SVGRectElement, null>('rect.overlay')
    .data([null])
    .join('rect')
    .attr('class', 'overlay')
    .attr('x', o.margin.left)
    .attr('y', o.margin.top)
    .attr('width', Math.max(0, o.width - o.margin.left - o.margin.right))
    .attr('height', Math.max(0, o.height - o.margin.top - o.margin.bottom))
    .attr('fill', 'transparent');
  const hide = () => hover.selectAll('*').remove();
  overlay
    .on('pointerleave', hide)
    .on('pointermove', (event: PointerEvent) => {
      const [px] = d3.pointer(event);
      const t = x.invert(px);
      const j = nearestIndex(data.t, t);
      if (j < 0) return;
      const ts = data.t[j]!;
      const entries = lines.map((s) => ({
        ...s,
        ode: data.y[j * m + s.i]!,
        sim: sgdAt(sgd, s.name, ts),
      }));
      drawTip(f, hover, ts, entries);
    })
    .on('click', (event: PointerEvent) => {
      const [px] = d3.pointer(event);
      extras.onPick?.(Math.min(o.xDomain[1], Math.max(o.xDomain[0], x.invert(px))));
    });
}

/** Wide enough for 'P₁₁  ODE −0.4033 · SGD −0.4033' in the tip's 12 px type. */
const TIP_WIDTH = 236;

type TipEntry = Line & { ode: number; sim: number | null };

/**
 * The SGD mean of one series at time t, interpolated between its samples (the ODE's samples and
 * the SGD's do not coincide); null outside the times the SGD has reached or without the series.
 */
export function sgdAt(sgd: SgdOverlay | null, name: string, t: number): number | null {
  const k = sgd ? sgd.names.indexOf(name) : -1;
  if (!sgd || k < 0 || sgd.t.length === 0) return null;
  const last = sgd.t.length - 1;
  if (t < sgd.t[0]! || t > sgd.t[last]!) return null;
  const v = valueAt({ names: sgd.names, t: sgd.t, y: sgd.mean }, k, t);
  return Number.isFinite(v) ? v : null;
}

/** The hover's rule at ts and its box of values (ODE · SGD per series). */
function drawTip(
  f: TrajectoryFrame,
  hover: d3.Selection<SVGGElement, null, SVGSVGElement, unknown>,
  ts: number,
  entries: TipEntry[],
): void {
  const { x, o } = f;
  hover
    .selectAll<SVGLineElement, number>('line.rule')
    .data([ts])
    .join('line')
    .attr('class', 'rule')
    .attr('x1', x(ts))
    .attr('x2', x(ts))
    .attr('y1', o.margin.top)
    .attr('y2', o.height - o.margin.bottom);
  const boxX = x(ts) + 12 + TIP_WIDTH > o.width ? x(ts) - TIP_WIDTH - 12 : x(ts) + 12;
  const g = hover
    .selectAll<SVGGElement, null>('g.tip')
    .data([null])
    .join('g')
    .attr('class', 'tip')
    .attr('transform', `translate(${boxX},${o.margin.top + 4})`);
  g.selectAll<SVGRectElement, null>('rect')
    .data([null])
    .join('rect')
    .attr('width', TIP_WIDTH)
    .attr('height', 22 + 18 * entries.length);
  g.selectAll<SVGTextElement, null>('text.tip-title')
    .data([null])
    .join('text')
    .attr('class', 'tip-title')
    .attr('x', 8)
    .attr('y', 16)
    .text(`t = ${d3.format('.4~g')(ts)}`);
  g.selectAll<SVGTextElement, (typeof entries)[number]>('text.tip-row')
    .data(entries, (d) => d.name)
    .join('text')
    .attr('class', 'tip-row')
    .attr('x', 8)
    .attr('y', (_, k) => 34 + 18 * k)
    .attr('fill', (d) => d.style.color)
    .text(
      (d) =>
        `${formatSeries(d.name)}  ODE ${d3.format('.4f')(d.ode)}${d.sim === null ? '' : ` · SGD ${d3.format('.4f')(d.sim)}`}`,
    );
}
