/**
 * `npm run bench`: one JSON object of speed figures, each beside its NumPy/SciPy reference
 * measured in the same run (bench/reference.py), with `ratio` = how many times faster
 * macroscope was. Single thread on both sides. `--quick` shortens every measurement.
 */

import { analyzeFixedPoints, phaseCell, scan1d, setAxis } from '../src/core/analysis';
import { fillNormals } from '../src/core/normal';
import { solveOde } from '../src/core/ode';
import { Rng } from '../src/core/rng';
import { parseState } from '../src/core/state';
import { linspace } from '../src/core/sweep';
import { contrastiveModel } from '../src/models/contrastive';
import { models } from '../src/models/registry';
import { benchContinuation } from './continuation';
import { benchContrastive } from './contrastive';
import { benchGan } from './gan';
import { benchGmm } from './gmm';
import { benchPca } from './pca';
import { cores, timePool } from './pool';
import { round, runPythonReference } from './python';
import { benchVae } from './vae';

const quick = process.argv.includes('--quick');
const seconds = quick ? 0.5 : 2;

function timeFor(fn: () => number): number {
  // Runs fn (which returns units of work done) repeatedly for `seconds`; returns units/s.
  fn(); // warm-up: let V8 optimise
  let work = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) work += fn();
  return work / ((performance.now() - t0) / 1000);
}

function normalsPerSecond(): number {
  const rng = new Rng(1);
  const buf = new Float64Array(1 << 16);
  return timeFor(() => {
    fillNormals(rng, buf);
    return buf.length;
  });
}

function ganSgd(n: number, variant: string): number {
  const fig1 = models[0]!.presets.find((p) => p.id === 'fig1a')!.state;
  const { model, params } = parseState(`${fig1}&n=${n}`, models);
  const sim = model.simulator(params, { variant });
  sim.step(200);
  const chunk = Math.max(20, Math.round(2e6 / n));
  return timeFor(() => {
    sim.step(chunk);
    return chunk * n;
  });
}

function ganOdeMs(): number {
  const fig1 = models[0]!.presets.find((p) => p.id === 'fig1a')!.state;
  const { model, params } = parseState(fig1, models);
  const rhs = model.rhs(params);
  const x0 = model.initialState(params);
  const once = () => {
    const t0 = performance.now();
    const sol = solveOde(rhs, x0, [0, 600], { rtol: 1e-6, atol: 1e-9 });
    if (sol.status !== 'done') throw new Error(`ODE ${sol.status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 20; i++) once(); // warm-up
  const times = Array.from({ length: quick ? 50 : 200 }, once).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Literal β-VAE SGD steps per second at N = 2000, M = M* = 1 (the NumPy reference's setting). */
function vaeSgdStepsPerSecond(): number {
  const { model, params } = parseState(
    'model=vae&tau=0.1&beta=0.5&init=informed&m0=0.2&n=2000',
    models,
  );
  const sim = model.simulator(params);
  sim.step(200);
  return timeFor(() => {
    sim.step(500);
    return 500;
  });
}

function fixedPointsMs(query: string, reps: number): number {
  const { model, params } = parseState(query, models);
  analyzeFixedPoints(model, params);
  const times = Array.from({ length: reps }, () => {
    const t0 = performance.now();
    analyzeFixedPoints(model, params);
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Cells per second of the d = 1 phase diagram of Fig. 3(b) (τ, α = τ̃/τ), one thread. */
function sweepCellsPerSecond(n: number): number {
  const { model, params } = parseState(
    'model=gan&d=1&Lambda=1.2&LambdaT=1.2&eta=1&P0=0.1&q0=0.1',
    models,
  );
  const taus = linspace(0.05, 1.5, n);
  const alphas = linspace(0.05, 2.5, n);
  const t0 = performance.now();
  for (const alpha of alphas) {
    for (const tau of taus) {
      const p = { ...params };
      setAxis(model, p, 'tau', tau);
      setAxis(model, p, 'alpha', alpha);
      phaseCell(model, p);
    }
  }
  return (n * n) / ((performance.now() - t0) / 1000);
}

interface Reference {
  numpy_sgd_n2000?: number;
  numpy_sgd_n10000?: number;
  numpy_normals_per_s?: number;
  scipy_ode_fig1_ms?: number;
  numpy_version?: string;
  scipy_version?: string;
  scipy_sweep_cells_per_s?: number;
  scipy_fixed_points_d1_ms?: number;
  numpy_vae_steps_per_s_n2000?: number;
}

function reference(): Reference | null {
  const out: Reference = {};
  for (const script of [
    'bench/reference.py',
    'bench/reference_sweep.py',
    'bench/reference_vae.py',
  ]) {
    const part = runPythonReference<Reference>(script, quick ? ['--quick'] : []);
    if (part === null) return null;
    Object.assign(out, part);
  }
  return out;
}

const ref = reference();
const normals = normalsPerSecond();
const sgd2000 = ganSgd(2000, 'fast');
const sgd2000Literal = ganSgd(2000, 'literal');
const sgd10000 = ganSgd(10000, 'fast');
const odeMs = ganOdeMs();
const fp1 = fixedPointsMs(
  'model=gan&d=1&Lambda=1.2&LambdaT=1.2&tau=0.3&taut=0.47&eta=1',
  quick ? 20 : 100,
);
const fp2 = fixedPointsMs('model=gan', quick ? 3 : 10);
const sweepN = quick ? 30 : 100;
const sweepRate = sweepCellsPerSecond(sweepN);
const vaeRate = vaeSgdStepsPerSecond();
// Fig. 2 of the VAE paper: the settled ε_g for 60 values of β (matched and mismatched), τ = 0.01.
const fig2Ms = (() => {
  const t0 = performance.now();
  for (const dims of ['M=1&Mstar=1', 'M=2&Mstar=1']) {
    const { model, params } = parseState(`model=vae&tau=0.01&init=informed&m0=0.3&${dims}`, models);
    scan1d(model, params, { param: 'beta', values: linspace(0.05, 3, 60) });
  }
  return performance.now() - t0;
})();

// The newer models bring their own figures (each with its reference run in the same call).
const pca = benchPca(quick);
const contrastive = benchContrastive(quick);
const gmm = benchGmm(quick);
const vae = benchVae(quick);
const gan = benchGan(quick);
// The app's attraction grid on a pool of worker threads, one per core, against one thread
// (same code path as the browser's pool: core/basins labelCells).
const fig3State = contrastiveModel.presets.find((p) => p.id === 'fig3')!.state;
const gridN = quick ? 30 : 100;
const poolStart = await timePool(
  { kind: 'attraction', state: `model=contrastive&${fig3State}`, n: 2 },
  cores(),
);
const gridOne = await timePool(
  { kind: 'attraction', state: `model=contrastive&${fig3State}`, n: gridN },
  1,
);
const gridPool = await timePool(
  { kind: 'attraction', state: `model=contrastive&${fig3State}`, n: gridN },
  cores(),
);

const vs = (ours: number, theirs: number | undefined) => ({
  macroscope: round(ours),
  numpy: theirs === undefined ? null : round(theirs),
  ratio: theirs === undefined ? null : round(ours / theirs),
});

const out = {
  normals_per_s: vs(normals, ref?.numpy_normals_per_s),
  gan_sgd_n2000: {
    ...vs(sgd2000, ref?.numpy_sgd_n2000),
    macroscope_literal: round(sgd2000Literal),
  },
  gan_sgd_n10000: vs(sgd10000, ref?.numpy_sgd_n10000),
  gan_ode_fig1_ms: {
    macroscope: round(odeMs),
    scipy: ref?.scipy_ode_fig1_ms === undefined ? null : round(ref.scipy_ode_fig1_ms),
    ratio: ref?.scipy_ode_fig1_ms === undefined ? null : round(ref.scipy_ode_fig1_ms / odeMs),
  },
  gan_fixed_points_d1_ms: {
    macroscope: round(fp1),
    scipy: ref?.scipy_fixed_points_d1_ms === undefined ? null : round(ref.scipy_fixed_points_d1_ms),
    ratio:
      ref?.scipy_fixed_points_d1_ms === undefined
        ? null
        : round(ref.scipy_fixed_points_d1_ms / fp1),
  },
  gan_fixed_points_d2_ms: { macroscope: round(fp2) },
  gan_sweep_cells_per_s: {
    macroscope: round(sweepRate),
    scipy: ref?.scipy_sweep_cells_per_s === undefined ? null : round(ref.scipy_sweep_cells_per_s),
    ratio:
      ref?.scipy_sweep_cells_per_s === undefined
        ? null
        : round(sweepRate / ref.scipy_sweep_cells_per_s),
    grid: `${sweepN}×${sweepN}`,
  },
  vae_sgd_n2000: {
    macroscope: round(vaeRate),
    numpy:
      ref?.numpy_vae_steps_per_s_n2000 === undefined
        ? null
        : round(ref.numpy_vae_steps_per_s_n2000),
    ratio:
      ref?.numpy_vae_steps_per_s_n2000 === undefined
        ? null
        : round(vaeRate / ref.numpy_vae_steps_per_s_n2000),
  },
  vae_fig2_sweep_ms: { macroscope: round(fig2Ms), cells: 120 },
  ...pca,
  ...contrastive,
  ...gmm,
  ...vae,
  ...benchContinuation(quick),
  ...gan,
  contrastive_attraction_pool_ms: {
    grid: `${gridN}×${gridN}`,
    one_thread: round(gridOne.ms),
    pool: round(gridPool.ms),
    threads: cores(),
    speedup: round(gridOne.ms / gridPool.ms),
    pool_startup_ms: round(poolStart.ms),
  },
  units: {
    normals_per_s: 'standard normals per second',
    gan_sgd: 'coordinate-updates per second (SGD steps × n / s), one thread, d = 2, Fig. 1(a)',
    gan_ode_fig1_ms: 'milliseconds to integrate Fig. 1(a) to T = 600 at rtol 1e-6, atol 1e-9',
    gan_sgd_reduced_steps_per_s:
      "Gram-chain SGD steps per second (variant 'gram'), one thread, Fig. 1(a), at n = 10³, 10⁴, 10⁶",
    gan_sgd_time_to_T_ratio:
      'seconds to simulate Fig. 1(a) to T = 600 at n = 2000 (1.2 M steps): ours (Gram chain) against the NumPy literal SGD and the NumPy Gram chain (bench/gan.ts)',
    gan_fixed_points:
      'milliseconds for the fixed-point search (d = 1: Fig. 4(d); d = 2: Fig. 1(a), random starts in 9 dimensions)',
    vae_sgd_n2000: 'literal β-VAE SGD steps per second, N = 2000, M = M* = 1, one thread',
    vae_fig2_sweep_ms:
      'milliseconds for the settled ε_g at 60 β values, matched and mismatched, τ = 0.01 (ODE to 30000 plus the phase label)',
    gan_sweep_cells_per_s:
      'phase-diagram cells per second, one thread: fixed points + ODE to t = 1000 + late-time variation (the SciPy reference does the same per cell)',
    contrastive_attraction_pool_ms:
      "wall-clock ms for the app's Fig. 3 attraction grid (core/basins labelCells, log grid on [1e-4, 1]², every cell) on one worker thread and on one per core; startup = the same pool on a 2×2 grid",
  },
  environment: {
    node: process.version,
    numpy: ref?.numpy_version ?? null,
    scipy: ref?.scipy_version ?? null,
    quick,
  },
};
console.log(JSON.stringify(out, null, 2));
