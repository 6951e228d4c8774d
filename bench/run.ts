/**
 * `npm run bench`: one JSON object of speed figures, each beside its NumPy/SciPy reference
 * measured in the same run (bench/reference.py), with `ratio` = how many times faster
 * macroscope was. Single thread on both sides. `--quick` shortens every measurement.
 */
import { spawnSync } from 'node:child_process';

import { fillNormals } from '../src/core/normal';
import { solveOde } from '../src/core/ode';
import { Rng } from '../src/core/rng';
import { parseState } from '../src/core/state';
import { models } from '../src/models/registry';

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

interface Reference {
  numpy_sgd_n2000?: number;
  numpy_sgd_n10000?: number;
  numpy_normals_per_s?: number;
  scipy_ode_fig1_ms?: number;
  numpy_version?: string;
  scipy_version?: string;
}

function reference(): Reference | null {
  // Unset OpenBLAS's processor override for this one command: it slows a current NumPy
  // (see the workplace notes); one BLAS thread is set inside the script.
  const env = { ...process.env };
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  const r = spawnSync('python3', ['bench/reference.py', ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    env,
  });
  if (r.status !== 0) {
    process.stderr.write(
      `bench: the NumPy/SciPy reference did not run: ${r.stderr.trim().split('\n').at(-1) ?? r.error?.message}\n`,
    );
    return null;
  }
  return JSON.parse(r.stdout) as Reference;
}

const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

const ref = reference();
const normals = normalsPerSecond();
const sgd2000 = ganSgd(2000, 'fast');
const sgd2000Literal = ganSgd(2000, 'literal');
const sgd10000 = ganSgd(10000, 'fast');
const odeMs = ganOdeMs();

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
  units: {
    normals_per_s: 'standard normals per second',
    gan_sgd: 'coordinate-updates per second (SGD steps × n / s), one thread, d = 2, Fig. 1(a)',
    gan_ode_fig1_ms: 'milliseconds to integrate Fig. 1(a) to T = 600 at rtol 1e-6, atol 1e-9',
  },
  environment: {
    node: process.version,
    numpy: ref?.numpy_version ?? null,
    scipy: ref?.scipy_version ?? null,
    quick,
  },
};
console.log(JSON.stringify(out, null, 2));
