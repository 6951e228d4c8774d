/**
 * A whole one-parameter bifurcation diagram of a model: every fixed point the engine finds at
 * the start value (and three members of each family) continued along the axis, the other
 * branch at each branch point, and, with a second axis, the fold and Hopf curves through the
 * special points found. What the CLI's `continue` prints and a bifurcation view draws.
 */
import { analyzeFixedPoints } from '../analysis';
import type { Model } from '../model';
import type { Params } from '../params';
import { continueFoldCurve, continueHopfCurve } from './curves';
import {
  axisValue,
  continueEquilibrium,
  continueFromBranchPoint,
  type EquilibriumOptions,
} from './equilibria';
import { testFamilyHopfs } from './familyHopf';
import { periodicFromHopf } from './periodic';
import type { Branch, Curve, PeriodicBranch, SpecialPoint } from './types';

export interface DiagramOptions {
  axis: string;
  range: [number, number];
  /** A second axis: fold and Hopf curves in (axis, axis2). */
  axis2?: string;
  range2?: [number, number];
  /** Continue the periodic orbits born at each Hopf point. */
  orbits?: boolean;
  /**
   * Test the criticality of Hopf points on a family by integration (default true; tens of ms
   * each). The phase plane's curves leave it out: they do not show it.
   */
  familyCriticality?: boolean;
  maxPoints?: number;
}

export interface Diagram {
  branches: Branch[];
  curves: Curve[];
  periodic: PeriodicBranch[];
  /** What could not be continued, in words (e.g. a Hopf point on a family has no orbits). */
  notes: string[];
}

/** Whether (x, p) lies on the branch, to within tol (linear interpolation in p). */
function onBranch(b: Branch, x: ArrayLike<number>, p: number, tol: number): boolean {
  const n = b.names.length;
  for (let k = 0; k + 1 < b.p.length; k++) {
    const a = b.p[k]!;
    const c = b.p[k + 1]!;
    if ((p - a) * (p - c) > 0) continue;
    const w = c === a ? 0 : (p - a) / (c - a);
    let d = 0;
    for (let i = 0; i < n; i++) {
      const xi = b.x[k * n + i]! + w * (b.x[(k + 1) * n + i]! - b.x[k * n + i]!);
      d = Math.max(d, Math.abs(xi - x[i]!));
    }
    if (d < tol) return true;
  }
  return false;
}

function samePoint(a: SpecialPoint, b: SpecialPoint): boolean {
  return (
    a.kind === b.kind &&
    Math.abs(a.p - b.p) < 1e-7 &&
    a.x.every((v, i) => Math.abs(v - b.x[i]!) < 1e-6)
  );
}

/** The bifurcation diagram along options.axis from the model's fixed points at params. */
export function bifurcationDiagram(model: Model, params: Params, options: DiagramOptions): Diagram {
  const eq: EquilibriumOptions = {
    axis: options.axis,
    range: options.range,
    ...(options.maxPoints ? { maxPoints: options.maxPoints } : {}),
  };
  const p0 = axisValue(model, params, options.axis);
  const found = analyzeFixedPoints(model, params);
  const starts: Float64Array[] = found.points.map((p) => p.x);
  for (const f of found.families) {
    const s = f.samples;
    if (s.length === 0) continue;
    starts.push(s[0]!.x, s[Math.floor(s.length / 2)]!.x, s[s.length - 1]!.x);
  }
  const branches: Branch[] = [];
  const notes: string[] = [];
  const covered = (x: ArrayLike<number>, p: number) =>
    branches.some((b) => onBranch(b, x, p, 1e-5));
  for (const x of starts) {
    if (covered(x, p0)) continue;
    try {
      branches.push(continueEquilibrium(model, params, x, eq));
    } catch (err) {
      notes.push(`a start was not continued: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // Branch switching, also at the branch points of branches found by switching (three rounds).
  const done: SpecialPoint[] = [];
  for (let round = 0, from = 0; round < 3 && from < branches.length; round++) {
    const upto = branches.length;
    const bps = branches
      .slice(from, upto)
      .flatMap((b) => b.special.filter((s) => s.kind === 'branch-point'));
    from = upto;
    for (const bp of bps) {
      if (!bp.direction || done.some((d) => samePoint(d, bp))) continue;
      done.push(bp);
      switchAt(bp);
    }
  }
  function switchAt(bp: SpecialPoint) {
    if (!bp.direction) return;
    const n = bp.x.length;
    const step = 1e-3 * Math.abs(options.range[1] - options.range[0]);
    const ahead = bp.x.map((v, i) => v + step * bp.direction![i]!);
    if (covered(ahead, bp.p + step * bp.direction[n]!)) return;
    try {
      branches.push(continueFromBranchPoint(model, params, bp, eq));
    } catch (err) {
      notes.push(`no switch at the branch point ${options.axis} = ${bp.p}: ${String(err)}`);
    }
  }
  const special: SpecialPoint[] = [];
  for (const b of branches)
    for (const s of b.special) if (!special.some((t) => samePoint(s, t))) special.push(s);
  const curves: Curve[] = [];
  if (options.axis2 && options.range2) {
    const copt = {
      axes: [options.axis, options.axis2] as [string, string],
      ranges: [options.range, options.range2] as [[number, number], [number, number]],
      ...(options.maxPoints ? { maxPoints: options.maxPoints } : {}),
    };
    const continued: SpecialPoint[] = [];
    for (const s of special) {
      if (s.kind === 'branch-point') continue;
      // A curve lives in the parameter plane, which sees only (p, p₂): a second point of the
      // same kind at the same p (another member of a family of equilibria, as on the GAN's
      // q = r = 0 line, where every member's Hopf point has the same α) starts the same curve
      // again. Continuing each one cost seconds apiece (docs/continuation.md, "Where a curve starts").
      if (continued.some((t) => t.kind === s.kind && sameParameter(t.p, s.p))) continue;
      continued.push(s);
      try {
        curves.push(
          s.kind === 'fold'
            ? continueFoldCurve(model, params, s, copt)
            : continueHopfCurve(model, params, s, copt),
        );
      } catch (err) {
        notes.push(`the ${s.kind} at ${options.axis} = ${s.p} was not continued: ${String(err)}`);
      }
    }
  }
  const periodic: PeriodicBranch[] = [];
  const onFamilies: { branch: Branch; hopf: SpecialPoint }[] = [];
  for (const b of branches) {
    for (const s of b.special) {
      if (s.kind !== 'hopf' || !special.includes(s)) continue;
      if (s.lyapunov === null) {
        onFamilies.push({ branch: b, hopf: s });
        continue;
      }
      if (!options.orbits) continue;
      try {
        periodic.push(
          periodicFromHopf(model, params, s, { axis: options.axis, range: options.range }),
        );
      } catch (err) {
        notes.push(
          `no periodic orbits from the Hopf point at ${options.axis} = ${s.p}: ${String(err)}`,
        );
      }
    }
  }
  if (options.familyCriticality !== false && onFamilies.length) {
    const found = testFamilyHopfs(model, params, onFamilies, {
      axis: options.axis,
      range: options.range,
      orbits: options.orbits ?? false,
    });
    periodic.push(...found.periodic);
    notes.push(...found.notes);
  }
  return { branches, curves, periodic, notes };
}

/** The same parameter value, to the continuation's locating tolerance (relative 10⁻⁷). */
function sameParameter(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));
}
