/**
 * bench: the GAN's Gram chain (variant 'gram', src/models/gan/reduced.ts).
 * - `gan_sgd_reduced_steps_per_s`: SGD steps per second of Fig. 1(a) at n = 10³, 10⁴ and 10⁶, one
 *   thread; a step's cost does not depend on n, so the three should agree (spread = max/min − 1).
 * - `gan_sgd_time_to_T_ratio`: seconds to simulate Fig. 1(a) to T = 600 at n = 2000 (1.2 M steps)
 *   with the Gram chain, against the NumPy literal SGD (bench/reference.py's sgd_steps) and the same
 *   Gram chain in NumPy (bench/reference_gan_gram.py), both run by this call. Ours is timed over the
 *   whole run (the faster of a run before and one after the references); the NumPy sides over
 *   blocks of a prefix, the fastest block scaled to 1.2 M steps (per-step cost is constant).
 *   `quick` times our run to T = 60 and scales it too.
 */

import { parseState } from '../src/core/state';
import { ganParamsOf } from '../src/models/gan/params';
import { GanGramSimulator } from '../src/models/gan/reduced';
import { models } from '../src/models/registry';
import { round, runPythonReference } from './python';

function fig1aParams(n: number) {
  const fig1 = models.find((m) => m.id === 'gan')!.presets.find((p) => p.id === 'fig1a')!.state;
  // n = 10⁶ is above the app's slider range (10⁵): build the parameters directly.
  return { ...ganParamsOf(parseState(fig1, models).params), n };
}

/**
 * Steps per second of the Gram chain at each n, best of `rounds` slices of ≈ `slice` seconds taken
 * in turn (n₁, n₂, n₃, n₁, …), so that a change in the machine's load hits every n alike.
 */
function stepsPerSecond(ns: number[], slice: number, rounds: number): number[] {
  const sims = ns.map((n) => new GanGramSimulator(fig1aParams(n)));
  for (const sim of sims) sim.step(20_000); // warm-up: let V8 optimise
  const best = ns.map(() => 0);
  const chunk = 20_000;
  for (let round = 0; round < rounds; round++) {
    sims.forEach((sim, i) => {
      let steps = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < slice * 1000) {
        sim.step(chunk);
        steps += chunk;
      }
      best[i] = Math.max(best[i]!, steps / ((performance.now() - t0) / 1000));
    });
  }
  return best;
}

/** Seconds for `steps` steps of Fig. 1(a) at n = 2000 from the start (a fresh chain). */
function secondsFor(steps: number): number {
  const sim = new GanGramSimulator(fig1aParams(2000));
  const t0 = performance.now();
  sim.step(steps);
  return (performance.now() - t0) / 1000;
}

interface Reference {
  numpy_gan_literal_fig1a_T600_s: number;
  numpy_gan_gram_fig1a_T600_s: number;
  numpy_gan_literal_timed_steps: number;
  numpy_gan_gram_timed_steps: number;
}

function reference(quick: boolean): Reference | null {
  return runPythonReference<Reference>('bench/reference_gan_gram.py', quick ? ['--quick'] : []);
}

export function benchGan(quick: boolean): Record<string, unknown> {
  const rates = stepsPerSecond([1e3, 1e4, 1e6], quick ? 0.15 : 0.4, 5);
  const n = 2000;
  const T = quick ? 60 : 600;
  // Ours before and after the NumPy references, the faster of the two (as the references take
  // the best of their timed blocks): the machine may be shared.
  const before = secondsFor(n * T);
  const ref = reference(quick);
  const oursS = Math.min(before, secondsFor(n * T)) * (600 / T);
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
