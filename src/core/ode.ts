/**
 * Adaptive Dormand–Prince 5(4) with dense output and divergence detection: the types, and
 * `solveOde`, which samples a solution on a grid of times.
 *
 * The stepper is separate from the clock (docs/architecture.md, habit 6): `DormandPrince.step()`
 * (dormandPrince.ts) takes one accepted step; `solveOde` drives it to a grid of output times;
 * `solveDense` (denseTrajectory.ts) keeps every step; a worker or a test may drive it directly.
 */

/** Right-hand side: write dx/dt at (t, x) into `dxdt`. Must not keep references to the arrays. */
export type Rhs = (t: number, x: Float64Array, dxdt: Float64Array) => void;

export interface OdeOptions {
  /** Relative tolerance (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance (default 1e-9). */
  atol?: number;
  /** First step size; chosen automatically when omitted. */
  h0?: number;
  /** Largest step size (default: the whole interval). */
  hmax?: number;
  /** Stop after this many accepted steps (default 1e6). */
  maxSteps?: number;
  /** |x_i| above this counts as a blow-up (default 1e8). */
  blowUp?: number;
}

export type OdeStatus = 'done' | 'diverged' | 'max-steps' | 'aborted';

/** Where and why an integration stopped early. */
export interface Divergence {
  /** Last time reached with a finite, bounded state. */
  t: number;
  /** Index of the offending state variable. */
  index: number;
  /** What happened to it. */
  reason: 'not-finite' | 'blow-up' | 'step-underflow';
  /** Its last value (may be ±∞ or NaN). */
  value: number;
}

export interface OdeStats {
  steps: number;
  rejected: number;
  rhsEvaluations: number;
}

export { DormandPrince, evaluateContd5 } from './dormandPrince';
import { DormandPrince } from './dormandPrince';

export interface OdeSolution {
  status: OdeStatus;
  /** Output times actually reached (a prefix of the requested grid when the run stopped early). */
  t: Float64Array;
  /** Row-major samples: y[j * dim + i] is variable i at t[j]. */
  y: Float64Array;
  dim: number;
  divergence: Divergence | null;
  stats: OdeStats;
  /** The integrator's own time when it stopped (past the last sample when it stopped early). */
  tStopped: number;
}

/**
 * The part of AbortSignal the core reads. The core's tsconfig has no DOM lib, and a worker
 * or Node passes its real AbortSignal, which satisfies this.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

export interface SolveOptions extends OdeOptions {
  /** Checked between steps; an aborted run returns what it has with status 'aborted'. */
  signal?: AbortSignalLike;
}

/** An evenly spaced grid of `samples` times from t0 to t1 inclusive. */
export function timeGrid(t0: number, t1: number, samples: number): Float64Array {
  const count = Math.max(2, Math.floor(samples));
  const grid = new Float64Array(count);
  for (let j = 0; j < count; j++) grid[j] = t0 + ((t1 - t0) * j) / (count - 1);
  grid[count - 1] = t1;
  return grid;
}

/**
 * Integrate from `times[0]` to the last of `times` (increasing), sampling the state at every
 * time by dense output. Stops early, with the samples so far, on divergence or abort.
 */
export function solveOde(
  rhs: Rhs,
  x0: ArrayLike<number>,
  times: ArrayLike<number>,
  options: SolveOptions = {},
): OdeSolution {
  const dim = x0.length;
  const count = times.length;
  const t0 = times[0] ?? 0;
  const t1 = times[count - 1] ?? t0;
  const out = new Float64Array(count * dim);
  const stepper = new DormandPrince(rhs, x0, t0, t1, options);
  const row = new Float64Array(dim);
  let j = 0;
  const maxSteps = options.maxSteps ?? 1_000_000;
  let status: OdeStatus = 'done';
  // Samples at t0 (and any others equal to it) come from the initial state.
  while (j < count && times[j]! <= t0) {
    out.set(stepper.x, j * dim);
    j++;
  }
  while (j < count) {
    if (options.signal?.aborted) {
      status = 'aborted';
      break;
    }
    if (stepper.stats.steps >= maxSteps) {
      status = 'max-steps';
      break;
    }
    if (!stepper.step()) break;
    while (j < count && times[j]! <= stepper.t) {
      stepper.interpolate(times[j]!, row);
      out.set(row, j * dim);
      j++;
    }
    if (stepper.divergence) break;
  }
  if (stepper.divergence) status = 'diverged';
  const reached = j;
  return {
    status,
    t: Float64Array.from({ length: reached }, (_, k) => times[k]!),
    y: out.slice(0, reached * dim),
    dim,
    divergence: stepper.divergence,
    stats: stepper.stats,
    tStopped: stepper.t,
  };
}
