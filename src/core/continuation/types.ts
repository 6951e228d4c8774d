/**
 * The continuation's results, shaped for drawing: flat arrays per branch with the stability of
 * every point, and special points with their type, parameter value, state and eigenvalues.
 * Plain arrays of numbers only, so a result crosses threads and prints as JSON unchanged.
 */
import type { Eigenvalue, Stability } from '../stability';

export type SpecialKind = 'fold' | 'hopf' | 'branch-point';

export interface SpecialPoint {
  kind: SpecialKind;
  /** The axis value at the point. */
  p: number;
  /** The full state. */
  x: number[];
  /** All eigenvalues of ∂F/∂x there, descending real part. */
  eigenvalues: Eigenvalue[];
  /** Index into the branch's points: the point lies between index − 1 and index. */
  index: number;
  /** Hopf: the frequency ω of the crossing pair ±iω. */
  omega?: number;
  /**
   * Hopf: the first Lyapunov coefficient l₁ (Kuznetsov, "Elements of Applied Bifurcation
   * Theory", §5.4; hopf.ts), with ⟨q, q⟩ = 1; l₁ < 0 supercritical (a stable cycle on the unstable
   * side). null on a family of equilibria, where a Hopf point is degenerate.
   */
  lyapunov?: number | null;
  /**
   * From l₁, or on a family from the numerical test of familyHopf.ts (criticalityTest says
   * what it found). null where neither decides.
   */
  criticality?: 'supercritical' | 'subcritical' | null;
  /** On a family: the numerical test's finding, in words. */
  criticalityTest?: string;
  /** Branch point: the direction of the other branch in (x, p), unit length. */
  direction?: number[];
}

export interface Branch {
  /** The axis continued (a parameter key or a derived axis such as 'alpha'). */
  axis: string;
  names: string[];
  /** Axis values, one per point. */
  p: number[];
  /** States, row-major: x[k * names.length + i]. */
  x: number[];
  /** Eigenvalues, row-major like x: eigRe[k * n + i], eigIm[k * n + i] (descending real part). */
  eigRe: number[];
  eigIm: number[];
  /** Stability per point (of the transverse dynamics on a family). */
  stability: Stability[];
  /** The largest real part per point (transverse on a family): the leading eigenvalue. */
  leading: number[];
  special: SpecialPoint[];
  /** On a family of equilibria: its dimension and the coordinates held fixed. */
  family: { dimension: number; pinned: string[] } | null;
  /** Why the branch ended at its first and its last point. */
  ends: [string, string];
}

export interface Curve {
  kind: 'fold' | 'hopf';
  /** The two axes. */
  axes: [string, string];
  p1: number[];
  p2: number[];
  /** States along the curve, row-major. */
  x: number[];
  /** Hopf: ω along the curve. */
  omega?: number[];
  ends: [string, string];
}

export interface PeriodicBranch {
  axis: string;
  names: string[];
  p: number[];
  period: number[];
  /** Per orbit and state variable: min and max over one period, row-major. */
  min: number[];
  max: number[];
  /** Per orbit: the largest Floquet multiplier modulus besides the trivial one (< 1 stable). */
  multiplier: number[];
  stability: Stability[];
  ends: [string, string];
}
