/**
 * bench: the GAN's Gram chain (variant 'gram', src/models/gan/reduced.ts).
 * - `gan_sgd_reduced_steps_per_s`: SGD steps per second of Fig. 1(a) at n = 10³, 10⁴ and 10⁶, one
 *   thread; a step's cost does not depend on n, so the three should agree (spread = max/min − 1).
 * - `gan_sgd_time_to_T_ratio`: seconds to simulate Fig. 1(a) to T = 600 at n = 2000 (1.2 M steps)
 *   with the Gram chain, against the NumPy literal SGD (bench/reference.py's sgd_steps) and the same
 *   Gram chain in NumPy (bench/reference_gan_gram.py), both run by this call. Ours is timed over the
 *   whole run; the NumPy sides over a prefix scaled to 1.2 M steps (per-step cost is constant).
 *   `quick` times our run to T = 60 and scales it too.
 */
import { spawnSync } from 'node:child_process';

import { parseState } from '../src/core/state';
import { ganParamsOf } from '../src/models/gan/params';
import { GanGramSimulator } from '../src/models/gan/reduced';
import { models } from '../src/models/registry';

const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

function fig1aParams(n: number) {
  const fig1 = models.find((m) => m.id === 'gan')!.presets.find((p) => p.id === 'fig1a')!.state;
  // n = 10⁶ is above the app's slider range (10⁵): build the parameters directly.
  return { ...ganParamsOf(parseState(fig1, models).params), n };
}

/** Steps per second of the Gram chain at dimension n over about `seconds` of stepping. */
function stepsPerSecond(n: number, seconds: number): number {
  const sim = new GanGramSimulator(fig1aParams(n));
  sim.step(20_000); // warm-up: let V8 optimise
  const chunk = 50_000;
  let steps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    sim.step(chunk);
    steps += chunk;
  }
  return steps / ((performance.now() - t0) / 1000);
}

interface Reference {
  numpy_gan_literal_fig1a_T600_s: number;
  numpy_gan_gram_fig1a_T600_s: number;
  numpy_gan_literal_timed_steps: number;
  numpy_gan_gram_timed_steps: number;
}

function reference(quick: boolean): Reference | null {
  const env = { ...process.env };
  // As bench/run.ts: the script pins one BLAS thread; drop OpenBLAS's processor override.
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  const r = spawnSync('python3', ['bench/reference_gan_gram.py', ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    env,
  });
  if (r.status !== 0) {
    const why = r.stderr.trim().split('\n').at(-1) ?? r.error?.message;
    process.stderr.write(`bench: bench/reference_gan_gram.py did not run: ${why}\n`);
    return null;
  }
  return JSON.parse(r.stdout) as Reference;
}

export function benchGan(quick: boolean): Record<string, unknown> {
  const seconds = quick ? 0.5 : 2;
  const rates = [1e3, 1e4, 1e6].map((n) => stepsPerSecond(n, seconds));
  const n = 2000;
  const T = quick ? 60 : 600;
  const sim = new GanGramSimulator(fig1aParams(n));
  const t0 = performance.now();
  sim.step(n * T);
  const oursS = ((performance.now() - t0) / 1000) * (600 / T);
  const ref = reference(quick);
  const ratio = (theirs: number | undefined) =>
    theirs === undefined ? null : round(theirs / oursS);
  return {
    gan_sgd_reduced_steps_per_s: {
      n1000: round(rates[0]!),
      n10000: round(rates[1]!),
      n1000000: round(rates[2]!),
      spread: round(Math.max(...rates) / Math.min(...rates) - 1),
    },
    gan_sgd_time_to_T_ratio: {
      macroscope_gram_s: round(oursS),
      numpy_literal_s: ref ? round(ref.numpy_gan_literal_fig1a_T600_s) : null,
      numpy_gram_s: ref ? round(ref.numpy_gan_gram_fig1a_T600_s) : null,
      vs_numpy_literal: ratio(ref?.numpy_gan_literal_fig1a_T600_s),
      vs_numpy_gram: ratio(ref?.numpy_gan_gram_fig1a_T600_s),
      timed_steps: {
        macroscope: n * T,
        numpy_literal: ref?.numpy_gan_literal_timed_steps ?? null,
        numpy_gram: ref?.numpy_gan_gram_timed_steps ?? null,
      },
    },
  };
}

// `npx tsx bench/gan.ts [--quick]` prints these figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(benchGan(process.argv.includes('--quick')), null, 2));
}
