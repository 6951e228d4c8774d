/**
 * bench: `gmm_basins_200` — 200 random initialisations of the binary-GMM classifier run by SGD to
 * t = 100 at N = 500 (the fig7 preset: λ = 100, α = 0.1, c_δ = 1, so 50 000 steps each), each end
 * point labelled by theory.basinOf, as the basins view does (streams 0..199 of seed 1).
 * - `literal`: the 2N-weight SGD (src/models/gmm/sgd.ts), the algorithm of the NumPy reference
 *   bench/reference_gmm.py (all runs vectorised together, one BLAS thread), run in the same call;
 * - `fast`: the statistics' own chain (reduced.ts, exact in law, O(1) per step), the default;
 * each on one thread and on worker threads (one per core, wall clock, start-up given apart).
 * Worker threads are asynchronous, so the pool is timed in a child process (`--pool`), whose
 * workers are this file again (`--worker` data). `quick` runs every side to t = 5 and scales the
 * times to t = 100 (per-step cost does not depend on t; start-up is not scaled); the basin
 * fractions are then those at t = 5.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

import { basinFractions } from '../src/core/basins';
import type { Model } from '../src/core/model';
import { timeGrid } from '../src/core/ode';
import type { Params } from '../src/core/params';
import { SampledSgd } from '../src/core/run';
import { parseState } from '../src/core/state';
import { models } from '../src/models/registry';
import { round, runPythonReference } from './python';

const RUNS = 200;
const T_FULL = 100;
const T_QUICK = 5;
type Variant = 'literal' | 'fast';
const stateAt = (T: number) =>
  `model=gmm&lambda=100&alpha=0.1&cdelta=1&init=random&sv=1&r0=0.01&n=500&seed=1&T=${T}`;
const FILE = fileURLToPath(import.meta.url);

/** End states of the given streams' runs (one thread). */
function endStates(model: Model, params: Params, streams: number[], variant: Variant) {
  const times = timeGrid(0, Number(params['T']), 2);
  return streams.map((stream) => {
    const run = new SampledSgd(model.simulator(params, { stream, variant }), times);
    while (!run.done) run.advance(1e6);
    return run.y.slice(7);
  });
}

interface Reference {
  numpy_gmm_basins_200_ms: number;
  numpy_gmm_fraction_optimal: number;
  numpy_gmm_fraction_settled: number;
  numpy_version: string;
}

function reference(quick: boolean): Reference | null {
  return runPythonReference<Reference>('bench/reference_gmm.py', quick ? ['--quick'] : []);
}

interface PoolTimes {
  threads: number;
  startup: number;
  literal: number;
  fast: number;
}

/** The pool's wall-clock ms (child process), or null if it failed. */
function poolTimes(T: number): PoolTimes | null {
  const r = spawnSync(process.execPath, ['--import', 'tsx', FILE, '--pool', `${T}`], {
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    process.stderr.write(`bench: the GMM pool run failed: ${r.stderr.trim().split('\n').at(-1)}\n`);
    return null;
  }
  return JSON.parse(r.stdout) as PoolTimes;
}

export function benchGmm(quick: boolean): Record<string, unknown> {
  const T = quick ? T_QUICK : T_FULL;
  const scale = T_FULL / T;
  const { model, params } = parseState(stateAt(T), models);
  const streams = Array.from({ length: RUNS }, (_, r) => r);
  const time = (variant: Variant) => {
    endStates(model, params, [RUNS], variant); // warm-up, a stream outside the timed ones
    const t0 = performance.now();
    const finals = endStates(model, params, streams, variant);
    return { ms: (performance.now() - t0) * scale, finals };
  };
  const literal = time('literal');
  const fast = time('fast');
  const fractions = (finals: Float64Array[]) =>
    Object.fromEntries(
      basinFractions(finals.map((f) => model.theory!.basinOf!(params, f))).map((b) => [
        b.label,
        { fraction: b.fraction, stderr: round(b.stderr) },
      ]),
    );
  const pool = poolTimes(T);
  // Start-up does not grow with t: only the rest is scaled in quick mode.
  const pooled = (ms: number) => (pool ? pool.startup + (ms - pool.startup) * scale : null);
  const poolLiteral = pool ? pooled(pool.literal) : null;
  const poolFast = pool ? pooled(pool.fast) : null;
  const ref = reference(quick);
  const numpy = ref?.numpy_gmm_basins_200_ms ?? null;
  const r = (x: number | null) => (x === null ? null : round(x));
  return {
    gmm_basins_200: {
      macroscope: round(literal.ms),
      numpy: r(numpy),
      ratio: numpy === null ? null : round(numpy / literal.ms),
      pool: r(poolLiteral),
      ratio_pool: numpy === null || poolLiteral === null ? null : round(numpy / poolLiteral),
      fast: round(fast.ms),
      fast_pool: r(poolFast),
      threads: pool?.threads ?? null,
      pool_startup_ms: pool ? round(pool.startup) : null,
      fractions_literal: fractions(literal.finals),
      fractions_fast: fractions(fast.finals),
      numpy_fraction_optimal: ref?.numpy_gmm_fraction_optimal ?? null,
      numpy_fraction_settled: ref?.numpy_gmm_fraction_settled ?? null,
      units: `milliseconds for 200 SGD runs to t = ${T_FULL} at N = 500 (λ = 100, α = 0.1, 50 000 steps each) with their basins. macroscope/numpy/ratio: the literal 2N-weight SGD on one thread (NumPy advances all runs together); pool: the literal SGD on ${pool?.threads ?? '?'} worker threads, wall clock with start-up; fast, fast_pool: the exact O(1) statistics chain (the model's default variant); ratio = how many times faster macroscope was${quick ? `; quick: all sides ran to t = ${T_QUICK} and are scaled ×${scale} (start-up is not scaled)` : ''}`,
      environment: { numpy: ref?.numpy_version ?? null, quick },
    },
  };
}

interface WorkerJob {
  gmmBench: true;
  T: number;
  variant: Variant;
  streams: number[];
}

/** Wall-clock ms for `threads` workers (each this file in worker mode) to do their jobs. */
async function timeWorkers(threads: number, jobOf: (part: number) => WorkerJob): Promise<number> {
  // Worker threads do not inherit tsx's loader: the worker registers it, then imports this file.
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(FILE).href)}); });`;
  const t0 = performance.now();
  await Promise.all(
    Array.from(
      { length: threads },
      (_, part) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(boot, { eval: true, workerData: jobOf(part) });
          w.once('message', () => resolve());
          w.once('error', reject);
        }),
    ),
  );
  return performance.now() - t0;
}

if (!isMainThread && (workerData as WorkerJob | undefined)?.gmmBench) {
  const job = workerData as WorkerJob;
  const { model, params } = parseState(stateAt(job.T), models);
  endStates(model, params, job.streams, job.variant);
  parentPort!.postMessage('done');
} else if (process.argv[1] === FILE && process.argv[2] === '--pool') {
  const T = Number(process.argv[3]);
  const threads = Math.max(1, availableParallelism());
  const job = (variant: Variant) => (part: number) => ({
    gmmBench: true as const,
    T,
    variant,
    streams: Array.from({ length: RUNS }, (_, r) => r).filter((r) => r % threads === part),
  });
  const times: PoolTimes = {
    threads,
    // Start-up alone: workers that load the model and run no stream.
    startup: await timeWorkers(threads, () => ({ ...job('fast')(0), streams: [] })),
    literal: await timeWorkers(threads, job('literal')),
    fast: await timeWorkers(threads, job('fast')),
  };
  process.stdout.write(`${JSON.stringify(times)}\n`);
}
