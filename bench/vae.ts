/**
 * Benchmarks of the β-VAE's Gram chain (src/models/vae/reduced.ts, the default sampler):
 * - `vae_sgd_reduced_steps_per_s`: SGD steps per CPU second of one run at N = 10³, 10⁴ and 10⁶ (the
 *   Fig. 1 matched preset, M = M* = 1, otherwise unchanged). A step costs O(1) in N, so the three
 *   should agree within 20 %; `spread` is max/min − 1.
 * - `vae_sgd_fig1_s`: seconds for one run of the Fig. 1 preset (fig1-matched: N = 500, τ = 0.01,
 *   T = 1500, i.e. 750 000 steps, 61 samples) with the Gram chain and with the literal O(N) SGD,
 *   against the NumPy literal SGD of bench/reference_vae.py (`--fig1`) run in the same call, wall
 *   clock and process CPU (the machine may be shared: CPU time is the fairer figure). `quick`
 *   runs a tenth of the literal runs and scales their times ×10; the Gram chain always runs all.
 */

import { timeGrid } from '../src/core/ode';
import { SampledSgd } from '../src/core/run';
import { parseState } from '../src/core/state';
import { vaeModel } from '../src/models/vae';
import { round, runPythonReference } from './python';

const FIG1 = vaeModel.presets.find((p) => p.id === 'fig1-matched')!.state;

/** CPU seconds of this process (user + system) since `from`. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};

/**
 * Gram-chain steps per CPU second at each dimension, one run each. The machine may be shared, so
 * the dimensions take turns in ten rounds of short windows (a change of load hits all of them
 * alike) and each reports its best window (the least disturbed one).
 */
function gramStepsPerSecond(dims: number[], seconds: number): number[] {
  const sims = dims.map((n) => {
    const { params } = parseState(`${FIG1}&n=${n}`, [vaeModel]);
    const sim = vaeModel.simulator(params, { variant: 'gram' });
    sim.step(20000); // warm-up: let V8 optimise
    return sim;
  });
  const rounds = 10;
  const chunk = 5000;
  const best = dims.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    sims.forEach((sim, k) => {
      let steps = 0;
      const cpu0 = process.cpuUsage();
      while (cpuSince(cpu0) < seconds / rounds) {
        sim.step(chunk);
        steps += chunk;
      }
      best[k] = Math.max(best[k]!, steps / cpuSince(cpu0));
    });
  }
  return best;
}

/** Wall and CPU seconds for one Fig. 1 run of a variant, sampled as the app samples it. */
function fig1Seconds(variant: string, fraction: number): { wall: number; cpu: number } {
  const { params } = parseState(FIG1, [vaeModel]);
  const T = Number(params['T']);
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  const sim = vaeModel.simulator(params, { variant });
  const run = new SampledSgd(sim, timeGrid(0, T, 61), [], vaeModel.observables!(params));
  const steps = Math.round((T * sim.stepsPerTime) / fraction);
  while (!run.done && sim.steps < steps) run.advance(Math.min(100000, steps - sim.steps));
  return { wall: ((performance.now() - wall0) / 1000) * fraction, cpu: cpuSince(cpu0) * fraction };
}

interface Reference {
  numpy_vae_fig1_s: number;
  numpy_vae_fig1_cpu_s: number;
}

function reference(quick: boolean): Reference | null {
  return runPythonReference<Reference>('bench/reference_vae.py', [
    '--fig1',
    ...(quick ? ['--quick'] : []),
  ]);
}

export function benchVae(quick: boolean): Record<string, unknown> {
  const seconds = quick ? 0.5 : 2;
  const dims = [1e3, 1e4, 1e6];
  const values = gramStepsPerSecond(dims, seconds);
  const rates = Object.fromEntries(dims.map((n, k) => [`n${n}`, values[k]!]));
  const fraction = quick ? 10 : 1;
  fig1Seconds('gram', 1); // warm-up
  const gram = fig1Seconds('gram', 1);
  const literal = fig1Seconds('literal', fraction);
  const ref = reference(quick);
  const ratio = (theirs: number | undefined, ours: number) =>
    theirs === undefined ? null : round(theirs / ours);
  return {
    vae_sgd_reduced_steps_per_s: {
      ...Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, round(v)])),
      spread: round(Math.max(...values) / Math.min(...values) - 1, 2),
    },
    vae_sgd_fig1_s: {
      gram: round(gram.wall),
      gram_cpu: round(gram.cpu),
      literal: round(literal.wall),
      literal_cpu: round(literal.cpu),
      numpy: ref ? round(ref.numpy_vae_fig1_s) : null,
      numpy_cpu: ref ? round(ref.numpy_vae_fig1_cpu_s) : null,
      ratio: ratio(ref?.numpy_vae_fig1_s, gram.wall),
      ratio_cpu: ratio(ref?.numpy_vae_fig1_cpu_s, gram.cpu),
      ratio_literal_cpu: round(literal.cpu / gram.cpu),
    },
    units_vae: {
      vae_sgd_reduced_steps_per_s:
        'Gram-chain SGD steps per CPU second (best of ten rounds of windows, the dimensions taking turns), one run, one thread, Fig. 1 matched preset at N = 10³, 10⁴, 10⁶; spread = max/min − 1',
      vae_sgd_fig1_s: `seconds (wall; _cpu: process CPU) for one run of the Fig. 1 preset (N = 500, T = 1500: 750 000 steps, 61 samples): gram = the Gram chain (the default), literal = the O(N) SGD, numpy = the literal SGD in NumPy (bench/reference_vae.py --fig1, one BLAS thread); ratio = numpy / gram${quick ? '; quick: literal and numpy ran a tenth of the steps, scaled ×10' : ''}`,
    },
  };
}
