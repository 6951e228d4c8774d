/**
 * Phase diagram: a grid of cells coloured by phase, filled coarse-to-fine (a cell not computed
 * yet shows its nearest computed neighbour, faded), a grey veil where the ODE still moves late
 * (Fig. 3(b)'s variation), analytic boundaries as lines, marked points, and the current point.
 */
import * as d3 from 'd3';

import type { PhaseSpec } from '../../../core/model';
import { drawAxes, layer, pickArea, withLeftMarginFor, yTickLabels } from '../../charts/frame';
import { curveRuns, curveSides } from './curveSides';
import { currentPlacement } from './plane';

export interface DiagramData {
  n: number;
  xRange: [number, number];
  yRange: [number, number];
  cells: ({ label: string; variation: number } | null)[];
  phases: PhaseSpec[];
  boundaries: { label: string; points: [number, number][] }[];
  marks: { label: string; x: number; y: number }[];
  /** Fold and Hopf curves by continuation (core/continuation/boundaries.ts), in (x, y). */
  curves: { kind: 'fold' | 'hopf'; x: number[]; y: number[] }[];
  current: [number, number] | null;
}

/** The dash of the k-th analytic boundary: six styles, so that Table 1's six lines differ. */
export const BOUNDARY_DASHES = ['', '7 3', '2 3', '9 3 2 3', '14 4', '2 2 6 2'];
export function boundaryDash(k: number): string {
  return BOUNDARY_DASHES[k % BOUNDARY_DASHES.length] ?? '';
}

/** The continuation curves' colours (Okabe–Ito blue and reddish purple), solid over a halo. */
export const CURVE_COLORS = { fold: '#0072B2', hopf: '#CC79A7' } as const;
/** A curve's part inside one phase: round dots, apart from every dash of BOUNDARY_DASHES. */
export const INSIDE_DASH = '0.1 5';
/** The figure marks' colour (Okabe–Ito vermillion). */
export const MARK_COLOR = '#D55E00';

export interface DiagramOptions {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xLabel: string;
  yLabel: string;
}

/**
 * For every cell, the index of a nearest computed cell (itself if computed; −1 if none), by a
 * multi-source breadth-first search on the grid: O(cells) however many are filled.
 */
export function nearestFilled(cells: ({ label: string } | null)[], n: number): Int32Array {
  const out = new Int32Array(cells.length).fill(-1);
  const queue = new Int32Array(cells.length);
  let head = 0;
  let tail = 0;
  cells.forEach((c, k) => {
    if (c) {
      out[k] = k;
      queue[tail++] = k;
    }
  });
  const rows = Math.ceil(cells.length / n);
  while (head < tail) {
    const k = queue[head++]!;
    const i = k % n;
    const j = Math.floor(k / n);
    const visit = (ii: number, jj: number) => {
      if (ii < 0 || jj < 0 || ii >= n || jj >= rows) return;
      const m = jj * n + ii;
      if (m >= cells.length || out[m] !== -1) return;
      out[m] = out[k]!;
      queue[tail++] = m;
    };
    visit(i - 1, j);
    visit(i + 1, j);
    visit(i, j - 1);
    visit(i, j + 1);
  }
  return out;
}

/**
 * What the cells were last drawn from, per SVG: a redraw for a new current point skips them, and
 * a redraw for more cells of the same layout touches only the rects whose look changed.
 */
const drawn = new WeakMap<
  SVGSVGElement,
  { cells: DiagramData['cells']; key: string; looks: string[] }
>();

type Scale = d3.ScaleLinear<number, number>;

/** What every mark of the diagram draws from: scales, the cell size in axis units, the data. */
export interface DiagramFrame {
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  x: Scale;
  y: Scale;
  data: DiagramData;
  o: DiagramOptions;
  /** Cell spacing along each axis (axis units). */
  dx: number;
  dy: number;
  /** Whether an (x, y) point in axis units lies inside the plot. */
  clip(point: [number, number]): boolean;
}

/** How a cell is drawn: its phase, fill and opacity (an empty cell: its nearest neighbour's). */
interface CellLook {
  phase: string;
  fill: string;
  opacity: number;
}

function cellLooks(data: DiagramData): CellLook[] {
  const color = new Map(data.phases.map((p) => [p.id, p.color]));
  const nearest = nearestFilled(data.cells, data.n);
  return data.cells.map((c, k) => {
    const shown = nearest[k]! >= 0 ? data.cells[nearest[k]!] : null;
    return {
      phase: c?.label ?? '',
      fill: shown ? (color.get(shown.label) ?? '#ccc') : '#eee',
      opacity: c ? 0.85 : 0.35,
    };
  });
}

const lookKey = (l: CellLook) => `${l.phase}|${l.fill}|${l.opacity}`;

/**
 * The cells, coloured by phase (an empty cell shows its nearest computed neighbour, faintly),
 * and the grey veil ∝ log of the late-time variation (Fig. 3(b)'s grey squares). Skipped when
 * neither the cells nor the layout changed (a redraw for a new current point). While cells
 * stream in, only the rects whose look changed are touched: rewriting all 10⁴ rects every
 * publish was the longest task on the main thread during a slider storm (docs/reliability.md).
 */
function cellsMark(f: DiagramFrame, svgElement: SVGSVGElement): void {
  const { data, o } = f;
  const layoutKey = `${o.width}x${o.height}:${data.xRange}:${data.yRange}:${data.n}`;
  const last = drawn.get(svgElement);
  if (last && last.cells === data.cells && last.key === layoutKey) return;
  const looks = cellLooks(data);
  const keys = looks.map(lookKey);
  const rects = layer(f.svg, 'cells').selectAll<SVGRectElement, unknown>('rect.cell').nodes();
  if (last && last.key === layoutKey && rects.length === looks.length) {
    for (let k = 0; k < looks.length; k++) {
      if (keys[k] === last.looks[k]) continue;
      const rect = rects[k]!;
      rect.setAttribute('data-phase', looks[k]!.phase);
      rect.setAttribute('fill', looks[k]!.fill);
      rect.setAttribute('fill-opacity', String(looks[k]!.opacity));
    }
  } else drawCellRects(f, looks);
  drawn.set(svgElement, { cells: data.cells, key: layoutKey, looks: keys });
  veilMark(f);
}

/** Every cell's rect, placed and coloured (a new layout, or the first draw). */
function drawCellRects(f: DiagramFrame, looks: CellLook[]): void {
  const { svg, x, y, data, dx, dy } = f;
  const { n } = data;
  const cw = Math.abs(x(dx) - x(0)) + 0.5;
  const ch = Math.abs(y(0) - y(dy)) + 0.5;
  layer(svg, 'cells')
    .selectAll<SVGRectElement, CellLook>('rect.cell')
    .data(looks)
    .join('rect')
    .attr('class', 'cell')
    .attr('data-phase', (d) => d.phase)
    .attr('x', (_, k) => x(data.xRange[0] + (k % n) * dx) - cw / 2)
    .attr('y', (_, k) => y(data.yRange[0] + Math.floor(k / n) * dy) - ch / 2)
    .attr('width', cw)
    .attr('height', ch)
    .attr('fill', (d) => d.fill)
    .attr('fill-opacity', (d) => d.opacity);
}

/** The grey veil over the cells whose ODE still moves late (fewer than the cells). */
function veilMark(f: DiagramFrame): void {
  const { svg, x, y, data, dx, dy } = f;
  const { n } = data;
  const cw = Math.abs(x(dx) - x(0)) + 0.5;
  const ch = Math.abs(y(0) - y(dy)) + 0.5;
  const items = data.cells.flatMap((c, k) =>
    c && c.variation > 1e-6 ? [{ k, variation: c.variation }] : [],
  );
  layer(svg, 'veil')
    .selectAll<SVGRectElement, (typeof items)[number]>('rect.veil')
    .data(items, (d) => d.k)
    .join((enter) => enter.append('rect').attr('class', 'veil').attr('fill', '#222'))
    .attr('x', (d) => x(data.xRange[0] + (d.k % n) * dx) - cw / 4)
    .attr('y', (d) => y(data.yRange[0] + Math.floor(d.k / n) * dy) - ch / 4)
    .attr('width', cw / 2)
    .attr('height', ch / 2)
    .attr('fill-opacity', (d) => Math.min(0.7, 0.12 * Math.log10(d.variation / 1e-6)));
}

/** The paper's phase boundaries: curves clipped to the plot, dashed in turn. */
function boundariesMark({ svg, x, y, data, dy, clip }: DiagramFrame): void {
  const line = d3
    .line<[number, number]>()
    .defined(clip)
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  // A vertical line comes as two far points: clamp those into the plot; curves are clipped.
  const clampY = (pts: [number, number][]): [number, number][] =>
    pts.length !== 2
      ? pts
      : pts.map(([px, py]) => [
          px,
          Math.min(data.yRange[1] + dy / 2, Math.max(data.yRange[0] - dy / 2, py)),
        ]);
  layer(svg, 'boundaries')
    .selectAll<SVGPathElement, (typeof data.boundaries)[number]>('path.boundary')
    .data(data.boundaries)
    .join('path')
    .attr('class', 'boundary')
    .attr('fill', 'none')
    .attr('stroke', '#111')
    .attr('stroke-width', 1.6)
    .attr('stroke-dasharray', (_, k) => boundaryDash(k))
    .attr('d', (b) => line(clampY(b.points)) ?? '')
    .selectAll('title')
    .data((b) => [b.label])
    .join('title')
    .text((t) => t);
}

/** The paper's marked points (e.g. Fig. 4's step sizes), with their labels as tooltips. */
function pointsMark({ svg, x, y, data, clip }: DiagramFrame): void {
  const marks = layer(svg, 'marks')
    .selectAll<SVGGElement, (typeof data.marks)[number]>('g.mark')
    .data(data.marks.filter((m) => clip([m.x, m.y])))
    .join('g')
    .attr('class', 'mark')
    .attr('transform', (m) => `translate(${x(m.x)},${y(m.y)})`);
  marks
    .selectAll('circle')
    .data((m) => [m])
    .join('circle')
    .attr('r', 5)
    .attr('fill', MARK_COLOR)
    .attr('stroke', 'white')
    .attr('stroke-width', 1.5);
  marks
    .selectAll('title')
    .data((m) => [m.label])
    .join('title')
    .text((t) => t);
}

/**
 * The fold and Hopf curves by continuation: coloured solid lines over a white halo, so that they
 * read over every phase colour and apart from the paper's black dashed lines. A part along which
 * the cells' phase is the same on both sides is no phase boundary (curveSides.ts): it is drawn
 * as dots, each with a white rim.
 */
function curvesMark({ svg, x, y, data, clip }: DiagramFrame): void {
  const line = d3
    .line<[number, number]>()
    .defined(clip)
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const grid = { n: data.n, xRange: data.xRange, yRange: data.yRange, cells: data.cells };
  const paths = data.curves.flatMap((c) =>
    curveRuns(c, curveSides(c, grid)).flatMap((run) => {
      const d = line(run.points) ?? '';
      const look = { d, kind: c.kind, inside: run.inside };
      return [
        { ...look, halo: true },
        { ...look, halo: false },
      ];
    }),
  );
  layer(svg, 'curves')
    .selectAll<SVGPathElement, (typeof paths)[number]>('path')
    .data(paths)
    .join('path')
    .attr('class', (p) =>
      p.halo ? 'curve-halo' : `curve ${p.kind}-curve${p.inside ? ' inside-phase' : ''}`,
    )
    .attr('fill', 'none')
    .attr('stroke', (p) => (p.halo ? 'white' : CURVE_COLORS[p.kind]))
    // Inside a phase: round dots with a white rim, so that they read over a phase of their
    // own colour (the Hopf curve over noninfo-2) and over a paper line they run along.
    .attr('stroke-width', (p) => (p.halo ? (p.inside ? 4.5 : 5) : p.inside ? 2.4 : 2.6))
    .attr('stroke-dasharray', (p) => (p.inside ? INSIDE_DASH : null))
    .attr('stroke-linecap', (p) => (p.inside ? 'round' : null))
    .attr('stroke-opacity', (p) => (p.halo ? 0.8 : 1))
    .attr('d', (p) => p.d);
}

/**
 * The current parameters: a cross inside the plot; outside it, an arrowhead on the plot's edge
 * pointing towards them (currentPlacement), so that they never just vanish.
 */
function currentMark({ svg, x, y, data }: DiagramFrame): void {
  const place = data.current
    ? currentPlacement(data.current, x.domain() as [number, number], y.domain() as [number, number])
    : null;
  layer(svg, 'current')
    .selectAll<SVGPathElement, NonNullable<typeof place>>('path.current')
    .data(place ? [place] : [])
    .join('path')
    .attr('class', (p) => (p.inside ? 'current' : 'current outside'))
    .attr('d', (p) =>
      p.inside
        ? (d3.symbol(d3.symbolCross, 130)() ?? '')
        : // An arrowhead pointing along +x, turned towards the state.
          'M 0 0 L -13 -7 L -13 7 Z',
    )
    .attr('transform', (p) => {
      const [px, py] = [x(p.at[0]), y(p.at[1])];
      if (p.inside) return `translate(${px},${py}) rotate(45)`;
      // SVG turns clockwise, with y growing downwards: "up" is a negative angle.
      const angle = (Math.atan2(-p.toward[1], p.toward[0]) * 180) / Math.PI;
      return `translate(${px},${py}) rotate(${angle})`;
    })
    .attr('fill', '#111')
    .attr('stroke', 'white')
    .attr('stroke-width', 1.2);
}

/** Draw the diagram: cells, axes, boundaries, marked points, the current point, the click layer. */
export function drawDiagram(
  svgElement: SVGSVGElement,
  data: DiagramData,
  options: DiagramOptions,
  onPick?: (x: number, y: number) => void,
): DiagramFrame {
  const svg = d3.select(svgElement);
  svg
    .attr('viewBox', `0 0 ${options.width} ${options.height}`)
    .attr('width', options.width)
    .attr('height', options.height);
  const dx = (data.xRange[1] - data.xRange[0]) / Math.max(1, data.n - 1);
  const dy = (data.yRange[1] - data.yRange[0]) / Math.max(1, data.n - 1);
  // Cells are centred on the grid values: the domain extends half a cell beyond the range.
  const y = d3
    .scaleLinear()
    .domain([data.yRange[0] - dy / 2, data.yRange[1] + dy / 2])
    .range([options.height - options.margin.bottom, options.margin.top]);
  const o = withLeftMarginFor(options, yTickLabels(y, options.height));
  const x = d3
    .scaleLinear()
    .domain([data.xRange[0] - dx / 2, data.xRange[1] + dx / 2])
    .range([o.margin.left, o.width - o.margin.right]);
  const clip = ([px, py]: [number, number]) =>
    px >= data.xRange[0] - dx / 2 &&
    px <= data.xRange[1] + dx / 2 &&
    py >= data.yRange[0] - dy / 2 &&
    py <= data.yRange[1] + dy / 2;
  const frame: DiagramFrame = { svg, x, y, data, o, dx, dy, clip };
  cellsMark(frame, svgElement);
  drawAxes(svg, x, y, o);
  boundariesMark(frame);
  curvesMark(frame);
  pointsMark(frame);
  currentMark(frame);
  pickArea(svg, o, onPick ? (px, py) => onPick(x.invert(px), y.invert(py)) : null);
  // Marks stay above the click layer so that their tooltips work.
  svg.select('g.marks').raise();
  return frame;
}

/**
 * Move the current point on a drawn diagram: a slider on one of the diagram's axes changes only
 * where the cross is, not the cells, the boundaries or the curves (redrawing them all took the
 * main thread for longer than a slider step: docs/architecture.md).
 */
export function moveDiagramCurrent(frame: DiagramFrame, current: [number, number] | null): void {
  currentMark({ ...frame, data: { ...frame.data, current } });
}
