/**
 * Runs of a model's ODE and SGD on a time grid: the one code path behind the CLI, the workers
 * and the benchmarks.
 */
import { type DenseStore, solveDense } from './denseTrajectory';
import { simulatorWithMicro } from './microSimulator';
import type { MicroSnapshot, Model, Observables, Simulator } from './model';
import type { AbortSignalLike, Divergence } from './ode';
import { type OdeOptions, type OdeStats, type OdeStatus, solveOde, timeGrid } from './ode';
import { num, type Params } from './params';

export interface Trajectory {
  names: string[];
  /** Sample times. */
  t: Float64Array;
  /** Row-major samples: y[j * names.length + i] is names[i] at t[j]. */
  y: Float64Array;
}

export interface OdeRun extends Trajectory {
  status: OdeStatus;
  /** Set when the ODE diverged: the last good time and the offending order parameter. */
  divergence: { t: number; variable: string; reason: string; value: number } | null;
  stats: OdeStats;
  /** Where the integrator stopped (the end time, unless it stopped early). */
  tStopped: number;
}

export interface OdeRunOptions extends OdeOptions {
  samples?: number;
  /** Explicit increasing sample times from 0 (instead of `samples` evenly spaced ones). */
  times?: Float64Array;
  signal?: AbortSignalLike;
}

/** Integrate the model's ODE from 0 to T, sampled at `samples` evenly spaced times. */
export function runOde(model: Model, params: Params, options: OdeRunOptions = {}): OdeRun {
  const times = options.times ?? timeGrid(0, num(params, 'T'), options.samples ?? 601);
  return runOdeFrom(model, params, model.initialState(params), times, options);
}

/**
 * Integrate the model's ODE from state x0 at times[0] (not necessarily 0: a non-autonomous
 * schedule such as the VAE's β(t) sees the true time), sampled at `times`.
 */
export function runOdeFrom(
  model: Model,
  params: Params,
  x0: Float64Array,
  times: ArrayLike<number>,
  options: OdeRunOptions = {},
): OdeRun {
  const names = model.stateNames(params);
  const sol = solveOde(model.rhs(params), x0, times, {
    ...model.odeTolerances?.(params),
    ...options,
  });
  const obs = model.observables?.(params);
  return {
    names: obs ? [...names, ...obs.names] : names,
    t: sol.t,
    y: obs ? appendObservables(sol.t, sol.y, names.length, obs) : sol.y,
    status: sol.status,
    divergence: namedDivergence(sol.divergence, names),
    stats: sol.stats,
    tStopped: sol.tStopped,
  };
}

/** The model's ODE from 0 to T as a function of time (core/denseTrajectory.ts). */
export interface DenseOdeRun extends Omit<OdeRun, 't' | 'y'> {
  /** Rows (state, then observables) at `times` within [0, tStopped], row-major. */
  sample(times: Float64Array): Float64Array;
  /** The dense output outgrew its memory bound: sample on a grid with runOde instead. */
  storageFull: boolean;
}

/** Integrate the model's ODE from 0 to T once, keeping it for sampling at any times. */
export function runOdeDense(
  model: Model,
  params: Params,
  options: OdeRunOptions & { store?: DenseStore } = {},
): DenseOdeRun {
  const names = model.stateNames(params);
  const dense = solveDense(model.rhs(params), model.initialState(params), 0, num(params, 'T'), {
    ...model.odeTolerances?.(params),
    ...options,
  });
  const obs = model.observables?.(params);
  const dim = names.length;
  return {
    names: obs ? [...names, ...obs.names] : names,
    status: dense.status,
    divergence: namedDivergence(dense.divergence, names),
    stats: dense.stats,
    tStopped: dense.tStopped,
    storageFull: dense.storageFull,
    sample(times) {
      const y = new Float64Array(times.length * dim);
      for (let j = 0; j < times.length; j++) dense.at(times[j]!, y, j * dim);
      return obs ? appendObservables(times, y, dim, obs) : y;
    },
  };
}

/** A divergence with its order parameter's name. */
function namedDivergence(div: Divergence | null, names: string[]): OdeRun['divergence'] {
  return div
    ? {
        t: div.t,
        variable: names[div.index] ?? `x${div.index}`,
        reason: div.reason,
        value: div.value,
      }
    : null;
}

/** Widen row-major samples of `dim` state variables by the observables' columns. */
export function appendObservables(
  t: Float64Array,
  y: Float64Array,
  dim: number,
  obs: Observables,
): Float64Array {
  const k = obs.names.length;
  const rows = t.length;
  const out = new Float64Array(rows * (dim + k));
  const extra = new Float64Array(k);
  for (let j = 0; j < rows; j++) {
    const row = y.subarray(j * dim, (j + 1) * dim);
    out.set(row, j * (dim + k));
    obs.compute(t[j]!, row, extra);
    out.set(extra, j * (dim + k) + dim);
  }
  return out;
}

/** The SGD step at which sample time t is taken. */
export function stepAt(t: number, stepsPerTime: number): number {
  return Math.round(t * stepsPerTime);
}

/** Where an SGD run first produced a value that is not finite. */
export interface SgdDivergence {
  t: number;
  /** The order parameter (or, in a snapshot, the coordinate column) that was not finite. */
  variable: string;
  value: number;
}

/**
 * One SGD run sampled on a time grid, advanced in bounded chunks so that a worker can report
 * progress and stay abortable between chunks.
 */
export class SampledSgd {
  readonly names: string[];
  readonly times: Float64Array;
  /** Row-major samples filled so far (rows < samplesDone). */
  readonly y: Float64Array;
  samplesDone = 0;
  readonly micro: MicroSnapshot[] = [];
  /**
   * The first sample (or snapshot) with a value that is not finite: where the run diverged. With
   * `stopAtDivergence` the run ends there and keeps only the finite samples before it.
   */
  divergence: SgdDivergence | null = null;
  /** End the run at its divergence (the app); the CLI keeps sampling NaN rows instead. */
  stopAtDivergence = false;
  private readonly row: Float64Array;
  private readonly microSteps: number[];

  constructor(
    readonly sim: Simulator,
    times: Float64Array,
    /** Times at which to keep the microscopic state (rounded to SGD steps). */
    microTimes: readonly number[] = [],
    /** The model's observables, appended to each sample. */
    private readonly obs: Observables | null = null,
  ) {
    this.names = obs ? [...sim.names, ...obs.names] : sim.names;
    this.times = times;
    this.y = new Float64Array(times.length * this.names.length);
    this.row = new Float64Array(this.names.length);
    this.microSteps = [...microTimes].map((t) => stepAt(t, sim.stepsPerTime)).sort((a, b) => a - b);
  }

  get done(): boolean {
    return (
      this.samplesDone >= this.times.length || (this.stopAtDivergence && this.divergence !== null)
    );
  }

  /** Time reached by the simulation. */
  get t(): number {
    return this.sim.steps / this.sim.stepsPerTime;
  }

  /** Advance by at most `budget` SGD steps, recording every sample and snapshot passed. */
  advance(budget: number): void {
    const sim = this.sim;
    let left = budget;
    while (!this.done && left > 0) {
      const nextSample = stepAt(this.times[this.samplesDone]!, sim.stepsPerTime);
      const nextMicro = this.microSteps[0] ?? Number.POSITIVE_INFINITY;
      const target = Math.min(nextSample, nextMicro);
      const k = Math.min(left, Math.max(0, target - sim.steps));
      if (k > 0) {
        sim.step(k);
        left -= k;
      }
      if (sim.steps >= nextMicro && sim.micro) {
        const snapshot = sim.micro();
        this.microSteps.shift();
        const bad = Object.entries(snapshot.columns).find(([, col]) => !col.every(Number.isFinite));
        if (bad) this.divergence ??= { t: snapshot.t, variable: bad[0], value: Number.NaN };
        if (bad && this.stopAtDivergence) return;
        if (!bad) this.micro.push(snapshot);
      } else if (sim.steps >= nextMicro) {
        this.microSteps.shift();
      }
      if (sim.steps >= nextSample) {
        sim.observe(this.row);
        if (this.obs) {
          const dim = this.sim.names.length;
          this.obs.compute(this.t, this.row.subarray(0, dim), this.row.subarray(dim));
        }
        const bad = this.row.findIndex((v) => !Number.isFinite(v));
        if (bad >= 0)
          this.divergence ??= { t: this.t, variable: this.names[bad]!, value: this.row[bad]! };
        if (bad >= 0 && this.stopAtDivergence) return;
        this.y.set(this.row, this.samplesDone * this.names.length);
        this.samplesDone++;
      }
    }
  }
}

export interface SgdRun extends Trajectory {
  /** Mean over runs (y) and, with more than one run, the sample standard deviation. */
  std: Float64Array | null;
  runs: number;
  n: number;
  seed: number;
  status: 'done' | 'aborted';
  micro: MicroSnapshot[];
  /** Each run's row-major samples, in the order of its streams. */
  perRun: Float64Array[];
}

export interface SgdRunOptions {
  samples?: number;
  runs?: number;
  /** The random streams to run (default 0..runs−1); overrides runs. */
  streams?: number[];
  variant?: string;
  /** Keep the microscopic state of the first run at these times. */
  microTimes?: number[];
  signal?: AbortSignalLike;
  onProgress?: (fraction: number) => void;
}

/** Mean and sample standard deviation across runs, per entry. */
export function meanAndStd(rows: Float64Array[]): { mean: Float64Array; std: Float64Array } {
  const size = rows[0]?.length ?? 0;
  const mean = new Float64Array(size);
  const std = new Float64Array(size);
  const R = rows.length;
  for (const r of rows) for (let i = 0; i < size; i++) mean[i] = mean[i]! + r[i]! / R;
  if (R > 1) {
    for (const r of rows) for (let i = 0; i < size; i++) std[i] = std[i]! + (r[i]! - mean[i]!) ** 2;
    for (let i = 0; i < size; i++) std[i] = Math.sqrt(std[i]! / (R - 1));
  }
  return { mean, std };
}

/** Run `runs` independent SGD runs (streams 0..runs−1 of the seed) to T, synchronously. */
export function runSgd(model: Model, params: Params, options: SgdRunOptions = {}): SgdRun {
  const streams =
    options.streams ??
    Array.from({ length: Math.max(1, Math.floor(options.runs ?? 1)) }, (_, r) => r);
  const runs = streams.length;
  const times = timeGrid(0, num(params, 'T'), options.samples ?? 61);
  const results: Float64Array[] = [];
  let micro: MicroSnapshot[] = [];
  let names: string[] = [];
  let status: SgdRun['status'] = 'done';
  for (let r = 0; r < runs && status === 'done'; r++) {
    const simOptions = { stream: streams[r]!, variant: options.variant };
    // The run that keeps snapshots needs coordinates: a reduced chain has none (microSimulator).
    const wantsMicro = r === 0 && (options.microTimes?.length ?? 0) > 0;
    const sim = wantsMicro
      ? simulatorWithMicro(model, params, simOptions)
      : model.simulator(params, simOptions);
    const run = new SampledSgd(
      sim,
      times,
      r === 0 ? options.microTimes : [],
      model.observables?.(params) ?? null,
    );
    names = run.names;
    const chunk = Math.max(1000, sim.stepsPerTime);
    while (!run.done) {
      if (options.signal?.aborted) {
        status = 'aborted';
        break;
      }
      run.advance(chunk);
      options.onProgress?.((r + run.samplesDone / times.length) / runs);
    }
    results.push(run.y);
    if (r === 0) micro = run.micro;
  }
  const { mean, std } = meanAndStd(results);
  return {
    names,
    t: times,
    y: mean,
    std: runs > 1 ? std : null,
    runs,
    n: num(params, 'n'),
    seed: num(params, 'seed'),
    status,
    micro,
    perRun: results,
  };
}

/** The column of one series in a trajectory. */
export function series(traj: Trajectory, name: string): Float64Array {
  const i = traj.names.indexOf(name);
  if (i < 0) throw new RangeError(`no series '${name}' (have ${traj.names.join(', ')})`);
  const m = traj.names.length;
  const rows = traj.t.length;
  const out = new Float64Array(rows);
  for (let j = 0; j < rows; j++) out[j] = traj.y[j * m + i]!;
  return out;
}

/**
 * Fig. 3(b)'s measure of late-time variation: Σ over the given series of the time variance
 * (1/(t1−t0))∫(x − ⟨x⟩)² dt on [t0, t1], by the trapezoidal rule on the samples. It is ≈ 0 when
 * the trajectory settles on a fixed point and O(amplitude²) on a limit cycle.
 */
export function lateTimeVariation(
  traj: Trajectory,
  names: string[],
  t0: number,
  t1: number,
): number {
  let total = 0;
  for (const name of names) {
    const x = series(traj, name);
    const idx: number[] = [];
    for (let j = 0; j < traj.t.length; j++) if (traj.t[j]! >= t0 && traj.t[j]! <= t1) idx.push(j);
    if (idx.length < 2) return Number.NaN;
    const integrate = (f: (j: number) => number) => {
      let s = 0;
      for (let k = 1; k < idx.length; k++) {
        const a = idx[k - 1]!;
        const b = idx[k]!;
        s += 0.5 * (f(a) + f(b)) * (traj.t[b]! - traj.t[a]!);
      }
      return s;
    };
    const span = traj.t[idx.at(-1)!]! - traj.t[idx[0]!]!;
    const mean = integrate((j) => x[j]!) / span;
    total += integrate((j) => (x[j]! - mean) ** 2) / span;
  }
  return total;
}
