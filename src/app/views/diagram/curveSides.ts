/**
 * Which parts of a fold or Hopf curve are phase boundaries. A curve by continuation is where
 * some equilibrium bifurcates, but the phase of a cell is what the ODE from the model's start
 * settles on: where the bifurcating equilibrium is not the one the run reaches, the phase is
 * the same on both sides (the GAN's Hopf line of the q = r = 0 family beyond τ = Λ/η̄², inside
 * noninfo-2). The cells decide it: each segment of the curve is probed a cell and a half to
 * either side (docs/continuation.md, "In the phase diagram").
 */

/** 'splits': the cells' phases differ across the segment; 'inside': they agree; 'unknown': a
 * probe fell outside the grid or on a cell not computed yet. */
export type CurveSide = 'splits' | 'inside' | 'unknown';

export interface CellGrid {
  /** Nodes per axis: cell (i, j) sits at from + (to − from)·i/(n − 1), cells[j·n + i]. */
  n: number;
  xRange: [number, number];
  yRange: [number, number];
  cells: ({ label: string } | null)[];
}

/** How far each probe lies from the segment, in grid steps: past the cell the curve crosses,
 * whose label may be either side's. */
const PROBE_STEPS = 1.5;
/** Segments on either side whose sides vote with a segment's own (single mislabelled cells near
 * a bifurcation, where the ODE settles slowly, would otherwise speckle the curve). */
const VOTE_RADIUS = 2;

/** The side of each segment k (points k and k + 1) of the curve. */
export function curveSides(curve: { x: number[]; y: number[] }, grid: CellGrid): CurveSide[] {
  const { n } = grid;
  const toGrid = (v: number, [a, b]: [number, number]) => ((v - a) / (b - a || 1)) * (n - 1);
  const label = (u: number, v: number): string | null => {
    const i = Math.round(u);
    const j = Math.round(v);
    if (n < 2 || i < 0 || j < 0 || i >= n || j >= n) return null;
    return grid.cells[j * n + i]?.label ?? null;
  };
  const raw: CurveSide[] = [];
  for (let k = 0; k + 1 < curve.x.length; k++) {
    const u0 = toGrid(curve.x[k]!, grid.xRange);
    const v0 = toGrid(curve.y[k]!, grid.yRange);
    const u1 = toGrid(curve.x[k + 1]!, grid.xRange);
    const v1 = toGrid(curve.y[k + 1]!, grid.yRange);
    const length = Math.hypot(u1 - u0, v1 - v0);
    if (!(length > 0)) {
      raw.push('unknown');
      continue;
    }
    const [nu, nv] = [(-(v1 - v0) / length) * PROBE_STEPS, ((u1 - u0) / length) * PROBE_STEPS];
    const [mu, mv] = [(u0 + u1) / 2, (v0 + v1) / 2];
    const a = label(mu + nu, mv + nv);
    const b = label(mu - nu, mv - nv);
    raw.push(a === null || b === null ? 'unknown' : a === b ? 'inside' : 'splits');
  }
  return raw.map((side, k) => {
    if (side === 'unknown') return side;
    let vote = 0;
    for (let j = Math.max(0, k - VOTE_RADIUS); j <= Math.min(raw.length - 1, k + VOTE_RADIUS); j++)
      vote += raw[j] === 'inside' ? 1 : raw[j] === 'splits' ? -1 : 0;
    // A tie draws the curve as a boundary: the solid line is the claim the continuation makes.
    return vote > 0 ? 'inside' : 'splits';
  });
}

/**
 * The curve cut into runs of points drawn alike: solid where it splits phases (or where the
 * cells cannot tell yet), dotted inside one phase. Neighbouring runs share their end point.
 */
export function curveRuns(
  curve: { x: number[]; y: number[] },
  sides: CurveSide[],
): { inside: boolean; points: [number, number][] }[] {
  const runs: { inside: boolean; points: [number, number][] }[] = [];
  const point = (k: number): [number, number] => [curve.x[k]!, curve.y[k]!];
  if (curve.x.length === 1) return [{ inside: false, points: [point(0)] }];
  sides.forEach((side, k) => {
    const inside = side === 'inside';
    const last = runs[runs.length - 1];
    if (last && last.inside === inside) last.points.push(point(k + 1));
    else runs.push({ inside, points: [point(k), point(k + 1)] });
  });
  return runs;
}
