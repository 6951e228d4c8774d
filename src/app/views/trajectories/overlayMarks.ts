/**
 * The trajectories' overlay: the same series for other values of one parameter, as thinner
 * curves, their SGD as open dots with ±1 std bars, and a label at the end of each curve.
 */
import * as d3 from 'd3';

import { layer } from '../../charts/frame';
import { LABEL_HEIGHT, spreadLabels } from '../../charts/labels';
import type { OverlayCurve, TrajectoryExtras, TrajectoryFrame } from './chart';

/** The overlay's items: the overlay series for each other parameter value. */
function overlayItemsOf({ extras, lines }: TrajectoryFrame) {
  return (extras.overlay ?? []).flatMap((o, k) =>
    lines
      .filter((s) => s.name === extras.overlaySeries && o.names.includes(s.name))
      .map((s) => ({ key: `${k}-${s.name}`, o, k, i: o.names.indexOf(s.name), style: s.style })),
  );
}

/** The opacity of the k-th overlaid value's curve and dots (later values darker). */
function overlayOpacity(extras: TrajectoryExtras, k: number): number {
  return 0.35 + (0.5 * (k + 1)) / ((extras.overlay?.length ?? 1) + 1);
}

/** Overlay: the same visible series for other parameter values, drawn thinner. */
export function overlayCurvesMark(f: TrajectoryFrame): void {
  const { svg, x, y, extras } = f;
  const overlayItems = overlayItemsOf(f);
  const ovPath = (o: OverlayCurve, i: number) => {
    const mo = o.names.length;
    return (
      d3
        .line<number>()
        .defined((j) => Number.isFinite(o.y[j * mo + i]!))
        .x((j) => x(o.t[j]!))
        .y((j) => y(o.y[j * mo + i]!))(d3.range(o.t.length)) ?? ''
    );
  };
  const ovLayer = layer(svg, 'overlay');
  ovLayer
    .selectAll<SVGPathElement, (typeof overlayItems)[number]>('path.overlay-curve')
    .data(overlayItems, (d) => d.key)
    .join('path')
    .attr('class', 'overlay-curve')
    .attr('fill', 'none')
    .attr('stroke', (d) => d.style.color)
    .attr('stroke-width', 1.4)
    .attr('stroke-opacity', (d) => overlayOpacity(extras, d.k))
    .attr('stroke-dasharray', (d) => d.style.dash)
    .attr('d', (d) => ovPath(d.o, d.i));
}

/** SGD at the overlaid values: open dots with ±1 std bars, in the curve's colour and opacity. */
export function overlayDotsMark(f: TrajectoryFrame): void {
  const { svg, x, y, extras } = f;
  const overlayItems = overlayItemsOf(f);
  const ovLayer = layer(svg, 'overlay');
  const ovDots = overlayItems.flatMap((d) => {
    const s = d.o.sgd;
    const i = s ? s.names.indexOf(extras.overlaySeries ?? '') : -1;
    if (!s || i < 0) return [];
    const ms = s.names.length;
    return Array.from(s.t, (t, j) => ({
      key: `${d.key}-${j}`,
      d,
      t,
      v: s.mean[j * ms + i]!,
      sd: s.std ? s.std[j * ms + i]! : 0,
    })).filter((p) => Number.isFinite(p.v));
  });
  const dotGroups = ovLayer
    .selectAll<SVGGElement, (typeof ovDots)[number]>('g.overlay-dot')
    .data(ovDots, (p) => p.key)
    .join('g')
    .attr('class', 'overlay-dot')
    .attr('stroke', (p) => p.d.style.color)
    .attr('stroke-opacity', (p) => overlayOpacity(extras, p.d.k));
  dotGroups
    .selectAll('line')
    .data((p) => (p.sd > 0 ? [p] : []))
    .join('line')
    .attr('x1', (p) => x(p.t))
    .attr('x2', (p) => x(p.t))
    .attr('y1', (p) => y(p.v - p.sd))
    .attr('y2', (p) => y(p.v + p.sd));
  dotGroups
    .selectAll('circle')
    .data((p) => [p])
    .join('circle')
    .attr('r', 2.6)
    .attr('fill', 'white')
    .attr('stroke-width', 1.3)
    .attr('cx', (p) => x(p.t))
    .attr('cy', (p) => y(p.v));
}

/** Each overlaid value's label at the end of its curve, spread apart so that none overlap. */
export function overlayLabelsMark(f: TrajectoryFrame): void {
  const { svg, y, o } = f;
  const overlayItems = overlayItemsOf(f);
  const ends = overlayItems.map((d) => {
    const mo = d.o.names.length;
    return y(d.o.y[(d.o.t.length - 1) * mo + d.i]!) - 3;
  });
  const at = spreadLabels(ends, LABEL_HEIGHT, [o.margin.top + 10, o.height - o.margin.bottom - 2]);
  const ovLayer = layer(svg, 'overlay');
  ovLayer
    .selectAll<SVGTextElement, (typeof overlayItems)[number]>('text.overlay-label')
    .data(overlayItems, (d) => d.key)
    .join('text')
    .attr('class', 'overlay-label')
    .attr('font-size', 11)
    .attr('fill', (d) => d.style.color)
    // A white halo keeps a label legible where it sits over curves.
    .attr('stroke', 'white')
    .attr('stroke-width', 3)
    .attr('paint-order', 'stroke')
    .attr('x', () => o.width - o.margin.right - 2)
    .attr('text-anchor', 'end')
    .attr('y', (_, k) => at[k]!)
    .text((d) => d.o.label);
}
