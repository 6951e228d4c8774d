/**
 * How many SGD steps each run of a worker's batch advances before the next run's turn: sized by
 * the measured time per step, not by an assumed O(n) cost. A Gram chain's step costs well under
 * a microsecond whatever n (models/gan/reduced.ts), a literal step O(n); a fixed step count is
 * either far too small for the first (the loop's bookkeeping dominates) or far too large for the
 * second (the worker stops reporting and the runs drift apart in time).
 */

/** Wall-clock time one round (every unfinished run advanced by one slice) aims at, in ms. */
export const ROUND_MS = 8;
/** The first slice, before any measurement; small enough for a literal step at n = 10⁵. */
export const PROBE_STEPS = 200;
/** Bounds of a slice: a round's bookkeeping stays negligible, and a slice stays below 2³⁰. */
export const MIN_STEPS = 20;
export const MAX_STEPS = 1 << 24;
/** A slice at most grows this much per round (a round timed at 0 ms says only "fast"). */
const MAX_GROWTH = 4;

export class SliceSizer {
  /** The steps per run of the next round. */
  steps = PROBE_STEPS;

  /**
   * Record a round: `ms` of wall clock for `runs` runs advanced by the current slice each.
   * The next slice makes a round take about ROUND_MS at that cost per step.
   */
  record(ms: number, runs: number): void {
    if (runs <= 0) return;
    const grown = this.steps * MAX_GROWTH;
    const perStep = ms / (this.steps * runs);
    const wanted = perStep > 0 ? ROUND_MS / (perStep * runs) : grown;
    this.steps = Math.round(Math.min(MAX_STEPS, Math.max(MIN_STEPS, Math.min(grown, wanted))));
  }
}
