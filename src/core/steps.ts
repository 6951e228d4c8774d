/**
 * Stepwise computations: a generator that yields between steps of a long synchronous search
 * (fixedPoints.ts findFixedPointsInSteps). The CLI drains it at once; a worker runs it in slices
 * (workers/sliced.ts) and gives its event loop a turn between them, so that a cancel message is
 * answered within a slice instead of only by ending the worker.
 */

/** Run the steps to their end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
