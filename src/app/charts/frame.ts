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
  /** Explicit tick values (e.g. decades on a symlog axis); default: the scale's ticks. */
  xTicks?: number[];
  yTicks?: number[];
}

export type Selection = d3.Selection<SVGSVGElement, unknown, null, undefined>;

/** A <g class=name> directly under the svg, created once, in call order. */
export function layer(svg: Selection, name: string) {
  return svg.selectAll<SVGGElement, null>(`g.${name}`).data([null]).join('g').attr('class', name);
}

/**
 * What each element was last drawn from. A chart redraws on every publish of the dots and every
 * new fixed point; the axes, their labels and the clip rectangles rarely change between two, and
 * rewriting them cost a third of a redraw (the portrait's drawAxes: 54 of 160 ms over ten
 * slider moves, docs/reliability.md). An element drawn from the same key is left alone.
 */
const drawnFrom = new WeakMap<Element, string>();

/** Whether `el` was last drawn from `key`; records `key` either way. */
function unchanged(el: Element | null, key: string): boolean {
  if (!el) return false;
  if (drawnFrom.get(el) === key) return true;
  drawnFrom.set(el, key);
  return false;
}

/** One id per (svg, purpose), so that several charts (a figure export) can share a document. */
const clipIds = new WeakMap<SVGSVGElement, Map<string, string>>();
let clipCount = 0;

/**
 * A rectangular clip path kept in `defs.<name>` of the svg; returns the `clip-path` attribute
 * value. Joined, not appended: a redraw (each frame of play) moves the rectangle in place.
 */
export function clipRect(
  svg: Selection,
  name: string,
  rect: { x: number; y: number; width: number; height: number },
): string {
  const el = svg.node()!;
  const ids = clipIds.get(el) ?? new Map<string, string>();
  clipIds.set(el, ids);
  let id = ids.get(name);
  if (id === undefined) {
    id = `${name}-${++clipCount}`;
    ids.set(name, id);
  }
  const defs = svg.selectAll<SVGDefsElement, null>(`defs.${name}`).data([null]).join('defs');
  const key = `${id} ${rect.x} ${rect.y} ${rect.width} ${rect.height}`;
  if (unchanged(defs.node(), key) && defs.select('rect').node()) return `url(#${id})`;
  defs
    .attr('class', name)
    .selectAll<SVGClipPathElement, null>('clipPath')
    .data([null])
    .join('clipPath')
    .attr('id', id)
    .selectAll<SVGRectElement, null>('rect')
    .data([null])
    .join('rect')
    .attr('x', rect.x)
    .attr('y', rect.y)
    .attr('width', Math.max(0, rect.width))
    .attr('height', Math.max(0, rect.height));
  return `url(#${id})`;
}

/**
 * A clip path of the plot area (inside the margins), for marks that would otherwise run over
 * the tick labels (a vector field's arrows, nullclines).
 */
export function plotClip(
  svg: Selection,
  o: Pick<FrameOptions, 'width' | 'height' | 'margin'>,
): string {
  return clipRect(svg, 'plot-clip', {
    x: o.margin.left,
    y: o.margin.top,
    width: o.width - o.margin.left - o.margin.right,
    height: o.height - o.margin.top - o.margin.bottom,
  });
}

/** How many ticks drawAxes asks of a linear y axis in a chart this tall. */
export function yTickCount(height: number): number {
  return Math.max(3, Math.floor(height / 50));
}

export function drawAxes(
  svg: Selection,
  x: d3.ScaleContinuousNumeric<number, number>,
  y: d3.ScaleContinuousNumeric<number, number>,
  o: FrameOptions,
): void {
  const axes = layer(svg, 'axes');
  const gx = axes.selectAll<SVGGElement, null>('g.x').data([null]).join('g');
  const xCount = Math.max(3, Math.floor(o.width / 90));
  if (
    !unchanged(
      gx.node(),
      `${scaleKey(x)} ${o.xTicks?.join() ?? xCount} ${o.height - o.margin.bottom}`,
    )
  )
    gx.attr('class', 'x axis')
      .attr('transform', `translate(0,${o.height - o.margin.bottom})`)
      .call(withTicks(d3.axisBottom(x), x, o.xTicks, xCount));
  const gy = axes.selectAll<SVGGElement, null>('g.y').data([null]).join('g');
  const yCount = yTickCount(o.height);
  if (!unchanged(gy.node(), `${scaleKey(y)} ${o.yTicks?.join() ?? yCount} ${o.margin.left}`))
    gy.attr('class', 'y axis')
      .attr('transform', `translate(${o.margin.left},0)`)
      .call(withTicks(d3.axisLeft(y), y, o.yTicks, yCount));
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
    .each(function (d) {
      writeLabel(this, d);
    });
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
    .each(function (d) {
      writeLabel(this, d);
    });
}

/** The y axis's tick labels as drawAxes writes them (explicit `values`, or the scale's own). */
export function yTickLabels(
  y: d3.ScaleContinuousNumeric<number, number>,
  height: number,
  values?: number[],
): string[] {
  if (values) return values.map(d3.format('~g'));
  const count = yTickCount(height);
  const format = isLog(y) ? d3.format('~g') : y.tickFormat(count);
  return y.ticks(count).map(format);
}

/**
 * `o` with a left margin wide enough for the y tick labels and the rotated y label: the label's
 * glyphs take x ∈ [4, 20] (baseline at 16), then a 3 px gap, the tick labels (at 12 px: 7.6 px a
 * digit, 10 a minus sign, 4 a point) and the 9 px of tick and padding. A fixed margin ran
 * five-character ticks (0.030 in the contrastive diagram, −0.8 in the XOR portrait, 20 in a
 * 44 px histogram) into the label.
 */
export function withLeftMarginFor<T extends { margin: FrameOptions['margin'] }>(
  o: T,
  labels: readonly string[],
): T {
  const glyph = (c: string) => (c === '−' || c === '-' ? 10 : c === '.' ? 4 : 7.6);
  const widest = Math.max(0, ...labels.map((l) => [...l].reduce((w, c) => w + glyph(c), 0)));
  const left = Math.max(o.margin.left, Math.ceil(20 + 3 + widest + 9));
  return left === o.margin.left ? o : { ...o, margin: { ...o.margin, left } };
}

/**
 * A label with TeX-like subscripts as tspans: 'c_δ' → c with δ lowered, 'τ_{W}' likewise; the
 * subscript runs to the next space or ')'.
 */
export function writeLabel(el: SVGTextElement, label: string): void {
  if (unchanged(el, label)) return;
  const parts = label.split(/_\{?([^\s)}]+)\}?/);
  const text = d3.select(el);
  text.selectAll('tspan').remove();
  text.text(null);
  parts.forEach((part, k) => {
    if (part === '') return;
    const sub = k % 2 === 1;
    text
      .append('tspan')
      .attr('baseline-shift', sub ? 'sub' : null)
      .attr('font-size', sub ? '75%' : null)
      .text(part);
  });
}

/** What an axis drawn from the scale shows: its kind (and base or constant), domain and range. */
function scaleKey(scale: d3.ScaleContinuousNumeric<number, number>): string {
  const kind =
    'base' in scale
      ? `log${(scale as d3.ScaleLogarithmic<number, number>).base()}`
      : 'constant' in scale
        ? `symlog${(scale as d3.ScaleSymLog<number, number>).constant()}`
        : 'exponent' in scale
          ? `pow${(scale as d3.ScalePower<number, number>).exponent()}`
          : 'linear';
  return `${kind} ${scale.domain().join()} ${scale.range().join()}`;
}

/** Log scales have a base(); their ticks get the short '~g' format (1, 2, 5, 10, …). */
function isLog(scale: d3.ScaleContinuousNumeric<number, number>): boolean {
  return 'base' in scale;
}

function withTicks(
  axis: d3.Axis<d3.NumberValue>,
  scale: d3.ScaleContinuousNumeric<number, number>,
  values: number[] | undefined,
  count: number,
): d3.Axis<d3.NumberValue> {
  if (values) return axis.tickValues(values).tickFormat(d3.format('~g'));
  return axis.ticks(count, isLog(scale) ? '~g' : undefined);
}

/**
 * Ticks for a symlog axis (linear within ±c of 0, logarithmic beyond): 0 and the decades inside
 * the domain, thinned to at most `max`.
 */
export function symlogTicks(domain: [number, number], c: number, max = 7): number[] {
  const [a, b] = domain;
  const ticks: number[] = [];
  if (a <= 0 && b >= 0) ticks.push(0);
  const top = Math.max(Math.abs(a), Math.abs(b));
  for (let e = Math.floor(Math.log10(c)); 10 ** e <= top * 1.0001; e++) {
    const v = 10 ** e;
    if (v >= c * 0.999) {
      if (v <= b) ticks.push(v);
      if (-v >= a) ticks.push(-v);
    }
  }
  ticks.sort((p, q) => p - q);
  const step = Math.ceil(ticks.length / max);
  return ticks.filter((_, k) => k % step === 0 || ticks[k] === 0);
}

/**
 * A transparent rect over the plot area that reports clicks in pixel coordinates (null handler:
 * removed). Charts invert them with their own scales.
 */
export function pickArea(
  svg: Selection,
  o: Pick<FrameOptions, 'width' | 'height' | 'margin'>,
  onPick: ((px: number, py: number) => void) | null,
): void {
  svg
    .selectAll<SVGRectElement, null>('rect.pick')
    .data(onPick ? [null] : [])
    .join('rect')
    .attr('class', 'pick')
    .attr('x', o.margin.left)
    .attr('y', o.margin.top)
    .attr('width', Math.max(0, o.width - o.margin.left - o.margin.right))
    .attr('height', Math.max(0, o.height - o.margin.top - o.margin.bottom))
    .attr('fill', 'transparent')
    .style('cursor', 'crosshair')
    .on('click', (event: MouseEvent) => {
      const [px, py] = d3.pointer(event);
      onPick?.(px, py);
    });
}
