/**
 * Basins of attraction, in two forms shared by the app's workers, the CLI and the benchmarks:
 * - attraction regions on a plane of two order parameters (the contrastive model's Fig. 3): the
 *   ODE from each start of a grid, run to its settle time and labelled by the basin it reaches;
 * - the end points of many random initialisations (the GMM's Figs. 6–7), counted per basin with
 *   their binomial standard errors.
 * A basin's label is the model's theory.basinOf, or else the stable fixed point the run ends
 * nearest to (fixed points found once per parameter point by the generic engine).
 */
import { analyzeFixedPoints } from './analysis';
import { type AttractionView, type Model, viewSpec } from './model';
import { solveOde } from './ode';
import { num, type Params } from './params';
import { runSgd } from './run';

/** A cell of an attraction grid: its rectangle in the plane's axis units. */
export interface AttractionCell {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface LabelledCell extends AttractionCell {
  /** The basin reached, or null when the run did not settle near any stable point. */
  label: string | null;
}

/** Labels end states for one parameter point (fixed points computed once, on first use). */
export class BasinClassifier {
  private stable: { label: string; x: Float64Array }[] | null = null;

  constructor(
    private readonly model: Model,
    private readonly params: Params,
  ) {}

  label(final: Float64Array): string | null {
    const own = this.model.theory?.basinOf;
    if (own) return own(this.params, final);
    this.stable ??= stablePoints(this.model, this.params);
    let best: string | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const s of this.stable) {
      let d = 0;
      for (let i = 0; i < final.length; i++) d = Math.max(d, Math.abs(final[i]! - s.x[i]!));
      if (d < bestDistance) {
        bestDistance = d;
        best = s.label;
      }
    }
    // A run that ends far from every stable point has not settled (or found none of them).
    return bestDistance <= 1e-2 * Math.max(1, maxAbs(final)) ? best : null;
  }
}

function maxAbs(x: Float64Array): number {
  let m = 0;
  for (const v of x) m = Math.max(m, Math.abs(v));
  return m;
}

/** The stable fixed points, labelled by their largest-magnitude coordinates, e.g. 'Q1 = 0.83'. */
function stablePoints(model: Model, params: Params): { label: string; x: Float64Array }[] {
  const analysis = analyzeFixedPoints(model, params);
  return analysis.points
    .filter((p) => p.stability === 'stable')
    .map((p) => {
      const named = analysis.names
        .map((name, i) => ({ name, v: p.x[i]! }))
        .filter((c) => Math.abs(c.v) > 1e-6)
        .sort((a, b) => Math.abs(b.v) - Math.abs(a.v))
        .slice(0, 2)
        .map((c) => `${c.name} = ${Number(c.v.toPrecision(3))}`);
      return { label: p.type ?? (named.length ? named.join(', ') : 'origin'), x: p.x };
    });
}

/** The grid's axis values: linear, or geometric when log. */
export function gridEdges(range: [number, number], n: number, log: boolean): number[] {
  const [a, b] = range;
  return Array.from({ length: n + 1 }, (_, k) =>
    log ? Math.exp(Math.log(a) + ((Math.log(b) - Math.log(a)) * k) / n) : a + ((b - a) * k) / n,
  );
}

/** The n×n cells of the attraction plane, row by row (j·n + i). */
export function attractionGrid(view: AttractionView, n: number, log: boolean): AttractionCell[] {
  const xs = gridEdges(view.xRange, n, log && view.log === true);
  const ys = gridEdges(view.yRange, n, log && view.log === true);
  const cells: AttractionCell[] = [];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++)
      cells.push({ x0: xs[i]!, x1: xs[i + 1]!, y0: ys[j]!, y1: ys[j + 1]! });
  return cells;
}

/** A cell split into k×k sub-cells (same spacing as its parent grid: geometric when log). */
export function subdivide(cell: AttractionCell, k: number, log: boolean): AttractionCell[] {
  const xs = gridEdges([cell.x0, cell.x1], k, log);
  const ys = gridEdges([cell.y0, cell.y1], k, log);
  const out: AttractionCell[] = [];
  for (let j = 0; j < k; j++)
    for (let i = 0; i < k; i++)
      out.push({ x0: xs[i]!, x1: xs[i + 1]!, y0: ys[j]!, y1: ys[j + 1]! });
  return out;
}

/**
 * Label attraction cells: the ODE from the cell's centre (geometric centre when log; the other
 * order parameters from initialState) run to the view's settle time (default the theory's, or T).
 */
export function labelCells(
  model: Model,
  params: Params,
  cells: AttractionCell[],
  options: { log: boolean; classifier?: BasinClassifier; signal?: { aborted: boolean } },
): LabelledCell[] {
  const view = viewSpec(model, 'attraction');
  if (!view) throw new Error(`model ${model.id} has no attraction view`);
  const names = model.stateNames(params);
  const ix = names.indexOf(view.x);
  const iy = names.indexOf(view.y);
  if (ix < 0 || iy < 0) throw new Error(`attraction axes ${view.x}, ${view.y} are not state names`);
  const classifier = options.classifier ?? new BasinClassifier(model, params);
  const rhs = model.rhs(params);
  const tolerances = model.odeTolerances?.(params);
  const base = model.initialState(params);
  const T =
    view.settleTime?.(params) ??
    model.theory?.settleTime?.(params) ??
    Math.max(num(params, 'T'), 1000);
  const mid = (a: number, b: number) => (options.log ? Math.sqrt(a * b) : (a + b) / 2);
  const out: LabelledCell[] = [];
  for (const cell of cells) {
    if (options.signal?.aborted) break;
    const x0 = Float64Array.from(base);
    x0[ix] = mid(cell.x0, cell.x1);
    x0[iy] = mid(cell.y0, cell.y1);
    const sol = solveOde(rhs, x0, [0, T], { ...tolerances, signal: options.signal });
    const final = sol.y.slice((sol.t.length - 1) * sol.dim);
    out.push({ ...cell, label: sol.status === 'done' ? classifier.label(final) : null });
  }
  return out;
}

/**
 * The coarse cells whose label differs from a 4-neighbour's: where the boundary runs, and so
 * where a finer grid pays.
 */
export function boundaryCells(labels: (string | null)[], n: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const here = labels[j * n + i];
      const differs = [
        [i - 1, j],
        [i + 1, j],
        [i, j - 1],
        [i, j + 1],
      ].some(([a, b]) => a! >= 0 && a! < n && b! >= 0 && b! < n && labels[b! * n + a!] !== here);
      if (differs) out.push(j * n + i);
    }
  return out;
}

export interface BasinCount {
  label: string;
  count: number;
  fraction: number;
  /** Binomial standard error √(f(1 − f)/R). */
  stderr: number;
}

/** Counts per basin label (null: 'not settled'), sorted by label. */
export function basinFractions(labels: (string | null)[]): BasinCount[] {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l ?? 'not settled', (counts.get(l ?? 'not settled') ?? 0) + 1);
  const R = labels.length;
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, count]) => {
      const fraction = count / R;
      return { label, count, fraction, stderr: Math.sqrt((fraction * (1 - fraction)) / R) };
    });
}

/** Many SGD runs of one state (the given streams of its seed), each kept, on one time grid. */
export function sgdEnsemble(
  model: Model,
  params: Params,
  streams: number[],
  samples: number,
  signal?: { aborted: boolean },
): { names: string[]; t: Float64Array; runs: Float64Array[] } {
  const r = runSgd(model, params, { streams, samples, signal });
  return { names: r.names, t: r.t, runs: r.perRun };
}

/** The ODE's state at T from each start (NaN-filled where it diverged). */
export function odeFinals(
  model: Model,
  params: Params,
  starts: Float64Array[],
  T: number,
): Float64Array[] {
  const rhs = model.rhs(params);
  const tolerances = model.odeTolerances?.(params) ?? {};
  return starts.map((x0) => {
    const sol = solveOde(rhs, x0, [0, T], tolerances);
    return sol.status === 'done'
      ? sol.y.slice(sol.dim)
      : new Float64Array(x0.length).fill(Number.NaN);
  });
}
