/**
 * Pins on the trajectories: each pinned state's ODE curves (thin, faded, its own dash) and SGD
 * dots (hollow), under the live ones, with the pin's label at the end of its first curve. Theory
 * stays a line and simulation a dot; the series keep their colours.
 */
import * as d3 from 'd3';

import { layer } from '../../charts/frame';
import type { SgdOverlay, TrajectoryFrame } from './chart';
import { seriesColumn, widenDomain } from './domain';

export interface PinnedLayer {
  label: string;
  names: string[];
  t: Float64Array;
  y: Float64Array;
  sgd: SgdOverlay | null;
}

/** One dash per pin (by its place in the list), so that two pins never look alike. */
export const PIN_DASHES = ['7 4', '2 3', '10 3 2 3', '4 2 1 2'] as const;
const PIN_OPACITY = 0.45;

function pinItems({ extras, lines }: TrajectoryFrame) {
  return (extras.pins ?? []).flatMap((p, k) =>
    lines
      .filter((s) => p.names.includes(s.name))
      .map((s) => ({ key: `${k}-${s.name}`, p, k, i: p.names.indexOf(s.name), style: s.style })),
  );
}

/** Every pinned state: its curves, its SGD dots and a key in the top right corner. */
export function pinsMark(f: TrajectoryFrame): void {
  const items = pinItems(f);
  const g = layer(f.svg, 'pins');
  pinCurves(f, g, items);
  pinDots(f, g, items);
  pinKey(f, g);
}

type PinItem = ReturnType<typeof pinItems>[number];
type Layer = ReturnType<typeof layer>;

/** A pin's ODE curves, thin and dashed by pin. */
function pinCurves({ x, y }: TrajectoryFrame, g: Layer, items: PinItem[]): void {
  const path = (p: PinnedLayer, i: number) => {
    const m = p.names.length;
    return (
      d3
        .line<number>()
        .defined((j) => Number.isFinite(p.y[j * m + i]!))
        .x((j) => x(p.t[j]!))
        .y((j) => y(p.y[j * m + i]!))(d3.range(p.t.length)) ?? ''
    );
  };
  g.selectAll<SVGPathElement, PinItem>('path.pin-curve')
    .data(items, (d) => d.key)
    .join('path')
    .attr('class', 'pin-curve')
    .attr('data-pin', (d) => d.k)
    .attr('fill', 'none')
    .attr('stroke', (d) => d.style.color)
    .attr('stroke-width', 1.8)
    .attr('stroke-opacity', PIN_OPACITY)
    .attr('stroke-dasharray', (d) => PIN_DASHES[d.k % PIN_DASHES.length]!)
    .attr('d', (d) => path(d.p, d.i));
}

/** A pin's SGD means as open dots. */
function pinDots({ x, y }: TrajectoryFrame, g: Layer, items: PinItem[]): void {
  const dots = items.flatMap((d) => {
    const s = d.p.sgd;
    const i = s ? s.names.indexOf(d.p.names[d.i]!) : -1;
    if (!s || i < 0) return [];
    const ms = s.names.length;
    return Array.from(s.t, (t, j) => ({
      key: `${d.key}-${j}`,
      d,
      t,
      v: s.mean[j * ms + i]!,
    })).filter((p) => Number.isFinite(p.v));
  });
  g.selectAll<SVGGElement, (typeof dots)[number]>('g.pin-dot')
    .data(dots, (p) => p.key)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'pin-dot');
      e.append('circle');
      return e;
    })
    .attr('data-pin', (p) => p.d.k)
    .select('circle')
    .attr('r', 2.8)
    .attr('fill', 'white')
    .attr('stroke', (p) => p.d.style.color)
    .attr('stroke-opacity', PIN_OPACITY + 0.2)
    .attr('stroke-width', 1.3)
    .attr('cx', (p) => x(p.t))
    .attr('cy', (p) => y(p.v));
}

/** The key in the top right corner: each pin's dash and label, stacked, on a white backing. */
function pinKey(f: TrajectoryFrame, g: Layer): void {
  const { o } = f;
  const keys = (f.extras.pins ?? []).map((p, k) => ({ k, label: `pin ${k + 1}: ${p.label}` }));
  const right = o.width - o.margin.right - 6;
  const rows = g
    .selectAll<SVGGElement, (typeof keys)[number]>('g.pin-key')
    .data(keys, (d) => String(d.k))
    .join((enter) => {
      const e = enter.append('g').attr('class', 'pin-key');
      e.append('rect');
      e.append('line');
      e.append('text');
      return e;
    })
    .attr('data-pin', (d) => d.k)
    .attr('transform', (d) => `translate(${right},${o.margin.top + 12 + 17 * d.k})`);
  rows
    .select('line')
    .attr('x1', -26)
    .attr('x2', 0)
    .attr('stroke', '#333')
    .attr('stroke-width', 1.8)
    .attr('stroke-dasharray', (d) => PIN_DASHES[d.k % PIN_DASHES.length]!);
  rows
    .select('text')
    .attr('class', 'pin-label')
    .attr('x', -32)
    .attr('y', 4.5)
    .attr('font-size', 13)
    .attr('fill', '#111')
    .attr('text-anchor', 'end')
    .text((d) => d.label);
  // A white backing, so that the key reads over the curves.
  rows.each(function () {
    const text = (this as SVGGElement).querySelector('text');
    const box = typeof text?.getBBox === 'function' ? text.getBBox() : null;
    d3.select(this)
      .select('rect')
      .attr('x', (box?.x ?? 0) - 4)
      .attr('y', -8)
      .attr('width', (box?.width ?? 0) + 38)
      .attr('height', 16)
      .attr('fill', 'white')
      .attr('fill-opacity', 0.85);
  });
}

/** The y domain widened so that the pins' visible series fit. */
export function pinsYDomain(
  domain: [number, number],
  pins: readonly PinnedLayer[],
  visible: ReadonlySet<string>,
): [number, number] {
  const columns = pins.flatMap((p) =>
    p.names.filter((n) => visible.has(n)).map((n) => seriesColumn(p, n)),
  );
  return columns.length ? widenDomain(domain, columns) : domain;
}
