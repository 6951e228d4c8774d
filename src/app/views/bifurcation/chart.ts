/**
 * The bifurcation diagram as marks: branches (stable solid, unstable dashed), periodic orbits'
 * min and max (dotted), special points (named, their eigenvalues on hover), the current
 * parameter as a vertical rule and the SGD ensemble's late-time mean ± std on it. A function of
 * (svg, data, options); a click on the plot moves the parameter to the axis value there.
 */
import * as d3 from 'd3';

import { drawAxes, type FrameOptions, layer, type Selection } from '../../charts/frame';
import { labelLifts } from '../../charts/labels';
import { extentOf } from '../../charts/options';
import { type BifurcationPicture, eigenvalueText, type SpecialMark } from './data';

export interface BifurcationData {
  picture: BifurcationPicture;
  color: string;
  range: [number, number];
  /** The current axis value (the rule), null when not finite. */
  current: number | null;
  /** The SGD ensemble's late-time mean ± std of y (null: none, or y is an eigenvalue). */
  sgd: { mean: number; std: number } | null;
}

export interface BifurcationOptions extends FrameOptions {
  onPick(p: number): void;
}

type Scale = d3.ScaleLinear<number, number>;

interface Frame {
  svg: Selection;
  x: Scale;
  y: Scale;
  data: BifurcationData;
  o: BifurcationOptions;
}

/** The special point under the mouse, per chart: a redraw (SGD streams in) keeps its tip. */
const hovered = new WeakMap<SVGSVGElement, SpecialMark>();

const SHORT: Record<SpecialMark['kind'], string> = { fold: 'LP', hopf: 'H', 'branch-point': 'BP' };

function pathOf({ x, y }: Frame, points: [number, number][]): string {
  return (
    d3
      .line<[number, number]>()
      .defined((q) => Number.isFinite(q[1]))
      .x((q) => x(q[0]))
      .y((q) => y(q[1]))(points) ?? ''
  );
}

/** A transparent rectangle over the plot: a click moves the parameter to the axis value there. */
function clickMark({ svg, x, o }: Frame): void {
  layer(svg, 'bif-click')
    .selectAll<SVGRectElement, null>('rect')
    .data([null])
    .join('rect')
    .attr('x', o.margin.left)
    .attr('y', o.margin.top)
    .attr('width', Math.max(0, o.width - o.margin.left - o.margin.right))
    .attr('height', Math.max(0, o.height - o.margin.top - o.margin.bottom))
    .attr('fill', 'transparent')
    .style('cursor', 'crosshair')
    .on('click', (event: MouseEvent) => o.onPick(x.invert(d3.pointer(event)[0])));
}

function branchMark(f: Frame): void {
  layer(f.svg, 'bif-branches')
    .selectAll<SVGPathElement, BifurcationPicture['runs'][number]>('path')
    .data(f.data.picture.runs)
    .join('path')
    .attr('class', (r) => `branch ${r.stable ? 'stable' : 'unstable'}`)
    .attr('fill', 'none')
    .attr('stroke', f.data.color)
    .attr('stroke-width', 2.5)
    .attr('stroke-dasharray', (r) => (r.stable ? null : '7 5'))
    .attr('d', (r) => pathOf(f, r.points))
    .style('pointer-events', 'none');
}

function orbitMark(f: Frame): void {
  layer(f.svg, 'bif-orbits')
    .selectAll<SVGPathElement, BifurcationPicture['orbits'][number]>('path')
    .data(f.data.picture.orbits)
    .join('path')
    .attr('class', (r) => `orbit ${r.stable ? 'stable' : 'unstable'}`)
    .attr('fill', 'none')
    .attr('stroke', f.data.color)
    .attr('stroke-width', 1.6)
    .attr('stroke-dasharray', (r) => (r.stable ? '1.5 3' : '1.5 7'))
    .attr('stroke-linecap', 'round')
    .attr('d', (r) => pathOf(f, r.points))
    .style('pointer-events', 'none');
}

function ruleMark({ svg, x, data, o }: Frame): void {
  const v = data.current;
  layer(svg, 'bif-rule')
    .selectAll<SVGLineElement, number>('line')
    .data(v === null ? [] : [v])
    .join('line')
    .attr('class', 'rule current')
    .attr('x1', (d) => x(d))
    .attr('x2', (d) => x(d))
    .attr('y1', o.margin.top)
    .attr('y2', o.height - o.margin.bottom)
    .style('pointer-events', 'none');
}

/** The SGD ensemble at the current parameter: a dot at its mean, a bar of ± one std. */
function sgdMark({ svg, x, y, data }: Frame): void {
  const s = data.current !== null && data.sgd ? [{ p: data.current, ...data.sgd }] : [];
  const g = layer(svg, 'bif-sgd');
  g.selectAll<SVGLineElement, (typeof s)[number]>('line')
    .data(s)
    .join('line')
    .attr('class', 'sgd-bar')
    .attr('stroke', data.color)
    .attr('stroke-width', 2)
    .attr('x1', (d) => x(d.p))
    .attr('x2', (d) => x(d.p))
    .attr('y1', (d) => y(d.mean - d.std))
    .attr('y2', (d) => y(d.mean + d.std));
  g.selectAll<SVGCircleElement, (typeof s)[number]>('circle')
    .data(s)
    .join('circle')
    .attr('class', 'sgd-mean')
    .attr('r', 5)
    .attr('fill', data.color)
    .attr('stroke', '#fff')
    .attr('cx', (d) => x(d.p))
    .attr('cy', (d) => y(d.mean))
    .selectAll('title')
    .data((d) => [d])
    .join('title')
    .text((d) => `SGD late-time mean ${d.mean.toPrecision(4)} ± ${d.std.toPrecision(2)}`);
}

/** The eigenvalues of a special point, in a box beside it. */
function showTip({ svg, x, y, o }: Frame, s: SpecialMark | null): void {
  const rows = s ? eigenvalueText(s.eigenvalues).map((r) => `λ = ${r}`) : [];
  // The family test's finding is a sentence: the box shows whyShort, the marker's title the why.
  if (s?.whyShort) rows.push(s.whyShort);
  const width = 200;
  const left = s && x(s.p) + 14 + width > o.width ? x(s.p) - 14 - width : s ? x(s.p) + 14 : 0;
  const g = layer(svg, 'bif-tip')
    .selectAll<SVGGElement, SpecialMark>('g.tip')
    .data(s ? [s] : [])
    .join('g')
    .attr('class', 'tip')
    .attr('transform', (d) => `translate(${left},${Math.max(o.margin.top, y(d.y) - 20)})`)
    .style('pointer-events', 'none');
  g.selectAll<SVGRectElement, null>('rect')
    .data([null])
    .join('rect')
    .attr('width', width)
    .attr('height', 26 + 18 * rows.length);
  g.selectAll<SVGTextElement, SpecialMark>('text.tip-title')
    .data((d) => [d])
    .join('text')
    .attr('class', 'tip-title')
    .attr('x', 8)
    .attr('y', 17)
    .text((d) => `${d.name} at ${d.p.toPrecision(5)}`);
  g.selectAll<SVGTextElement, string>('text.tip-row')
    .data(rows)
    .join('text')
    .attr('class', 'tip-row eigenvalue')
    .attr('x', 8)
    .attr('y', (_, k) => 36 + 18 * k)
    .text((r) => r);
}

function specialMark(f: Frame): void {
  const g = layer(f.svg, 'bif-special')
    .selectAll<SVGGElement, SpecialMark>('g.special')
    .data(f.data.picture.special)
    .join('g')
    .attr('class', (s) => `special ${s.kind}`)
    .attr('transform', (s) => `translate(${f.x(s.p)},${f.y(s.y)})`)
    .style('cursor', 'pointer')
    .on('mouseenter', (_e, s) => {
      hovered.set(f.svg.node()!, s);
      showTip(f, s);
    })
    .on('mouseleave', () => {
      hovered.delete(f.svg.node()!);
      showTip(f, null);
    })
    .on('click', (_e, s) => f.o.onPick(s.p));
  g.selectAll<SVGPathElement, SpecialMark>('path')
    .data((s) => [s])
    .join('path')
    .attr('d', (s) => d3.symbol(s.kind === 'hopf' ? d3.symbolDiamond : d3.symbolSquare, 90)())
    .attr('fill', '#fff')
    .attr('stroke', '#111')
    .attr('stroke-width', 1.8);
  const specials = f.data.picture.special;
  const lifts = labelLifts(specials.map((s) => [f.x(s.p), f.y(s.y)] as [number, number]));
  const rightEdge = f.x.range()[1]!;
  g.selectAll<SVGTextElement, SpecialMark>('text')
    .data((s) => [s])
    .join('text')
    .attr('class', 'special-label')
    // Near the right edge the label goes left of its marker, so that it is not cut off.
    .attr('x', (s) => (f.x(s.p) > rightEdge - 28 ? -8 : 8))
    .attr('text-anchor', (s) => (f.x(s.p) > rightEdge - 28 ? 'end' : 'start'))
    .attr('y', (s) => -8 - (lifts[specials.indexOf(s)] ?? 0))
    .text((s) => SHORT[s.kind]);
  g.selectAll<SVGTitleElement, SpecialMark>('title')
    .data((s) => [s])
    .join('title')
    .text((s) => (s.why ? `${s.name}\n${s.why}` : s.name));
}

const MARKS = [clickMark, orbitMark, branchMark, ruleMark, sgdMark, specialMark] as const;

export function drawBifurcation(
  el: SVGSVGElement,
  data: BifurcationData,
  o: BifurcationOptions,
): void {
  // The viewBox lets a zoomed chart profile (presentation) scale it like every other chart.
  const svg = d3
    .select(el)
    .attr('viewBox', `0 0 ${o.width} ${o.height}`)
    .attr('width', o.width)
    .attr('height', o.height);
  const ys = [
    ...data.picture.runs.flatMap((r) => r.points.map((q) => q[1])),
    ...data.picture.orbits.flatMap((r) => r.points.map((q) => q[1])),
    ...(data.sgd ? [data.sgd.mean - data.sgd.std, data.sgd.mean + data.sgd.std] : []),
  ];
  const x = d3.scaleLinear(data.range, [o.margin.left, o.width - o.margin.right]);
  const y = d3.scaleLinear(extentOf([ys]), [o.height - o.margin.bottom, o.margin.top]).nice();
  drawAxes(svg, x, y, o);
  const f: Frame = { svg, x, y, data, o };
  for (const mark of MARKS) mark(f);
  const was = hovered.get(el);
  const still = was && data.picture.special.find((s) => s.kind === was.kind && s.p === was.p);
  showTip(f, still ?? null);
}
