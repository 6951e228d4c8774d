/**
 * A model's equilibrium equations F(x; p) = 0 as functions of the state and of one or two axes
 * (parameters, or derived axes such as the GAN's α = τ̃/τ), with the coordinates of a family of
 * equilibria pinned.
 *
 * A family (the GAN's line q = r = 0, the contrastive Q₁ + Q₂ line) makes ∂F/∂x singular at every
 * member, so Newton on F = 0 has no unique answer. For a family of dimension k we pin the k
 * coordinates along which the null vectors of ∂F/∂x are largest and drop the k equations along
 * which the left null vectors are largest (those equations hold on the whole family): the
 * remaining square system has one member as its regular solution (docs/continuation.md).
 */
import { SingularValueDecomposition } from 'ml-matrix';

import { setAxis } from '../analysis';
import type { Model } from '../model';
import type { Rhs } from '../ode';
import type { Params } from '../params';
import { jacobian } from '../stability';

export interface Pin {
  /** Index of the pinned coordinate in the full state. */
  index: number;
  value: number;
}

export class EquilibriumSystem {
  readonly names: string[];
  /** Size of the full state. */
  readonly n: number;
  /** Full-state indices of the unknowns (all but the pinned ones). */
  readonly free: number[];
  /** Indices of the equations kept (all but the dropped ones). */
  readonly kept: number[];
  private cacheKey = '';
  private cacheRhs: Rhs | null = null;
  private cacheJac: ((x: Float64Array, out: Float64Array) => void) | undefined;
  private readonly work: Float64Array;
  private readonly full: Float64Array;

  constructor(
    readonly model: Model,
    readonly base: Params,
    /** The axes the parameter vector sets, in order (a derived axis after the parameters). */
    readonly axes: string[],
    readonly pins: Pin[] = [],
    readonly dropped: number[] = [],
  ) {
    this.names = model.stateNames(base);
    this.n = this.names.length;
    const pinned = new Set(pins.map((p) => p.index));
    this.free = [...Array(this.n).keys()].filter((i) => !pinned.has(i));
    const drop = new Set(dropped);
    this.kept = [...Array(this.n).keys()].filter((i) => !drop.has(i));
    if (this.free.length !== this.kept.length) {
      throw new RangeError('pin as many coordinates as equations are dropped');
    }
    this.work = new Float64Array(this.n);
    this.full = new Float64Array(this.n);
  }

  /** Size of the (reduced) unknown vector. */
  get size(): number {
    return this.free.length;
  }

  /** The model parameters at axis values pv (derived axes are applied after plain ones). */
  paramsAt(pv: ArrayLike<number>): Params {
    const p = { ...this.base };
    const derived = new Set((this.model.theory?.derivedAxes ?? []).map((a) => a.key));
    const order = this.axes
      .map((key, k) => ({ key, k }))
      .sort((a, b) => Number(derived.has(a.key)) - Number(derived.has(b.key)));
    for (const { key, k } of order) setAxis(this.model, p, key, pv[k]!);
    return p;
  }

  /** The right-hand side at axis values pv (cached for the last pv). */
  rhsAt(pv: ArrayLike<number>): Rhs {
    const key = Array.from(pv).join(',');
    if (key !== this.cacheKey || !this.cacheRhs) {
      const params = this.paramsAt(pv);
      this.cacheRhs = this.model.rhs(params);
      const analytic = this.model.jacobian?.(params);
      this.cacheJac = analytic ? (x, out) => analytic(0, x, out) : undefined;
      this.cacheKey = key;
    }
    return this.cacheRhs;
  }

  /** The full state from the reduced unknowns u (pinned coordinates filled in). */
  embed(u: ArrayLike<number>): Float64Array {
    const x = new Float64Array(this.n);
    for (const p of this.pins) x[p.index] = p.value;
    this.free.forEach((i, k) => (x[i] = u[k]!));
    return x;
  }

  /** The reduced unknowns of a full state. */
  restrict(x: ArrayLike<number>): Float64Array {
    return Float64Array.from(this.free, (i) => x[i]!);
  }

  /** The full F(x; pv). */
  fullRhs(x: Float64Array, pv: ArrayLike<number>, out: Float64Array): void {
    this.rhsAt(pv)(0, x, out);
  }

  /** The kept equations at the reduced unknowns u. */
  residual(u: ArrayLike<number>, pv: ArrayLike<number>, out: Float64Array): void {
    for (const p of this.pins) this.full[p.index] = p.value;
    this.free.forEach((i, k) => (this.full[i] = u[k]!));
    this.rhsAt(pv)(0, this.full, this.work);
    this.kept.forEach((i, k) => (out[k] = this.work[i]!));
  }

  /** The dropped equations' largest |F_i| at the full state x (zero while on the family). */
  droppedResidual(x: Float64Array, pv: ArrayLike<number>): number {
    if (this.dropped.length === 0) return 0;
    this.rhsAt(pv)(0, x, this.work);
    let m = 0;
    for (const i of this.dropped) m = Math.max(m, Math.abs(this.work[i]!));
    return m;
  }

  /** ∂F/∂x of the full system at x (analytic when the model has it, else central differences). */
  fullJacobian(x: Float64Array, pv: ArrayLike<number>): Float64Array {
    const rhs = this.rhsAt(pv);
    return jacobian(rhs, x, { analytic: this.cacheJac });
  }

  /** ∂F_kept/∂u: the full Jacobian's kept rows and free columns. */
  reducedJacobian(u: ArrayLike<number>, pv: ArrayLike<number>): Float64Array {
    const J = this.fullJacobian(this.embed(u), pv);
    const m = this.size;
    const R = new Float64Array(m * m);
    this.kept.forEach((i, a) => this.free.forEach((j, b) => (R[a * m + b] = J[i * this.n + j]!)));
    return R;
  }

  /** The same system with different pins (e.g. none, after switching off a family). */
  withPins(pins: Pin[], dropped: number[]): EquilibriumSystem {
    return new EquilibriumSystem(this.model, this.base, this.axes, pins, dropped);
  }
}

/** Singular values at or below this fraction of the largest (and of 1) count as zero. */
export const NULL_TOL = 1e-7;

/**
 * The null directions of ∂F/∂x at x: right and left singular vectors of the singular values
 * ≤ NULL_TOL·max(1, σ_max).
 */
export function nullDirections(
  J: Float64Array,
  n: number,
): { right: Float64Array[]; left: Float64Array[] } {
  const rows = Array.from({ length: n }, (_, i) => Array.from(J.subarray(i * n, (i + 1) * n)));
  const svd = new SingularValueDecomposition(rows);
  const s = svd.diagonal;
  const tol = NULL_TOL * Math.max(1, s[0] ?? 0);
  const right: Float64Array[] = [];
  const left: Float64Array[] = [];
  const V = svd.rightSingularVectors;
  const U = svd.leftSingularVectors;
  s.forEach((sigma, k) => {
    if (sigma <= tol) {
      right.push(Float64Array.from({ length: n }, (_, i) => V.get(i, k)));
      left.push(Float64Array.from({ length: n }, (_, i) => U.get(i, k)));
    }
  });
  return { right, left };
}

/** Pins and dropped equations for null directions: the largest entry of each, distinct. */
export function pinsFor(
  x: Float64Array,
  right: Float64Array[],
  left: Float64Array[],
): { pins: Pin[]; dropped: number[] } {
  const pins: Pin[] = [];
  const dropped: number[] = [];
  const argmax = (v: Float64Array, used: Set<number>) => {
    let best = -1;
    for (let i = 0; i < v.length; i++)
      if (!used.has(i) && (best < 0 || Math.abs(v[i]!) > Math.abs(v[best]!))) best = i;
    return best;
  };
  const usedPins = new Set<number>();
  const usedEq = new Set<number>();
  right.forEach((v, k) => {
    const j = argmax(v, usedPins);
    const i = argmax(left[k]!, usedEq);
    usedPins.add(j);
    usedEq.add(i);
    pins.push({ index: j, value: x[j]! });
    dropped.push(i);
  });
  return { pins, dropped };
}

/** The right singular vector of the smallest singular value of the m×m matrix J. */
export function smallestRightSingular(J: Float64Array, m: number): Float64Array {
  const rows = Array.from({ length: m }, (_, i) => Array.from(J.subarray(i * m, (i + 1) * m)));
  const svd = new SingularValueDecomposition(rows);
  const s = svd.diagonal;
  let k = 0;
  for (let i = 1; i < s.length; i++) if (s[i]! < s[k]!) k = i;
  const V = svd.rightSingularVectors;
  return Float64Array.from({ length: m }, (_, i) => V.get(i, k));
}

/** σ_min/σ_max of the m×m matrix J (0 for a singular or zero matrix). */
export function relativeSmallestSingular(J: Float64Array, m: number): number {
  if (m === 0) return 0;
  const rows = Array.from({ length: m }, (_, i) => Array.from(J.subarray(i * m, (i + 1) * m)));
  const s = new SingularValueDecomposition(rows).diagonal;
  const max = Math.max(...s);
  return max > 0 ? Math.min(...s) / max : 0;
}
