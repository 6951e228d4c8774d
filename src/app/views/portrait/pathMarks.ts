/**
 * The portrait's paths: the SGD's dots, the ODE's line with its direction arrows, its start and
 * end, and the shared time cursor on it.
 */
import * as d3 from 'd3';

import type { PortraitFrame } from './frame';

/** The SGD path as dots. */
export function sgdPathMark(f: PortraitFrame): void {
  const { x, y, data, o, g } = f;
  const sgd = data.sgd ?? null;
  g('sgd-path')
    .selectAll<SVGCircleElement, number>('circle.dot')
    .data(
      sgd
        ? d3
            .range(sgd.x.length)
            .filter((j) => Number.isFinite(sgd.x[j]!) && Number.isFinite(sgd.y[j]!))
        : [],
    )
    .join('circle')
    .attr('class', 'dot')
    .attr('r', 3)
    .attr('fill', o.color)
    .attr('fill-opacity', 0.55)
    .attr('cx', (j) => x(sgd!.x[j]!))
    .attr('cy', (j) => y(sgd!.y[j]!));
}

/** The ODE path, with arrowheads at a few arc-length fractions for the direction of time. */
export function odePathMark(f: PortraitFrame): void {
  const { x, y, data, o, g, pts, line } = f;
  g('ode-path')
    .selectAll<SVGPathElement, null>('path.curve')
    .data(pts.length > 1 ? [null] : [])
    .join('path')
    .attr('class', 'curve')
    .attr('fill', 'none')
    .attr('stroke', o.color)
    .attr('stroke-width', 2)
    .attr('d', line(pts) ?? '');
  // Arrowheads along the path, at a few arc-length fractions, show the direction of time.
  const arrows = arrowPositions(
    pts.map((j) => [x(data.ode.x[j]!), y(data.ode.y[j]!)] as [number, number]),
    [0.12, 0.4, 0.75],
  );
  g('arrows')
    .selectAll<SVGPathElement, [number, number, number, number]>('path.arrow')
    .data(arrows)
    .join('path')
    .attr('class', 'arrow')
    .attr('d', (a) => `M${a[0]},${a[1]} L${a[2]},${a[3]}`)
    .attr('stroke', 'none')
    .attr('marker-end', 'url(#portrait-arrow)');
}

/** The start (square) and end (star) of the ODE path. */
export function endsMark(f: PortraitFrame): void {
  const { x, y, data, o, g, pts } = f;
  const ends = pts.length
    ? [
        { kind: 'start', j: pts[0]! },
        { kind: 'end', j: pts[pts.length - 1]! },
      ]
    : [];
  g('ends')
    .selectAll<SVGPathElement, (typeof ends)[number]>('path.end-marker')
    .data(ends, (d) => d.kind)
    .join('path')
    .attr('class', (d) => `end-marker ${d.kind}`)
    .attr(
      'd',
      (d) =>
        (d.kind === 'start' ? d3.symbol(d3.symbolSquare, 90)() : d3.symbol(d3.symbolStar, 150)()) ??
        '',
    )
    .attr('transform', (d) => `translate(${x(data.ode.x[d.j]!)},${y(data.ode.y[d.j]!)})`)
    .attr('fill', (d) => (d.kind === 'start' ? 'white' : o.color))
    .attr('stroke', '#111')
    .attr('stroke-width', 1.5);
}

/** The shared time cursor: a ring with a cross (⊕) on the ODE path, unlike an unstable point's ring. */
export function cursorMark(f: PortraitFrame): void {
  const { x, y, data, g } = f;
  const c = data.cursor ?? null;
  const marks = g('cursor')
    .selectAll<SVGGElement, [number, number]>('g.cursor')
    .data(c ? [c] : [])
    .join('g')
    .attr('class', 'cursor')
    .attr('fill', 'none')
    .attr('stroke', '#111')
    .attr('stroke-width', 2)
    .attr('transform', (p) => `translate(${x(p[0])},${y(p[1])})`);
  marks.selectAll('circle').data([null]).join('circle').attr('class', 'cursor').attr('r', 7);
  marks.selectAll('path').data([null]).join('path').attr('d', 'M-7,0H7M0,-7V7');
}

/** Short segments [x0, y0, x1, y1] at the given fractions of a polyline's length. */
export function arrowPositions(
  points: [number, number][],
  fractions: number[],
): [number, number, number, number][] {
  if (points.length < 2) return [];
  const cum = [0];
  for (let i = 1; i < points.length; i++) {
    cum.push(
      cum[i - 1]! +
        Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]),
    );
  }
  const total = cum[cum.length - 1]!;
  if (total < 1e-6) return [];
  return fractions.map((f) => {
    const target = f * total;
    let i = 1;
    while (i < cum.length - 1 && cum[i]! < target) i++;
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const ux = (x1 - x0) / len;
    const uy = (y1 - y0) / len;
    const px = x0 + ux * (target - cum[i - 1]!);
    const py = y0 + uy * (target - cum[i - 1]!);
    return [px - ux, py - uy, px, py];
  });
}
