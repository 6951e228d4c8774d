/**
 * A stop request from the page, answered between slices of a call that works in slices (an SGD
 * batch, a phase diagram's cells, attraction cells, a fixed-point search). A lane posts
 * `{ macroscopeStop: true }` when its running call is aborted (lane.ts). A long lane then
 * terminates the worker, but Chromium's Worker.terminate() lands 30–200 ms after the call (it
 * goes through the browser process), and until then a stale run kept both cores' worth of work
 * going while the new request's ODE waited (docs/reliability.md). A warm lane keeps its worker,
 * which is free for the next call within a slice. The message arrives at once; the call sees it
 * at its next turn of the event loop (`StopPoints`, or runInSlices in sliced.ts) and returns.
 *
 * Each worker runs one call at a time, and a lane sends the next call only after the aborted one
 * has ended, so its message comes after the stop: one flag per worker suffices, cleared by each
 * call that checks it when it begins.
 */

export const STOP_MESSAGE = { macroscopeStop: true } as const;

/** How long a streaming call computes between two turns of the event loop, in ms. */
export const STOP_CHECK_MS = 4;

let requested = false;

/** The flag, for the worker APIs (and the Node tests, which have no page to post it). */
export const stopRequest = {
  get requested(): boolean {
    return requested;
  },
  /** Set by the listener; the tests set it directly. */
  request(): void {
    requested = true;
  },
  /** A call begins: an old request is not its own. */
  clear(): void {
    requested = false;
  },
};

/**
 * Listen for the page's stop message. Each worker entry installs this before comlink's listener,
 * and the message goes no further (comlink would answer it as a malformed call).
 */
export function listenForStop(scope: {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}): void {
  scope.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { macroscopeStop?: unknown } | null)?.macroscopeStop !== true) return;
    event.stopImmediatePropagation();
    stopRequest.request();
  });
}

/**
 * A turn of the event loop: a message to a fresh channel is queued behind the messages already
 * waiting (a stop or a cancel among them). Not setTimeout(0): nested timeouts are clamped to 4 ms,
 * which would add a slice's worth of idling to every slice.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * A point where a long call may stop: after STOP_CHECK_MS of computing since the last one, give
 * the event loop a turn. Resolves to true when the page asked the call to stop.
 */
export class StopPoints {
  private last = performance.now();

  async stopped(): Promise<boolean> {
    if (performance.now() - this.last < STOP_CHECK_MS) return stopRequest.requested;
    await nextTask();
    this.last = performance.now();
    return stopRequest.requested;
  }
}
