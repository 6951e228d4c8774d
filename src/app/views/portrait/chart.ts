/**
 * Phase portrait: two order parameters against each other. The ODE path is a line with an
 * arrowhead for direction, the SGD path is dots, start and end are marked, and the shared
 * time cursor is a ring on the ODE path.
 */
import * as d3 from 'd3';

import {
  drawAxes,
  layer,
  plotClip,
  symlogTicks,
  withLeftMarginFor,
  yTickLabels,
} from '../../charts/frame';
import { arrowheadMark, attractionMark, fieldMark, nullclinesMark } from './fieldMarks';
import type { PortraitData, PortraitFrame, PortraitMark, PortraitOptions } from './frame';
import { cursorMark, endsMark, odePathMark, sgdPathMark } from './pathMarks';
import { familiesMark, fixedPointsMark } from './pointMarks';

export type {
  PortraitData,
  PortraitFamily,
  PortraitFixedPoint,
  PortraitFrame,
  PortraitMark,
  PortraitOptions,
} from './frame';
export { arrowPositions } from './pathMarks';

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
  options: PortraitOptions,
): PortraitFrame {
  const svg = d3.select(svgElement);
  svg
    .attr('viewBox', `0 0 ${options.width} ${options.height}`)
    .attr('width', options.width)
    .attr('height', options.height);
  const sym = options.symlog ?? null;
  const y = (
    sym
      ? d3.scaleSymlog().constant(sym.y).domain(options.yDomain)
      : d3.scaleLinear().domain(options.yDomain).nice()
  ).range([options.height - options.margin.bottom, options.margin.top]);
  const yTicks = sym ? symlogTicks(y.domain() as [number, number], sym.y) : undefined;
  const o = withLeftMarginFor(options, yTickLabels(y, options.height, yTicks));
  const x = (
    sym
      ? d3.scaleSymlog().constant(sym.x).domain(o.xDomain)
      : d3.scaleLinear().domain(o.xDomain).nice()
  ).range([o.margin.left, o.width - o.margin.right]);
  drawAxes(svg, x, y, {
    ...o,
    ...(sym ? { xTicks: symlogTicks(x.domain() as [number, number], sym.x), yTicks } : {}),
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
