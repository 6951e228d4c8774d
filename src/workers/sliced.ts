/**
 * A stepwise computation (core/steps.ts) run in a worker in slices: between slices the worker's
 * event loop takes its messages, so a cancel is answered within a slice (analysis.api.ts
 * fixedPoints).
 */
import { nextTask } from './stop';

/** The steps were cancelled before they ended (a newer request superseded them). */
export class StepsCancelled extends Error {
  override name = 'AbortError';
  constructor() {
    super('cancelled');
  }
}

/**
 * Run the steps in slices of about `sliceMs`, giving the event loop a turn between slices;
 * rejects with StepsCancelled at the first slice boundary after `cancelled()` turns true.
 */
export async function runInSlices<T>(
  steps: Generator<void, T>,
  cancelled: () => boolean,
  sliceMs = 8,
): Promise<T> {
  for (;;) {
    const end = performance.now() + sliceMs;
    while (performance.now() < end) {
      const next = steps.next();
      if (next.done) return next.value;
    }
    await nextTask();
    if (cancelled()) throw new StepsCancelled();
  }
}
