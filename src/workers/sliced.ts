/**
 * A stepwise computation (core/steps.ts) run in a worker in slices: between slices the worker's
 * event loop takes its messages, so a cancel is answered within a slice (analysis.api.ts
 * fixedPoints).
 */

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

/**
 * A turn of the event loop: a message to a fresh channel is queued behind the messages already
 * waiting (a cancel among them). Not setTimeout(0): nested timeouts are clamped to 4 ms, which
 * would add half a slice to every slice.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
