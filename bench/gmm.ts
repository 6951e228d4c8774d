/**
 * bench: `gmm_basins_200` — 200 random initialisations of the binary-GMM classifier run by the
 * literal SGD to t = 100 at N = 500 (the fig7 preset: λ = 100, α = 0.1, c_δ = 1, so 50 000 steps
 * each), each end point labelled by theory.basinOf, as the basins view does (core/basins
 * sgdEnsemble, streams 0..199). Timed on one thread and on a pool of worker threads (one per
 * core, bench/pool.ts, measured in a child process because worker threads are asynchronous),
 * against the NumPy reference bench/reference_gmm.py (all runs vectorised together) in the same
 * call. `quick` runs every side to t = 5 and scales the times to t = 100 (per-step cost does not
 * depend on t); the basin fractions are then those at t = 5.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { basinFractions, sgdEnsemble } from '../src/core/basins';
import { parseState } from '../src/core/state';
import { models } from '../src/models/registry';
import { cores, timePool } from './pool';

const RUNS = 200;
const T_FULL = 100;
const T_QUICK = 5;
const stateAt = (T: number) =>
  `model=gmm&lambda=100&alpha=0.1&cdelta=1&init=random&sv=1&r0=0.01&n=500&seed=1&T=${T}`;
const streams = Array.from({ length: RUNS }, (_, r) => r);

interface Reference {
  numpy_gmm_basins_200_ms: number;
  numpy_gmm_fraction_optimal: number;
  numpy_gmm_fraction_settled: number;
  numpy_version: string;
}

function reference(quick: boolean): Reference | null {
  const env = { ...process.env };
  // As bench/run.ts: the script pins one BLAS thread; drop OpenBLAS's processor override.
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  const r = spawnSync('python3', ['bench/reference_gmm.py', ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    env,
  });
  if (r.status !== 0) {
    const why = r.stderr.trim().split('\n').at(-1) ?? r.error?.message;
    process.stderr.write(`bench: bench/reference_gmm.py did not run: ${why}\n`);
    return null;
  }
  return JSON.parse(r.stdout) as Reference;
}

/**
 * The pool's wall-clock ms for the ensemble and for an empty job (worker start-up), measured in
 * a child process (null if it failed).
 */
function poolMs(state: string, threads: number): { ms: number; startup: number } | null {
  const file = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, '--pool', state, `${threads}`], {
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    process.stderr.write(`bench: the GMM pool run failed: ${r.stderr.trim().split('\n').at(-1)}\n`);
    return null;
  }
  return JSON.parse(r.stdout) as { ms: number; startup: number };
}

const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

export function benchGmm(quick: boolean): Record<string, unknown> {
  const T = quick ? T_QUICK : T_FULL;
  const scale = T_FULL / T;
  const { model, params } = parseState(stateAt(T), models);
  sgdEnsemble(model, params, [RUNS], 2); // warm-up (a stream outside the timed ones)
  const t0 = performance.now();
  const ens = sgdEnsemble(model, params, streams, 2);
  const oneThread = (performance.now() - t0) * scale;
  const labels = ens.runs.map((y) => model.theory!.basinOf!(params, y.slice(7)));
  const fractions = Object.fromEntries(
    basinFractions(labels).map((b) => [b.label, { fraction: b.fraction, stderr: round(b.stderr) }]),
  );
  const threads = cores();
  const pooled = poolMs(stateAt(T), threads);
  // Worker start-up does not grow with t: only the rest is scaled in quick mode.
  const poolFull = pooled === null ? null : pooled.startup + (pooled.ms - pooled.startup) * scale;
  const ref = reference(quick);
  const numpy = ref?.numpy_gmm_basins_200_ms ?? null;
  return {
    gmm_basins_200: {
      macroscope: round(oneThread),
      pool: poolFull === null ? null : round(poolFull),
      pool_startup_ms: pooled === null ? null : round(pooled.startup),
      threads,
      numpy: numpy === null ? null : round(numpy),
      ratio: numpy === null ? null : round(numpy / oneThread),
      ratio_pool: numpy === null || poolFull === null ? null : round(numpy / poolFull),
      fractions,
      numpy_fraction_optimal: ref?.numpy_gmm_fraction_optimal ?? null,
      numpy_fraction_settled: ref?.numpy_gmm_fraction_settled ?? null,
      units: `milliseconds for 200 SGD runs to t = ${T_FULL} at N = 500 (λ = 100, α = 0.1, 50 000 steps each) with their basins: one thread, and a pool of worker threads (one per core, wall clock, worker start-up included and given apart); NumPy advances all runs together on one thread; ratio = how many times faster macroscope was${quick ? `; quick: all sides ran to t = ${T_QUICK} and are scaled ×${scale} (the pool's start-up is not scaled)` : ''}`,
      environment: { numpy: ref?.numpy_version ?? null, quick },
    },
  };
}

// Child-process mode for the pool measurement: `--pool <state> <threads>` prints {"ms": …}.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--pool') {
  const state = process.argv[3]!;
  const threads = Number(process.argv[4]);
  const startup = (await timePool({ kind: 'ensemble', state, streams: [] }, threads)).ms;
  const { ms } = await timePool({ kind: 'ensemble', state, streams }, threads);
  process.stdout.write(`${JSON.stringify({ ms, startup })}\n`);
}
