/**
 * The portrait's marks over the whole plane: attraction regions, the vector field's arrows and
 * the nullclines (and the arrowhead marker the paths use).
 */

import { zeroSegments } from '../../../core/field';
import { layer } from '../../charts/frame';
import type { PortraitData, PortraitFrame } from './frame';

/** Attraction regions first, so that everything else is drawn over them. */
export function attractionMark(f: PortraitFrame): void {
  const { svg, x, y, data } = f;
  layer(svg, 'attraction')
    .selectAll<SVGRectElement, NonNullable<PortraitData['attraction']>[number]>('rect.basin-cell')
    .data(data.attraction ?? [])
    .join('rect')
    .attr('class', 'basin-cell')
    .attr('x', (c) => Math.min(x(c.x0), x(c.x1)))
    .attr('y', (c) => Math.min(y(c.y0), y(c.y1)))
    .attr('width', (c) => Math.abs(x(c.x1) - x(c.x0)) + 0.5)
    .attr('height', (c) => Math.abs(y(c.y1) - y(c.y0)) + 0.5)
    .attr('fill', (c) => c.color)
    .attr('fill-opacity', 0.28);
}

/** The arrowhead marker of the ODE path's direction arrows. */
export function arrowheadMark(f: PortraitFrame): void {
  const { svg, o } = f;
  svg
    .selectAll<SVGDefsElement, null>('defs')
    .data([null])
    .join('defs')
    .selectAll<SVGMarkerElement, null>('marker')
    .data([null])
    .join('marker')
    .attr('id', 'portrait-arrow')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 5)
    .attr('refY', 5)
    .attr('markerWidth', 9)
    .attr('markerHeight', 9)
    .attr('orient', 'auto')
    .selectAll('path')
    .data([null])
    .join('path')
    .attr('d', 'M0,0 L10,5 L0,10 z')
    .attr('fill', o.color);
}

/** Vector field: arrows of normalised length on a coarse subgrid. */
export function fieldMark(f: PortraitFrame): void {
  const { svg, x, y, data, g } = f;
  const field = data.field ?? null;
  const arrowsData: { x0: number; y0: number; x1: number; y1: number; m: number }[] = [];
  if (field) {
    let max = 0;
    for (let k = 0; k < field.u.length; k++)
      max = Math.max(max, Math.hypot(field.u[k]!, field.v[k]!));
    const step = Math.max(1, Math.round(field.nx / 18));
    const len = Math.min(x(field.xs[step]!) - x(field.xs[0]!), 22);
    for (let j = 0; j < field.ny; j += step) {
      for (let i = 0; i < field.nx; i += step) {
        const k = j * field.nx + i;
        const px = x(field.xs[i]!);
        const py = y(field.ys[j]!);
        const du = x(field.xs[i]! + field.u[k]!) - px;
        const dv = y(field.ys[j]! + field.v[k]!) - py;
        const norm = Math.hypot(du, dv);
        if (!(norm > 0)) continue;
        arrowsData.push({
          x0: px,
          y0: py,
          x1: px + (du / norm) * len * 0.8,
          y1: py + (dv / norm) * len * 0.8,
          m: Math.hypot(field.u[k]!, field.v[k]!) / (max || 1),
        });
      }
    }
  }
  g('field')
    .selectAll<SVGLineElement, (typeof arrowsData)[number]>('line.field-arrow')
    .data(arrowsData)
    .join('line')
    .attr('class', 'field-arrow')
    .attr('x1', (d) => d.x0)
    .attr('y1', (d) => d.y0)
    .attr('x2', (d) => d.x1)
    .attr('y2', (d) => d.y1)
    .attr('stroke', '#777')
    .attr('stroke-opacity', (d) => 0.25 + 0.6 * Math.sqrt(d.m))
    .attr('stroke-width', 1.2)
    .attr('marker-end', 'url(#field-arrow)');
  svg
    .select<SVGDefsElement>('defs')
    .selectAll<SVGMarkerElement, null>('marker#field-arrow')
    .data([null])
    .join('marker')
    .attr('id', 'field-arrow')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 8)
    .attr('refY', 5)
    .attr('markerWidth', 5)
    .attr('markerHeight', 5)
    .attr('orient', 'auto')
    .selectAll('path')
    .data([null])
    .join('path')
    .attr('d', 'M0,0 L10,5 L0,10 z')
    .attr('fill', '#777');
}

/** Nullclines: the zero contours of each component of the field (marching squares, d3-contour), in the axes' colours. */
export function nullclinesMark(f: PortraitFrame): void {
  const { x, y, data, g } = f;
  const field = data.field ?? null;
  const nullclines: { name: string; d: string; color: string }[] = [];
  if (field) {
    // Grid coordinates (i, j) → pixels.
    const gx = (i: number) =>
      x(field.xs[0]! + ((field.xs[field.nx - 1]! - field.xs[0]!) * i) / (field.nx - 1));
    const gy = (j: number) =>
      y(field.ys[0]! + ((field.ys[field.ny - 1]! - field.ys[0]!) * j) / (field.ny - 1));
    for (const [name, comp, color] of [
      ['x', field.u, '#0072B2'],
      ['y', field.v, '#CC79A7'],
    ] as const) {
      const d = zeroSegments(comp, field.nx, field.ny)
        .map(([a, b, c, e]) => `M${gx(a)},${gy(b)}L${gx(c)},${gy(e)}`)
        .join('');
      nullclines.push({ name, d, color });
    }
  }
  g('nullclines')
    .selectAll<SVGPathElement, (typeof nullclines)[number]>('path.nullcline')
    .data(nullclines, (d) => d.name)
    .join('path')
    .attr('class', (d) => `nullcline nullcline-${d.name}`)
    .attr('fill', 'none')
    .attr('stroke', (d) => d.color)
    .attr('stroke-width', 1.8)
    .attr('stroke-dasharray', '6 3')
    .attr('d', (d) => d.d);
}
