/**
 * The portrait's fixed points and families of fixed points, by stability (docs/architecture.md,
 * "Visual language").
 */
import * as d3 from 'd3';

import type { PortraitFixedPoint, PortraitFrame } from './frame';

/** Families of fixed points: a line, solid where (transversally) stable, dashed where not. */
export function familiesMark(f: PortraitFrame): void {
  const { x, y, data, g } = f;
  // Fixed points (docs/architecture.md, "Visual language"): filled = stable, hollow = unstable, half-filled = saddle; a family is a
  // line, solid where it is (transversally) stable and dashed where it is not.
  const famLayer = g('families');
  const segments = (data.families ?? []).flatMap((f, fi) => {
    const out: { key: string; stable: boolean; pts: [number, number][]; info: string }[] = [];
    let run: { stable: boolean; pts: [number, number][] } | null = null;
    for (const p of f.points) {
      const pt: [number, number] = [x(p.x), y(p.y)];
      if (!run || run.stable !== p.stable) {
        if (run) {
          run.pts.push(pt);
          out.push({ key: `${fi}-${out.length}`, stable: run.stable, pts: run.pts, info: f.info });
        }
        run = { stable: p.stable, pts: [pt] };
      } else run.pts.push(pt);
    }
    if (run)
      out.push({ key: `${fi}-${out.length}`, stable: run.stable, pts: run.pts, info: f.info });
    return out;
  });
  famLayer
    .selectAll<SVGPathElement, (typeof segments)[number]>('path.family')
    .data(segments, (d) => d.key)
    .join('path')
    .attr('class', (d) => `family ${d.stable ? 'stable' : 'unstable'}`)
    .attr('fill', 'none')
    .attr('stroke', '#0072B2')
    .attr('stroke-width', (d) => (d.stable ? 4 : 2))
    .attr('stroke-opacity', 0.75)
    .attr('stroke-dasharray', (d) => (d.stable ? '' : '4 3'))
    .attr('d', (d) => d3.line()(d.pts) ?? '')
    .selectAll('title')
    .data((d) => [d.info])
    .join('title')
    .text((t) => t);
}

/** Fixed points (docs/architecture.md, "Visual language"): filled = stable, hollow = unstable, half-filled = saddle. */
export function fixedPointsMark(f: PortraitFrame): void {
  const { x, y, data, g } = f;
  const fpLayer = g('fixed-points');
  const fps = fpLayer
    .selectAll<SVGGElement, PortraitFixedPoint>('g.fixed-point')
    .data(data.fixed ?? [])
    .join('g')
    .attr('class', (d) => `fixed-point ${d.kind === 'saddle' ? 'saddle' : d.stability}`)
    .attr('transform', (d) => `translate(${x(d.x)},${y(d.y)})`);
  fps
    .selectAll<SVGCircleElement, PortraitFixedPoint>('circle')
    .data((d) => [d])
    .join('circle')
    .attr('r', 6)
    .attr('fill', (d) => (d.stability === 'stable' && d.kind !== 'saddle' ? '#0072B2' : 'white'))
    .attr('stroke', '#0072B2')
    .attr('stroke-width', 2);
  fps
    .selectAll<SVGPathElement, PortraitFixedPoint>('path.half')
    .data((d) => (d.kind === 'saddle' ? [d] : []))
    .join('path')
    .attr('class', 'half')
    .attr(
      'd',
      d3.arc<PortraitFixedPoint>()({
        innerRadius: 0,
        outerRadius: 6,
        startAngle: 0,
        endAngle: Math.PI,
      } as never) ?? '',
    )
    .attr('fill', '#0072B2');
  fps
    .selectAll('title')
    .data((d) => [d.info])
    .join('title')
    .text((t) => t);
}
