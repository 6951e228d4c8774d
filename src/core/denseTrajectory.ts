/**
 * A whole ODE solution as a function of time: the stepper's dense output of every accepted step
 * kept, so that a caller can evaluate the solution at any time after the integration, in any
 * order. The drawing sampler (adaptiveSamples.ts) bisects on it without integrating again.
 */
import {
  type Divergence,
  DormandPrince,
  evaluateContd5,
  type OdeStats,
  type OdeStatus,
  type Rhs,
  type SolveOptions,
} from './ode';

/**
 * Numbers kept at most (32 MB): each accepted step costs 5·dim + 2. A run that would need more
 * stops with `storageFull` set, and its caller samples on a grid instead (solveOde).
 */
export const MAX_DENSE_NUMBERS = 4_000_000;

export interface DenseTrajectory {
  status: OdeStatus;
  divergence: Divergence | null;
  stats: OdeStats;
  dim: number;
  t0: number;
  /** The last time the solution reaches: the end, unless it stopped early. */
  tStopped: number;
  /** It stopped because MAX_DENSE_NUMBERS would be exceeded (status 'max-steps'). */
  storageFull: boolean;
  /** The state at time s ∈ [t0, tStopped] (clamped to it), into `out`. */
  at(s: number, out: Float64Array): void;
}

/** Integrate from t0 to t1, keeping the dense output of every step (solveOde without a grid). */
export function solveDense(
  rhs: Rhs,
  x0: ArrayLike<number>,
  t0: number,
  t1: number,
  options: SolveOptions & { maxNumbers?: number } = {},
): DenseTrajectory {
  const dim = x0.length;
  const stepper = new DormandPrince(rhs, x0, t0, t1, options);
  const width = 5 * dim;
  const storable = Math.floor((options.maxNumbers ?? MAX_DENSE_NUMBERS) / (width + 2));
  const maxSteps = options.maxSteps ?? 1_000_000;
  let starts = new Float64Array(256);
  let lengths = new Float64Array(256);
  let coefficients = new Float64Array(256 * width);
  let steps = 0;
  let status: OdeStatus = 'done';
  while (!stepper.finished) {
    if (options.signal?.aborted) {
      status = 'aborted';
      break;
    }
    if (steps >= maxSteps || steps >= storable) {
      status = 'max-steps';
      break;
    }
    if (!stepper.step()) break;
    if (steps === starts.length) {
      const capacity = Math.min(2 * steps, storable);
      starts = grown(starts, capacity);
      lengths = grown(lengths, capacity);
      coefficients = grown(coefficients, capacity * width);
    }
    starts[steps] = stepper.lastStepStart;
    lengths[steps] = stepper.lastStepLength;
    stepper.copyDenseOutput(coefficients, steps * width);
    steps++;
  }
  if (stepper.divergence) status = 'diverged';
  const initial = Float64Array.from(x0);
  const tStopped = stepper.t;
  return {
    status,
    divergence: stepper.divergence,
    stats: stepper.stats,
    dim,
    t0,
    tStopped,
    storageFull: status === 'max-steps' && steps >= storable && steps < maxSteps,
    at(s, out) {
      if (steps === 0 || !(s > t0)) {
        out.set(initial);
        return;
      }
      const k = stepContaining(starts, steps, Math.min(s, tStopped));
      const theta = Math.min(1, (Math.min(s, tStopped) - starts[k]!) / lengths[k]!);
      evaluateContd5(coefficients, k * width, dim, theta, out);
    },
  };
}

/** The step whose (start, end] holds s, as solveOde picks it: the last start below s. */
function stepContaining(starts: Float64Array, count: number, s: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < s) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function grown(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}
