/**
 * A lane: one worker that runs one call at a time. A new call aborts the previous one; an
 * aborted or crashed call terminates the worker, which is recreated on the next call
 * (docs/architecture.md, habit 3, after squoosh's WorkerBridge). Callers ignore AbortError.
 */
import * as Comlink from 'comlink';

export class AbortError extends Error {
  override name = 'AbortError';
  constructor() {
    super('aborted');
  }
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

export class WorkerLane<Api> {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<Api> | null = null;
  private controller: AbortController | null = null;

  /**
   * @param create makes a fresh worker.
   * @param terminateOnAbort end the worker when a call is aborted (long calls such as SGD);
   *   for short calls (an ODE takes milliseconds) a stale result is merely dropped, which
   *   keeps the warm worker.
   */
  constructor(
    private readonly create: () => Worker,
    private readonly terminateOnAbort = true,
  ) {}

  /**
   * Run `fn` against the worker's API. Resolves with its result, or rejects with AbortError
   * when `signal` aborts or a newer call replaces this one.
   */
  async call<T>(fn: (api: Comlink.Remote<Api>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) controller.abort();
    const remote = this.ensure();
    try {
      return await new Promise<T>((resolve, reject) => {
        const stop = () => {
          if (this.terminateOnAbort) this.terminate(); // a long computation ends with its worker
          reject(new AbortError());
        };
        if (controller.signal.aborted) return stop();
        controller.signal.addEventListener('abort', stop, { once: true });
        const settle = () => controller.signal.removeEventListener('abort', stop);
        fn(remote).then(
          (value) => {
            settle();
            resolve(value);
          },
          (err: unknown) => {
            settle();
            if (controller.signal.aborted) return;
            // A crashed worker is replaced on the next call.
            this.terminate();
            reject(err instanceof Error ? err : new Error(String(err)));
          },
        );
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (this.controller === controller) this.controller = null;
    }
  }

  terminate(): void {
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }

  private ensure(): Comlink.Remote<Api> {
    if (!this.remote) {
      this.worker = this.create();
      this.remote = Comlink.wrap<Api>(this.worker);
    }
    return this.remote;
  }
}

/** A pool of `size` lanes (at least one) over workers made by `create`. */
export function lanePool<Api>(
  create: () => Worker,
  size: number,
  terminateOnAbort = true,
): WorkerLane<Api>[] {
  return Array.from(
    { length: Math.max(1, size) },
    () => new WorkerLane<Api>(create, terminateOnAbort),
  );
}

/**
 * Items dealt round-robin over `parts` workers: part k gets items k, k + parts, … Neighbouring
 * items (coarse-to-fine cells, consecutive runs) cost alike, so this balances the load.
 */
export function dealRoundRobin<T>(items: readonly T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, k) => items.filter((_, m) => m % parts === k));
}
