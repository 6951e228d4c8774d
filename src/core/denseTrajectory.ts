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
  /** The state at time s ∈ [t0, tStopped] (clamped to it), into `out` from `offset` on. */
  at(s: number, out: Float64Array, offset?: number): void;
}

/**
 * The arrays a dense solution lives in, kept from one solution to the next. Allocating a typed
 * array of a few kB to a MB took 0.1–0.7 ms in Chromium's workers (3–70 µs in Node): a drawing
 * ODE that grew its storage by doubling spent 7 ms of its 8 on allocation, where the steps
 * themselves took 1.2 ms (docs/reliability.md, "The ODE worker's allocations"). A worker that
 * integrates on every slider move keeps one store; a solution made with it stays valid until
 * the store's next solution.
 */
export class DenseStore {
  starts = new Float64Array(0);
  lengths = new Float64Array(0);
  coefficients = new Float64Array(0);

  /** Room for `steps` steps of `width` coefficients, keeping the first `kept` steps. */
  reserve(steps: number, width: number, kept: number): void {
    if (this.starts.length < steps) {
      this.starts = grown(this.starts, steps, kept);
      this.lengths = grown(this.lengths, steps, kept);
    }
    if (this.coefficients.length < steps * width)
      this.coefficients = grown(this.coefficients, steps * width, kept * width);
  }

  /** Let go of arrays above `numbers` in all (a long solution's storage is not kept for ever). */
  trim(numbers = RETAINED_NUMBERS): void {
    if (this.starts.length + this.lengths.length + this.coefficients.length <= numbers) return;
    this.starts = new Float64Array(0);
    this.lengths = new Float64Array(0);
    this.coefficients = new Float64Array(0);
  }
}

/** What a DenseStore keeps between solutions at most: 2²⁰ numbers (8 MB). */
export const RETAINED_NUMBERS = 1 << 20;

/** Integrate from t0 to t1, keeping the dense output of every step (solveOde without a grid). */
export function solveDense(
  rhs: Rhs,
  x0: ArrayLike<number>,
  t0: number,
  t1: number,
  options: SolveOptions & { maxNumbers?: number; store?: DenseStore } = {},
): DenseTrajectory {
  const dim = x0.length;
  const stepper = new DormandPrince(rhs, x0, t0, t1, options);
  const width = 5 * dim;
  const storable = Math.floor((options.maxNumbers ?? MAX_DENSE_NUMBERS) / (width + 2));
  const maxSteps = options.maxSteps ?? 1_000_000;
  const store = options.store ?? new DenseStore();
  let capacity = Math.min(256, Math.max(1, storable));
  store.reserve(capacity, width, 0);
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
    if (steps === capacity) {
      capacity = Math.min(2 * steps, storable);
      store.reserve(capacity, width, steps);
    }
    store.starts[steps] = stepper.lastStepStart;
    store.lengths[steps] = stepper.lastStepLength;
    stepper.copyDenseOutput(store.coefficients, steps * width);
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
    at(s, out, offset = 0) {
      if (steps === 0 || !(s > t0)) {
        for (let i = 0; i < dim; i++) out[offset + i] = initial[i]!;
        return;
      }
      const clamped = Math.min(s, tStopped);
      const k = stepContaining(store.starts, steps, clamped);
      const theta = Math.min(1, (clamped - store.starts[k]!) / store.lengths[k]!);
      evaluateContd5(store.coefficients, k * width, dim, theta, out, offset);
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

/** A longer copy of the first `kept` numbers of `a`. */
function grown(a: Float64Array, length: number, kept: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(length);
  b.set(a.subarray(0, kept));
  return b;
}
