/**
 * Phase portrait: two order parameters against each other. The ODE path is a line with an
 * arrowhead for direction, the SGD path is dots, start and end are marked, and the shared
 * time cursor is a ring on the ODE path.
 */
import * as d3 from 'd3';

import { zeroSegments } from '../../../core/field';
import { drawAxes, layer, plotClip, symlogTicks } from '../../charts/frame';

export interface PortraitFixedPoint {
  x: number;
  y: number;
  stability: 'stable' | 'unstable' | 'marginal';
  kind: string;
  /** Tooltip: state, eigenvalues, type. */
  info: string;
}

export interface PortraitFamily {
  /** Projected samples along the family, each with its (transverse) stability. */
  points: { x: number; y: number; stable: boolean }[];
  info: string;
}

export interface PortraitData {
  ode: { x: Float64Array; y: Float64Array };
  sgd?: { x: Float64Array; y: Float64Array } | null;
  /** The cursor's point (null: none). */
  cursor?: [number, number] | null;
  fixed?: PortraitFixedPoint[];
  families?: PortraitFamily[];
  /** Attraction regions: cells in axis units, each filled with its basin's colour. */
  attraction?: { x0: number; x1: number; y0: number; y1: number; color: string }[] | null;
  /** The vector field on the shown slice (the other coordinates pinned), for arrows and nullclines. */
  field?: {
    nx: number;
    ny: number;
    xs: Float64Array;
    ys: Float64Array;
    u: Float64Array;
    v: Float64Array;
  } | null;
}

export interface PortraitOptions {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  color: string;
  /**
   * Symlog axes (logarithmic beyond ±constant, linear within; 0 stays drawable): the attraction
   * view's boundary near the origin is a power law. null: linear axes.
   */
  symlog?: { x: number; y: number } | null;
}

type Scale = d3.ScaleContinuousNumeric<number, number>;

/** What every mark of the portrait draws from: scales, data, options and the ODE's points. */
export interface PortraitFrame {
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  x: Scale;
  y: Scale;
  data: PortraitData;
  o: PortraitOptions;
  /** The layer of this name (created on first use, so marks keep their drawing order). */
  g(name: string): d3.Selection<SVGGElement, null, SVGSVGElement, unknown>;
  /** Indices of the ODE samples with finite coordinates. */
  pts: number[];
  /** The ODE path through those samples. */
  line: d3.Line<number>;
}

/** A mark: one layer of the portrait, a function of the frame (D3 owns its SVG). */
export type PortraitMark = (f: PortraitFrame) => void;

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

/** The portrait, as its marks in drawing order (later marks on top). */
export const PORTRAIT_MARKS: readonly PortraitMark[] = [
  attractionMark,
  arrowheadMark,
  fieldMark,
  nullclinesMark,
  sgdPathMark,
  odePathMark,
  endsMark,
  familiesMark,
  fixedPointsMark,
  cursorMark,
];

/** Draw the portrait: the frame (scales, symlog or linear, and axes), then every mark. */
export function drawPortrait(
  svgElement: SVGSVGElement,
  data: PortraitData,
  o: PortraitOptions,
): PortraitFrame {
  const svg = d3.select(svgElement);
  svg.attr('viewBox', `0 0 ${o.width} ${o.height}`).attr('width', o.width).attr('height', o.height);
  const sym = o.symlog ?? null;
  const x = (
    sym
      ? d3.scaleSymlog().constant(sym.x).domain(o.xDomain)
      : d3.scaleLinear().domain(o.xDomain).nice()
  ).range([o.margin.left, o.width - o.margin.right]);
  const y = (
    sym
      ? d3.scaleSymlog().constant(sym.y).domain(o.yDomain)
      : d3.scaleLinear().domain(o.yDomain).nice()
  ).range([o.height - o.margin.bottom, o.margin.top]);
  drawAxes(svg, x, y, {
    ...o,
    ...(sym
      ? {
          xTicks: symlogTicks(x.domain() as [number, number], sym.x),
          yTicks: symlogTicks(y.domain() as [number, number], sym.y),
        }
      : {}),
  });
  const pts = d3
    .range(data.ode.x.length)
    .filter((j) => Number.isFinite(data.ode.x[j]!) && Number.isFinite(data.ode.y[j]!));
  const line = d3
    .line<number>()
    .x((j) => x(data.ode.x[j]!))
    .y((j) => y(data.ode.y[j]!));
  const frame = { svg, x, y, data, o, g: (name: string) => layer(svg, name), pts, line };
  for (const mark of PORTRAIT_MARKS) mark(frame);
  // Area marks drawn over a grid beyond the axes' nice domain would run over the tick labels.
  const clip = plotClip(svg, o);
  for (const name of CLIPPED_LAYERS) svg.select(`g.${name}`).attr('clip-path', clip);
  return frame;
}

/**
 * Move the cursor's ring (and the SGD dots play has revealed) on a drawn portrait: only those
 * two marks, so that play's frames do not redraw the field and the paths (play/followCursor.ts).
 */
export function movePortraitCursor(
  frame: PortraitFrame,
  at: Pick<PortraitData, 'sgd' | 'cursor'>,
): void {
  const f = { ...frame, data: { ...frame.data, sgd: at.sgd, cursor: at.cursor } };
  sgdPathMark(f);
  cursorMark(f);
}

/** The layers drawn over the whole plane, clipped to the plot area. */
const CLIPPED_LAYERS = ['attraction', 'field', 'nullclines'] as const;

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
