/**
 * bench: `pca_sgd_n2000` — spiked matrix PCA SGD steps per second at n = 2000 (k = 2, λ = 1.2,
 * c_δ = 1, the O(n) exact sampler of src/models/pca/sgd.ts, one thread), against the same step in
 * NumPy (bench/reference_pca.py) measured in the same call.
 */
import { spawnSync } from 'node:child_process';

import { parseState } from '../src/core/state';
import { models } from '../src/models/registry';

const STATE = 'model=pca&k=2&lambda=1.2&cdelta=1&init=random&r0=1&n=2000&seed=1';

/** Median over repeats of steps per second for chunks of SGD steps. */
function sgdStepsPerSecond(quick: boolean): number {
  const { model, params } = parseState(STATE, models);
  const sim = model.simulator(params);
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

/** The NumPy reference's steps per second, or null (with a note on stderr) if it did not run. */
function numpyStepsPerSecond(quick: boolean): number | null {
  const env = { ...process.env };
  // As bench/run.ts: let the script pin one BLAS thread; drop OpenBLAS's processor override.
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  const r = spawnSync('python3', ['bench/reference_pca.py', ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    env,
  });
  if (r.status !== 0) {
    const why = r.stderr.trim().split('\n').at(-1) ?? r.error?.message;
    process.stderr.write(`bench: bench/reference_pca.py did not run: ${why}\n`);
    return null;
  }
  const parsed = JSON.parse(r.stdout) as { numpy_pca_steps_per_s_n2000?: number };
  return parsed.numpy_pca_steps_per_s_n2000 ?? null;
}

const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

export function benchPca(quick: boolean): Record<string, unknown> {
  const macroscope = sgdStepsPerSecond(quick);
  const numpy = numpyStepsPerSecond(quick);
  return {
    pca_sgd_n2000: {
      macroscope: round(macroscope),
      numpy: numpy === null ? null : round(numpy),
      ratio: numpy === null ? null : round(macroscope / numpy),
      what: 'spiked matrix PCA SGD steps per second, n = 2000, k = 2, O(n) exact sampler, one thread',
    },
  };
}
