/**
 * Fixed points of right-hand sides with jumps across coordinate hyperplanes (PiecewiseRhs, e.g.
 * the XOR mixture of Ben Arous–Gheissari–Jagannath, Prop. 9.2, whose field switches with the
 * sign of each m). A finite-difference Jacobian across a jump is meaningless (it sees a slope of
 * order jump/h), so at a point on a jump stability is decided by the pieces around it, in the
 * sense of Filippov's convex-combination convention:
 * - a switch coordinate whose one-sided normal velocities all point toward its hyperplane
 *   *slides*: it is held at 0 (attracting in that direction) and drops out of the linearisation;
 * - one whose velocity on some side points away is left at a finite speed: unstable;
 * - one where every piece's normal velocity vanishes *rests*: the point is a zero of those
 *   pieces, and each piece's Jacobian (sliding coordinates removed) is examined. It is unstable
 *   when some piece has a growing direction that points into that piece (a real eigenvector
 *   whose signs on the resting coordinates match the piece's sides, or a complex pair); stable
 *   when every piece is stable; marginal otherwise.
 * Assumption (true for the XOR field): the other coordinates' rows are continuous across each
 * hyperplane, i.e. a jump in x_j enters only ẋ_j, as 1{m ≥ 0} enters only ṁ once multiplied by m.
 */
import type { Rhs } from './ode';
import { Rng } from './rng';
import {
  type Classification,
  classify,
  DEFAULT_CLASSIFY_TOL,
  eigenpairs,
  type Eigenvalue,
  jacobian,
  type PiecewiseRhs,
  sidesOf,
} from './stability';

/** |x_j| at or below this (relative to max(1, ‖x‖∞)) puts x on the hyperplane x_j = 0. */
export const ON_JUMP_TOL = 1e-9;
// Normal velocities below this (relative to max(1, the largest one-sided speed)) are zero.
const REST_TOL = 1e-9;
// At most 2^12 adjacent pieces and 3^8 patterns are examined in full; more are sampled (seeded).
const MAX_FULL_ON = 12;
const SAMPLED_PIECES = 4096;
const MAX_FULL_RESTING = 8;
const SAMPLED_PATTERNS = 4096;

function scaleOf(x: Float64Array): number {
  let s = 1;
  for (const v of x) s = Math.max(s, Math.abs(v));
  return s;
}

/** The switch positions k (into pw.switches) at which x lies on its hyperplane. */
export function onJumps(pw: PiecewiseRhs, x: Float64Array): number[] {
  const tol = ON_JUMP_TOL * scaleOf(x);
  const on: number[] = [];
  pw.switches.forEach((j, k) => {
    if (Math.abs(x[j]!) <= tol) on.push(k);
  });
  return on;
}

/**
 * The field whose zeros are the Filippov equilibria, for root finding: the piece x lies on,
 * except that a switch coordinate on its hyperplane whose two one-sided velocities have opposite
 * signs (or one is zero) gets velocity 0, the normal component of the convex combination that
 * keeps it there; with equal signs (the flow crosses) it gets their mean.
 */
export function filippovRhs(pw: PiecewiseRhs): Rhs {
  return (t, x, dx) => {
    const sides = sidesOf(pw, x);
    pw.piece(sides)(t, x, dx);
    const on = onJumps(pw, x);
    if (on.length === 0) return;
    const n = x.length;
    const up = new Float64Array(n);
    const down = new Float64Array(n);
    for (const k of on) {
      const j = pw.switches[k]!;
      const s = Int8Array.from(sides);
      s[k] = 1;
      pw.piece(s)(t, x, up);
      s[k] = -1;
      pw.piece(s)(t, x, down);
      const a = up[j]!;
      const b = down[j]!;
      dx[j] = a * b <= 0 ? 0 : 0.5 * (a + b);
    }
  };
}

export interface PiecewiseClassification extends Classification {
  /** Eigenvalues of the deciding piece's Jacobian with the held coordinates removed. */
  eigenvalues: Eigenvalue[];
  /** State coordinates held on their hyperplane by the flow from both sides. */
  sliding: number[];
  /** State coordinates on a hyperplane where every piece's normal velocity vanishes. */
  resting: number[];
  /** Sign patterns examined (3^resting, or a seeded sample of 4096 when that is more). */
  pieces: number;
  /**
   * The largest Re λ over admissible directions: the rate at which the point is left (> 0), or
   * its slowest decay; null when the flow leaves at a finite speed or nothing was admissible.
   */
  rate: number | null;
}

/** All sign vectors on `count` coordinates, or a seeded sample when there are too many. */
function signVectors(count: number): Int8Array[] {
  const out: Int8Array[] = [];
  if (count <= MAX_FULL_ON) {
    for (let code = 0; code < 1 << count; code++) {
      out.push(Int8Array.from({ length: count }, (_, b) => ((code >> b) & 1 ? -1 : 1)));
    }
    return out;
  }
  const rng = new Rng(1, 0);
  for (let c = 0; c < SAMPLED_PIECES; c++) {
    out.push(Int8Array.from({ length: count }, () => (rng.nextU32() & 1 ? -1 : 1)));
  }
  return out;
}

/**
 * Every pattern in {+1, −1, 0}^count (0: the coordinate held on its hyperplane), or a seeded
 * sample when there are more than 3^8.
 */
function patterns(count: number): Int8Array[] {
  const out: Int8Array[] = [];
  const digit = [1, -1, 0];
  if (count <= MAX_FULL_RESTING) {
    for (let code = 0; code < 3 ** count; code++) {
      out.push(Int8Array.from({ length: count }, (_, b) => digit[Math.floor(code / 3 ** b) % 3]!));
    }
    return out;
  }
  const rng = new Rng(1, 0);
  for (let c = 0; c < SAMPLED_PATTERNS; c++) {
    out.push(Int8Array.from({ length: count }, () => digit[rng.nextU32() % 3]!));
  }
  return out;
}

/** Orthonormal basis (Gram–Schmidt) of the given vectors' span. */
function orthonormal(vectors: Float64Array[]): Float64Array[] {
  const basis: Float64Array[] = [];
  for (const v of vectors) {
    const w = Float64Array.from(v);
    for (const b of basis) {
      let c = 0;
      for (let i = 0; i < w.length; i++) c += b[i]! * w[i]!;
      for (let i = 0; i < w.length; i++) w[i] = w[i]! - c * b[i]!;
    }
    const len = Math.hypot(...w);
    if (len > 1e-9) basis.push(w.map((c) => c / len));
  }
  return basis;
}

/**
 * Stability of a fixed point x of a piecewise field, decided by its pieces (see the file
 * comment). Off every hyperplane this is the plain classification of the piece's Jacobian.
 *
 * Resting coordinates are where the flow may leave along a hyperplane, inside a piece, or slide
 * along several hyperplanes at once, so every pattern in {+, −, held}^resting is examined: the
 * Jacobian of that piece with the held (and sliding) coordinates removed, and its eigenvectors
 * for eigenvalues with Re λ ≥ −t. Such a direction is *admissible* when it points into the
 * pattern's region (its signs on the free resting coordinates match the pattern, up to an overall
 * sign) and keeps each held coordinate attracted from both sides (the held row of the + piece is
 * ≤ 0 along it, of the − piece ≥ 0). A degenerate eigenvalue's eigenspace is also tried along the
 * projection of the pattern's sign vector. Complex pairs count as admissible (conservatively).
 * - unstable: some pattern has an admissible direction with Re λ > t (t = classifyTol·scale);
 * - stable: no pattern has an admissible direction with Re λ ≥ −t;
 * - marginal otherwise (e.g. a point inside an arc of fixed points: an admissible λ = 0).
 * This examines the invariant rays of the piecewise-linearised flow; it is exact when a growing
 * or neutral direction is an eigenvector of one pattern (true of the XOR field), not a proof.
 */
export function classifyPiecewise(
  pw: PiecewiseRhs,
  x: Float64Array,
  options: { h?: number; classifyTol?: number } = {},
): PiecewiseClassification {
  const n = x.length;
  const tol = options.classifyTol ?? DEFAULT_CLASSIFY_TOL;
  const on = onJumps(pw, x);
  const base = sidesOf(pw, x);
  const F = new Float64Array(n);
  // Which on-coordinates slide, rest or repel: their normal velocity in each adjacent piece.
  const adjacent = signVectors(on.length).map((signs) => {
    const s = Int8Array.from(base);
    on.forEach((k, b) => (s[k] = signs[b]!));
    return s;
  });
  const normal = adjacent.map((s) => {
    pw.piece(s)(0, x, F);
    return on.map((k) => s[k]! * F[pw.switches[k]!]!);
  });
  let speed = 1;
  for (const row of normal) for (const v of row) speed = Math.max(speed, Math.abs(v));
  const rest = REST_TOL * speed;
  const sliding: number[] = [];
  const resting: number[] = [];
  let leaves = false;
  on.forEach((k, b) => {
    const values = normal.map((row) => row[b]!);
    if (values.some((v) => v > rest)) leaves = true;
    else if (values.every((v) => v < -rest)) sliding.push(k);
    else resting.push(k);
  });
  const slidingCoords = sliding.map((k) => pw.switches[k]!);
  const restingCoords = resting.map((k) => pw.switches[k]!);

  // Jacobians of the pieces, by their signs on the resting coordinates (sliding ones take +:
  // by the file's assumption their side does not enter the kept rows).
  const cache = new Map<string, Float64Array>();
  const jacobianOf = (signs: Int8Array): Float64Array => {
    const key = signs.join(',');
    let J = cache.get(key);
    if (!J) {
      const s = Int8Array.from(base);
      for (const k of sliding) s[k] = 1;
      resting.forEach((k, b) => (s[k] = signs[b]!));
      J = jacobian(pw.piece(s), x, { h: options.h });
      cache.set(key, J);
    }
    return J;
  };
  const list = leaves ? [] : patterns(resting.length);
  let deciding: { eigs: Eigenvalue[]; cls: Classification; re: number } | null = null;
  let first: { eigs: Eigenvalue[]; cls: Classification } | null = null;
  for (const pattern of list) {
    const free = Int8Array.from(pattern, (v) => (v === 0 ? 1 : v));
    const J = jacobianOf(free);
    const held = new Set(slidingCoords);
    restingCoords.forEach((j, b) => pattern[b] === 0 && held.add(j));
    const keep = Array.from({ length: n }, (_, i) => i).filter((i) => !held.has(i));
    const m = keep.length;
    const R = new Float64Array(m * m);
    keep.forEach((i, a) => keep.forEach((j, b) => (R[a * m + b] = J[i * n + j]!)));
    const pairs = eigenpairs(R, m);
    const eigs = pairs.map(({ re, im }) => ({ re, im }));
    const cls = classify(eigs, tol);
    first ??= { eigs, cls };
    const t = tol * Math.max(1, ...eigs.map((e) => Math.hypot(e.re, e.im)));
    const full = (e: Float64Array) => {
      const out = new Float64Array(n);
      keep.forEach((i, a) => (out[i] = e[a]!));
      return out;
    };
    const admissible = (e: Float64Array): boolean => {
      const size = Math.max(...Array.from(e, Math.abs));
      if (!(size > 0)) return false;
      const ebar = full(e);
      const fits = (sign: number) =>
        restingCoords.every((j, b) => {
          if (pattern[b] !== 0) return sign * ebar[j]! * pattern[b]! >= -1e-9 * size;
          // A held coordinate must stay attracted: row j of either adjacent piece along ē.
          const row = (side: number) => {
            const signs = Int8Array.from(free);
            signs[b] = side;
            const Js = jacobianOf(signs);
            let s = 0;
            for (let i = 0; i < n; i++) s += Js[j * n + i]! * ebar[i]!;
            return sign * s;
          };
          return row(1) <= 1e-9 * size && row(-1) >= -1e-9 * size;
        });
      return fits(1) || fits(-1);
    };
    // Nondecaying eigenvalues, grouped by value (a degenerate one is tried on its eigenspace).
    const slow = pairs.filter((p) => p.re >= -t);
    const done = new Set<number>();
    slow.forEach((p, a) => {
      if (done.has(a)) return;
      const group = slow.filter((q, b) => {
        const same = Math.hypot(q.re - p.re, q.im - p.im) <= 1e-7 * Math.max(1, Math.abs(p.re));
        if (same) done.add(b);
        return same;
      });
      let ok = p.im !== 0;
      if (!ok) {
        const basis = orthonormal(group.map((q) => q.vRe));
        const target = Float64Array.from(keep, (i) => {
          const b = restingCoords.indexOf(i);
          return b >= 0 ? pattern[b]! : 0;
        });
        const projected = new Float64Array(m);
        for (const u of basis) {
          let c = 0;
          for (let i = 0; i < m; i++) c += u[i]! * target[i]!;
          for (let i = 0; i < m; i++) projected[i] = projected[i]! + c * u[i]!;
        }
        ok = [...basis, projected].some(admissible);
      }
      if (ok && (!deciding || p.re > deciding.re)) deciding = { eigs, cls, re: p.re };
    });
  }
  const found = deciding as { eigs: Eigenvalue[]; cls: Classification; re: number } | null;
  const common = {
    sliding: slidingCoords,
    resting: restingCoords,
    pieces: list.length,
    rate: leaves ? null : (found?.re ?? first?.eigs[0]?.re ?? null),
  };
  const scale = found ? Math.max(1, ...found.eigs.map((e) => Math.hypot(e.re, e.im))) : 1;
  if (leaves || (found && found.re > tol * scale)) {
    const cls = found?.cls;
    const kind = cls && cls.stability === 'unstable' ? cls.kind : 'unstable node';
    return {
      ...common,
      eigenvalues: found?.eigs ?? first?.eigs ?? [],
      stability: 'unstable',
      kind,
      focus: cls?.focus ?? false,
    };
  }
  if (!found && first) {
    const cls = first.cls.stability === 'stable' ? first.cls : classify([{ re: -1, im: 0 }]);
    return { ...common, eigenvalues: first.eigs, ...cls };
  }
  return {
    ...common,
    eigenvalues: found?.eigs ?? first?.eigs ?? [],
    stability: 'marginal',
    kind: 'marginal',
    focus: false,
  };
}
