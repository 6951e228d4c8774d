/**
 * A phase diagram's exact boundaries: the fold and Hopf curves through its plane, by
 * two-parameter continuation (curves.ts), for the diagram view to draw beside its brute-force
 * cells. The special points are found on two lines through the current parameters (clamped into
 * the plane): the vertical one (continued along y) and the horizontal one (along x); each fold and
 * Hopf point found there is continued in (x, y). A curve that crosses neither line is not found;
 * the view's note says so.
 */
import { setAxis } from '../analysis';
import type { Model } from '../model';
import type { Params } from '../params';
import { bifurcationDiagram } from './diagram';
import { axisValue } from './problem';
import type { Curve } from './types';

/** One axis of the plane: a parameter or derived axis and its range. */
export interface PlaneAxis {
  param: string;
  from: number;
  to: number;
}

/** A boundary in the plane's own (x, y) order. */
export interface BoundaryCurve {
  kind: 'fold' | 'hopf';
  x: number[];
  y: number[];
  /** Why the curve ended at its two ends (curves.ts: range, step underflow, κ = 0, …). */
  ends: [string, string];
}

export interface PlaneBoundaries {
  curves: BoundaryCurve[];
  /** What could not be continued, in words. */
  notes: string[];
}

const clamp = (v: number, a: PlaneAxis) =>
  Math.min(Math.max(a.from, a.to), Math.max(Math.min(a.from, a.to), v));

/** The parameters with both axes clamped into the plane (plain parameters before derived axes). */
function clampedParams(model: Model, params: Params, x: PlaneAxis, y: PlaneAxis): Params {
  const derived = new Set((model.theory?.derivedAxes ?? []).map((a) => a.key));
  const p = { ...params };
  const axes = [x, y].sort((a, b) => Number(derived.has(a.param)) - Number(derived.has(b.param)));
  const values = axes.map((a) => clamp(axisValue(model, params, a.param), a));
  axes.forEach((a, k) => setAxis(model, p, a.param, values[k]!));
  return p;
}

/** The curve in (x, y) order: curves.ts gives it in (continued axis, second axis). */
function inPlane(c: Curve, x: PlaneAxis): BoundaryCurve {
  const swap = c.axes[0] !== x.param;
  return {
    kind: c.kind,
    x: swap ? c.p2 : c.p1,
    y: swap ? c.p1 : c.p2,
    ends: c.ends,
  };
}

/** Whether every point of `a` lies within `tol` (relative to the plane) of a point of `b`. */
function covers(b: BoundaryCurve, a: BoundaryCurve, sx: number, sy: number, tol: number): boolean {
  if (a.kind !== b.kind) return false;
  return a.x.every((ax, i) => {
    const ay = a.y[i]!;
    for (let j = 0; j + 1 < b.x.length; j++) {
      // Distance to the segment j..j+1 of b, in units of the plane's size.
      const x0 = b.x[j]! / sx;
      const y0 = b.y[j]! / sy;
      const dx = b.x[j + 1]! / sx - x0;
      const dy = b.y[j + 1]! / sy - y0;
      const px = ax / sx - x0;
      const py = ay / sy - y0;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / len2)) : 0;
      if (Math.hypot(px - t * dx, py - t * dy) <= tol) return true;
    }
    return b.x.length === 1 && Math.hypot(ax / sx - b.x[0]! / sx, ay / sy - b.y[0]! / sy) <= tol;
  });
}

/**
 * Drop the points of a curve that no step of the stepper could have reached: both neighbours
 * farther than `far` along an axis, while curves.ts steps at most 0.02 of the larger range. A
 * guard: the one case seen, a curve started at the current state's p₂ rather than its special
 * point's (docs/continuation.md, "Where a curve starts"), is fixed in curves.ts.
 */
function dropStrayPoints(c: BoundaryCurve, far: number, notes: string[]): void {
  const gap = (i: number, j: number) =>
    j < 0 || j >= c.x.length
      ? Number.POSITIVE_INFINITY
      : Math.max(Math.abs(c.x[i]! - c.x[j]!), Math.abs(c.y[i]! - c.y[j]!));
  const keep = c.x.map((_, i) => c.x.length < 3 || gap(i, i - 1) <= far || gap(i, i + 1) <= far);
  if (keep.every(Boolean)) return;
  for (let i = 0; i < keep.length; i++)
    if (!keep[i])
      notes.push(`a ${c.kind} point off its curve was dropped at (${c.x[i]}, ${c.y[i]})`);
  c.x = c.x.filter((_, i) => keep[i]);
  c.y = c.y.filter((_, i) => keep[i]);
}

/**
 * The fold and Hopf curves of the model in the (x, y) plane, found from the two lines through the
 * current parameters (clamped into the plane). Duplicates (the same curve reached from two special
 * points, or from both lines) are dropped: a curve within 10⁻³ of the plane's size of a longer one.
 */
export function planeBoundaries(
  model: Model,
  params: Params,
  x: PlaneAxis,
  y: PlaneAxis,
): PlaneBoundaries {
  const p = clampedParams(model, params, x, y);
  const range = (a: PlaneAxis): [number, number] => [
    Math.min(a.from, a.to),
    Math.max(a.from, a.to),
  ];
  const found: BoundaryCurve[] = [];
  const notes: string[] = [];
  for (const [along, across] of [
    [y, x],
    [x, y],
  ] as const) {
    const d = bifurcationDiagram(model, p, {
      axis: along.param,
      range: range(along),
      axis2: across.param,
      range2: range(across),
      familyCriticality: false,
    });
    found.push(...d.curves.map((c) => inPlane(c, x)));
    notes.push(...d.notes);
  }
  const sx = Math.abs(x.to - x.from) || 1;
  const sy0 = Math.abs(y.to - y.from) || 1;
  for (const c of found) dropStrayPoints(c, 0.025 * Math.max(sx, sy0), notes);
  const sy = sy0;
  // Longest first, so that a curve is kept in preference to a piece of it.
  found.sort((a, b) => b.x.length - a.x.length);
  const curves: BoundaryCurve[] = [];
  for (const c of found)
    if (c.x.length > 1 && !curves.some((k) => covers(k, c, sx, sy, 1e-3))) curves.push(c);
  return { curves, notes: [...new Set(notes)] };
}
