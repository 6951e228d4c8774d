/**
 * Fixed points of autonomous ODEs x' = F(x): Newton/Levenberg–Marquardt from many starts,
 * deduplication, Jacobians, eigenvalues, a stability label, and continua ("families") of fixed
 * points such as the GAN's plane q = r = 0 (Claim 1 of the GAN paper), which a point search would
 * otherwise report as thousands of separate marginal points (described in fixedPointFamilies.ts).
 *
 * Conventions: an `Rhs` is called with t = 0; matrices are n×n row-major Float64Arrays,
 * J[i * n + j] = ∂F_i/∂x_j; eigenvalues come sorted by descending real part.
 */
import {
  type Analysed,
  buildFamily,
  type FixedPointFamily,
  nullSpace,
  offSpan,
} from './fixedPointFamilies';
import { distance, matNormInf, norm2, normInf } from './linalg';
import { DEFAULT_RESIDUAL_TOL, DEFAULT_STEP_TOL, type NewtonOptions, newtonSolve } from './newton';
import type { AbortSignalLike, Rhs } from './ode';
import { classifyPiecewise, onJumps } from './piecewise';
import { Rng } from './rng';
import {
  type Classification,
  classify,
  DEFAULT_CLASSIFY_TOL,
  eigenScale,
  type Eigenvalue,
  eigenvalues,
  jacobian,
  type JacobianFn,
  type PiecewiseRhs,
} from './stability';
import { drain } from './steps';

// The engine's public API also includes the stability and Newton parts.
export * from './fixedPointFamilies';
export * from './newton';
export * from './piecewise';
export * from './stability';

const DEFAULT_ZERO_TOL = 1e-6;
// A chord between two members may leave the null space of J by this fraction of its length.
const TANGENT_TOL = 1e-4;
// The midpoint of two members may be off the continuum by this many times the distance Newton
// leaves a member off it (stepTol, relative), as seen through ‖J‖.
const MIDPOINT_SLACK = 10;

export interface FixedPoint extends Classification {
  x: Float64Array;
  /** All n eigenvalues of J(x), descending real part (family members include the zero ones). */
  eigenvalues: Eigenvalue[];
  /** ‖F(x)‖∞ in the units of dx/dt. */
  residual: number;
  /**
   * True for members of a family: stability and kind then describe the transverse dynamics
   * only (the family's own zero eigenvalues are left out, see `classifyTransverse`).
   */
  transverse: boolean;
  /**
   * For a point on a jump of a piecewise field: the coordinates the flow holds on their
   * hyperplane from both sides (they are left out of `eigenvalues`, see classifyPiecewise).
   */
  sliding?: number[];
  /** For a point on a jump: the deciding rate of classifyPiecewise (e.g. 1/8 − α at XOR's origin). */
  pieceRate?: number | null;
}

export interface FixedPointReport {
  /** Isolated fixed points (and lone points with zero eigenvalues), sorted lexicographically. */
  points: FixedPoint[];
  families: FixedPointFamily[];
  /** Starts tried (fewer than given when aborted) and how many of them converged. */
  starts: number;
  converged: number;
  aborted: boolean;
}

/**
 * A full grid of starts: perAxis evenly spaced values from lo[k] to hi[k] on every axis (the
 * midpoint when perAxis = 1), perAxis^dim points, the first axis varying fastest.
 */
export function gridStarts(lo: number[], hi: number[], perAxis: number): Float64Array[] {
  if (lo.length !== hi.length) {
    throw new RangeError(`lo and hi must have the same length; got ${lo.length} and ${hi.length}`);
  }
  if (!Number.isInteger(perAxis) || perAxis < 1) {
    throw new RangeError(`perAxis must be a whole number ≥ 1; got ${perAxis}`);
  }
  const dim = lo.length;
  const total = perAxis ** dim;
  if (total > 1e6) {
    throw new RangeError(`${perAxis}^${dim} = ${total} starts is too many; use at most 1e6`);
  }
  const value = (k: number, a: number) =>
    perAxis === 1 ? (lo[k]! + hi[k]!) / 2 : lo[k]! + ((hi[k]! - lo[k]!) * a) / (perAxis - 1);
  const starts: Float64Array[] = [];
  for (let idx = 0; idx < total; idx++) {
    const x = new Float64Array(dim);
    let rest = idx;
    for (let k = 0; k < dim; k++) {
      x[k] = value(k, rest % perAxis);
      rest = Math.floor(rest / perAxis);
    }
    starts.push(x);
  }
  return starts;
}

/** count starts uniform in the box [lo, hi], from `rng` (default: seed 1, stream 0). */
export function randomStarts(
  lo: number[],
  hi: number[],
  count: number,
  rng: Rng = new Rng(1),
): Float64Array[] {
  if (lo.length !== hi.length) {
    throw new RangeError(`lo and hi must have the same length; got ${lo.length} and ${hi.length}`);
  }
  const starts: Float64Array[] = [];
  for (let c = 0; c < count; c++) {
    starts.push(Float64Array.from(lo, (l, k) => l + (hi[k]! - l) * rng.nextFloat()));
  }
  return starts;
}

// ---------------------------------------------------------------------------------------------
// The search.

export interface FindOptions {
  /** Where Newton starts (each of length dim). */
  starts: Float64Array[];
  analyticJacobian?: JacobianFn;
  /** Relative finite-difference step (default 1e-6). */
  h?: number;
  /** Two points are one when ‖x_a − x_b‖₂ ≤ dedupTol·max(1, ‖x_a‖₂) (default 1e-6). */
  dedupTol?: number;
  /** Newton's residual tolerance (default 1e-11; see newtonSolve). */
  residualTol?: number;
  /** Newton's step tolerance (default 1e-8; see newtonSolve). */
  stepTol?: number;
  /** Newton iterations per start (default 100). */
  maxIterations?: number;
  /** Constraint projection passed to newtonSolve. */
  project?: (x: Float64Array) => void;
  /** Checked between starts; an aborted search reports what it has found. */
  signal?: AbortSignalLike;
  /** An eigenvalue is zero when |λ| < zeroTol·max(1, max|λ|) (default 1e-6); so is a singular value. */
  zeroTol?: number;
  /** Tolerance of classify (default 1e-7). */
  classifyTol?: number;
  /**
   * The field's smooth pieces when it jumps across hyperplanes x_j = 0: Jacobians are then
   * one-sided, and a point on a jump is classified by its pieces (classifyPiecewise). Such a
   * point is not linked into families (its null space is not that of one Jacobian).
   */
  piecewise?: PiecewiseRhs;
}

function lexicographic(tol: number) {
  return (a: Float64Array, b: Float64Array): number => {
    for (let i = 0; i < a.length; i++) {
      const d = a[i]! - b[i]!;
      if (Math.abs(d) > tol * Math.max(1, Math.abs(a[i]!), Math.abs(b[i]!))) return d;
    }
    return 0;
  };
}

function findRoot(parent: number[], a: number): number {
  while (parent[a] !== a) {
    parent[a] = parent[parent[a]!]!;
    a = parent[a]!;
  }
  return a;
}

/**
 * Fixed points of x' = F(x) found by newtonSolve from every start, deduplicated, each with its
 * Jacobian's eigenvalues and classification.
 *
 * Families: converged points a, b are linked when (1) J(x_a) and J(x_b) each have at least one
 * eigenvalue with |λ| < zeroTol·max(1, max|λ|); (2) the chord d = x_b − x_a lies in the null
 * space of J(x_a) or of J(x_b): ‖d − Πd‖₂ ≤ 1e-4·‖d‖₂ with Π the projector onto the right
 * singular vectors with σ < zeroTol·max(1, σ_max); (3) the midpoint is a fixed point:
 * ‖F((x_a + x_b)/2)‖∞ ≤ 10·stepTol·max(‖J_a‖∞, ‖J_b‖∞)·max(1, ‖mid‖∞). Linked points
 * form families (single linkage); a family needs at least two members, so a lone point with
 * a zero eigenvalue stays in `points` (marginal). The test is exact for flat continua, such as
 * the GAN's q = r = 0 (every P) or (P, 0) of P' = −Pq², q' = −q; a curved continuum (a circle
 * of fixed points) fails (3) for distant members and comes out in pieces.
 * A family's basis is the principal directions of its members (spreads below 1e-6 of the
 * widest dropped, at most the smallest null-space dimension among the members); its members
 * are classified by `classifyTransverse` with that dimension.
 */
export function findFixedPoints(rhs: Rhs, dim: number, options: FindOptions): FixedPointReport {
  return drain(findFixedPointsInSteps(rhs, dim, options));
}

/**
 * findFixedPoints in steps: it yields after each start, each analysed point and each row of the
 * family linkage, so that a worker can answer a cancel between steps (without a yield, a stale
 * search of ~0.5 s could only be stopped by ending the worker, and a new one costs a module load).
 */
export function* findFixedPointsInSteps(
  rhs: Rhs,
  dim: number,
  options: FindOptions,
): Generator<void, FixedPointReport> {
  const dedupTol = options.dedupTol ?? 1e-6;
  const residualTol = options.residualTol ?? DEFAULT_RESIDUAL_TOL;
  const stepTol = options.stepTol ?? DEFAULT_STEP_TOL;
  const zeroTol = options.zeroTol ?? DEFAULT_ZERO_TOL;
  const classifyTol = options.classifyTol ?? DEFAULT_CLASSIFY_TOL;
  const newton: NewtonOptions = {
    analyticJacobian: options.analyticJacobian,
    h: options.h,
    residualTol,
    stepTol,
    maxIterations: options.maxIterations,
    project: options.project,
  };
  const jacOptions = {
    analytic: options.analyticJacobian,
    h: options.h,
    piecewise: options.piecewise,
  };

  const found: { x: Float64Array; residual: number }[] = [];
  let tried = 0;
  let converged = 0;
  let aborted = false;
  for (const start of options.starts) {
    if (options.signal?.aborted) {
      aborted = true;
      break;
    }
    if (start.length !== dim) {
      throw new RangeError(`every start must have ${dim} coordinates; got ${start.length}`);
    }
    tried++;
    yield;
    const r = newtonSolve(rhs, start, newton);
    if (!r.converged) continue;
    converged++;
    const same = found.find((p) => distance(p.x, r.x) <= dedupTol * Math.max(1, norm2(p.x)));
    if (!same) found.push({ x: r.x, residual: r.residual });
    else if (r.residual < same.residual) {
      same.x = r.x;
      same.residual = r.residual;
    }
  }

  const analysed: Analysed[] = [];
  for (const { x, residual } of found) {
    yield;
    analysed.push(analysePoint(x, residual));
  }
  function analysePoint(x: Float64Array, residual: number): Analysed {
    const pw = options.piecewise;
    if (pw && onJumps(pw, x).length > 0) {
      const c = classifyPiecewise(pw, x, { h: options.h, classifyTol });
      const J = jacobian(rhs, x, jacOptions);
      return {
        x,
        residual,
        eigenvalues: c.eigenvalues,
        jNorm: matNormInf(J, dim),
        zeros: 0,
        kernel: [],
        byPieces: {
          stability: c.stability,
          kind: c.kind,
          focus: c.focus,
          sliding: c.sliding,
          pieceRate: c.rate,
        },
      };
    }
    const J = jacobian(rhs, x, jacOptions);
    const eigs = eigenvalues(J, dim);
    const cut = zeroTol * eigenScale(eigs);
    const zeros = eigs.filter((e) => Math.hypot(e.re, e.im) < cut).length;
    return {
      x,
      residual,
      eigenvalues: eigs,
      jNorm: matNormInf(J, dim),
      zeros,
      kernel: zeros > 0 ? nullSpace(J, dim, zeroTol) : [],
    };
  }

  // Single-linkage grouping; pairs already in one group are skipped, so a flat family costs
  // O(m) rhs evaluations rather than O(m²).
  const parent = analysed.map((_, k) => k);
  const candidates = analysed.flatMap((p, k) => (p.kernel.length > 0 ? [k] : []));
  const mid = new Float64Array(dim);
  const fMid = new Float64Array(dim);
  const chord = new Float64Array(dim);
  for (let u = 0; u < candidates.length; u++) {
    yield;
    for (let v = u + 1; v < candidates.length; v++) {
      const ia = candidates[u]!;
      const ib = candidates[v]!;
      const ra = findRoot(parent, ia);
      const rb = findRoot(parent, ib);
      if (ra === rb) continue;
      const a = analysed[ia]!;
      const b = analysed[ib]!;
      for (let i = 0; i < dim; i++) chord[i] = b.x[i]! - a.x[i]!;
      const len = norm2(chord);
      const tangent =
        offSpan(chord, a.kernel) <= TANGENT_TOL * len ||
        offSpan(chord, b.kernel) <= TANGENT_TOL * len;
      if (!tangent) continue;
      for (let i = 0; i < dim; i++) mid[i] = 0.5 * (a.x[i]! + b.x[i]!);
      rhs(0, mid, fMid);
      const midTol =
        MIDPOINT_SLACK * stepTol * Math.max(a.jNorm, b.jNorm) * Math.max(1, normInf(mid));
      if (normInf(fMid) <= midTol) parent[ra] = rb;
    }
  }
  const groups = new Map<number, number[]>();
  analysed.forEach((_, k) => {
    const r = findRoot(parent, k);
    groups.set(r, [...(groups.get(r) ?? []), k]);
  });

  const points: FixedPoint[] = [];
  const families: FixedPointFamily[] = [];
  for (const members of groups.values()) {
    if (members.length === 1) {
      const p = analysed[members[0]!]!;
      points.push({
        x: p.x,
        eigenvalues: p.eigenvalues,
        residual: p.residual,
        transverse: false,
        ...(p.byPieces ?? classify(p.eigenvalues, classifyTol)),
      });
      continue;
    }
    const group = members.map((k) => analysed[k]!);
    families.push(buildFamily(group, dim, classifyTol));
  }
  const order = lexicographic(dedupTol);
  points.sort((a, b) => order(a.x, b.x));
  families.sort((a, b) => order(a.anchor, b.anchor));
  return { points, families, starts: tried, converged, aborted };
}
