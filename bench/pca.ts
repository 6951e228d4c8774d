/**
 * bench: `pca_sgd_n2000` — spiked matrix PCA SGD steps per second at n = 2000 (k = 2, λ = 1.2,
 * c_δ = 1, the O(n) exact sampler 'fast' of src/models/pca/sgd.ts, one thread), against the same
 * step in NumPy (bench/reference_pca.py) measured in the same call; and
 * `pca_sgd_reduced_steps_per_s` — the O(1) Gram chain (src/models/pca/reduced.ts, the default
 * sampler) at n = 10³, 10⁴ and 10⁶, whose rates should agree within 20 %.
 */

import { parseState } from '../src/core/state';
import { models } from '../src/models/registry';
import { round, runPythonReference } from './python';

const state = (n: number) => `model=pca&k=2&lambda=1.2&cdelta=1&init=random&r0=1&n=${n}&seed=1`;
const REDUCED_NS = [1e3, 1e4, 1e6];

/** A simulator of the bench's state at dimension n, one of the model's variants. */
function simulator(n: number, variant: string) {
  const { model, params } = parseState(state(n), models);
  return model.simulator(params, { variant });
}

/** Median over repeats of steps per second for chunks of SGD steps. */
function sgdStepsPerSecond(quick: boolean): number {
  const sim = simulator(2000, 'fast');
  sim.step(500); // warm-up
  const chunk = 2000;
  const rates: number[] = [];
  for (let r = 0; r < (quick ? 7 : 25); r++) {
    const t0 = performance.now();
    sim.step(chunk);
    rates.push(chunk / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)]!;
}

/**
 * The Gram chain's steps per second at each n of REDUCED_NS: the median of chunks taken in turn
 * (n = 10³, 10⁴, 10⁶, 10³, …) and timed in process CPU time, so that a busy shared machine, which
 * deschedules the process for whole milliseconds, hits no n more than another.
 */
function reducedStepsPerSecond(quick: boolean): number[] {
  const sims = REDUCED_NS.map((n) => simulator(n, 'gram'));
  for (const sim of sims) sim.step(100000); // warm-up
  const chunk = 50000;
  const rates = sims.map(() => [] as number[]);
  for (let r = 0; r < (quick ? 15 : 45); r++) {
    sims.forEach((sim, i) => {
      const t0 = process.cpuUsage();
      sim.step(chunk);
      const dt = process.cpuUsage(t0);
      rates[i]!.push(chunk / ((dt.user + dt.system) / 1e6));
    });
  }
  return rates.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
}

/** The NumPy reference's steps per second, or null (with a note on stderr) if it did not run. */
function numpyStepsPerSecond(quick: boolean): number | null {
  const parsed = runPythonReference<{ numpy_pca_steps_per_s_n2000?: number }>(
    'bench/reference_pca.py',
    quick ? ['--quick'] : [],
  );
  return parsed?.numpy_pca_steps_per_s_n2000 ?? null;
}

export function benchPca(quick: boolean): Record<string, unknown> {
  const macroscope = sgdStepsPerSecond(quick);
  const numpy = numpyStepsPerSecond(quick);
  const reduced = reducedStepsPerSecond(quick);
  return {
    pca_sgd_n2000: {
      macroscope: round(macroscope),
      numpy: numpy === null ? null : round(numpy),
      ratio: numpy === null ? null : round(macroscope / numpy),
      what: 'spiked matrix PCA SGD steps per second, n = 2000, k = 2, O(n) exact sampler, one thread',
    },
    pca_sgd_reduced_steps_per_s: {
      ...Object.fromEntries(REDUCED_NS.map((n, i) => [`n${n}`, round(reduced[i]!)])),
      max_over_min: round(Math.max(...reduced) / Math.min(...reduced)),
      what: 'spiked matrix PCA SGD steps per CPU second of the exact (m, r⊥) Gram chain, k = 2, one thread',
    },
  };
}
