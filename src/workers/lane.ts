/**
 * A lane: one worker that runs the latest request only (docs/reliability.md).
 *
 * - A new call supersedes the previous one: a call still waiting is dropped before it starts,
 *   a running one is rejected with AbortError at once. A long lane (SGD, continuation) also
 *   terminates the worker; a warm lane (ODE, fixed points: milliseconds) lets it finish, but only
 *   for STALE_GRACE_MS, then terminates it, so a queue of stale work can never build up.
 * - A worker that fails (an `error` or `messageerror` event, or silence past the watchdog)
 *   rejects its call with WorkerFailedError and is replaced on the next call.
 * - An idle worker is released after `idleMs`, so the number of live workers stays bounded.
 * After squoosh's WorkerBridge (docs/architecture.md, habit 3). Callers ignore AbortError.
 */
import * as Comlink from 'comlink';

import { STOP_MESSAGE } from './stop';

export class AbortError extends Error {
  override name = 'AbortError';
  constructor() {
    super('aborted');
  }
}

/** The worker died or stopped answering; the lane has already replaced it. */
export class WorkerFailedError extends Error {
  override name = 'WorkerFailedError';
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

export function isWorkerFailure(err: unknown): boolean {
  return err instanceof Error && err.name === 'WorkerFailedError';
}

/** How long a superseded call of a warm lane may keep its worker before it is terminated. */
export const STALE_GRACE_MS = 150;
/**
 * A call that has not answered (nor fed its watchdog) for this long is declared dead. Lanes of
 * short or streaming calls set a much shorter one (app/timing.ts).
 */
export const DEFAULT_WATCHDOG_MS = 300_000;
/** An idle worker is released after this long. */
export const DEFAULT_IDLE_MS = 30_000;

export interface LaneOptions {
  /** End the worker when a call is aborted (long calls such as SGD); default true. */
  terminateOnAbort?: boolean;
  /** What the lane runs, for messages: "the ODE worker stopped …". */
  label?: string;
  watchdogMs?: number;
  idleMs?: number;
}

/** Given to each call: a long call that streams progress feeds it; a paused one holds it. */
export interface Watchdog {
  feed(): void;
  hold(held: boolean): void;
}

interface Running {
  controller: AbortController;
  /** This call's watchdog limit (a faulted test call gets a short one). */
  limitMs: number;
  rearm(): void;
  fail(err: Error): void;
  watchdog: ReturnType<typeof setTimeout> | null;
}

export class WorkerLane<Api> {
  private worker: Worker | null = null;
  private remote: Comlink.Remote<Api> | null = null;
  /** The worker is computing (possibly for a superseded call). */
  private busy = false;
  private running: Running | null = null;
  private pending: { start(): void; drop(): void } | null = null;
  private graceTimer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly options: Required<LaneOptions>;
  private armedFault: { fault: WorkerFault; watchdogMs: number } | null = null;

  /**
   * @param create makes a fresh worker.
   * @param options a boolean is `terminateOnAbort` alone (for short calls, false: an ODE takes
   *   milliseconds, so a stale result is merely dropped, which keeps the warm worker).
   */
  constructor(
    private readonly create: () => Worker,
    options: boolean | LaneOptions = true,
  ) {
    const o = typeof options === 'boolean' ? { terminateOnAbort: options } : options;
    this.options = {
      terminateOnAbort: o.terminateOnAbort ?? true,
      label: o.label ?? 'the worker',
      watchdogMs: o.watchdogMs ?? DEFAULT_WATCHDOG_MS,
      idleMs: o.idleMs ?? DEFAULT_IDLE_MS,
    };
  }

  /** Change the watchdog (the fault tests shorten it). */
  setWatchdogMs(ms: number): void {
    this.options.watchdogMs = ms;
  }

  /** A call is running (the fault tests fault only the SGD lanes that run). */
  get hasRunningCall(): boolean {
    return this.running !== null;
  }

  /**
   * The fault tests' hook (docs/reliability.md): make the worker crash ('throw'), close itself
   * ('close') or be killed from outside ('terminate'), now if a call runs, else when the next
   * call starts. Nothing calls it outside the tests.
   */
  injectFault(fault: WorkerFault, watchdogMs = this.options.watchdogMs): void {
    if (this.running && this.worker) {
      this.running.limitMs = watchdogMs;
      this.running.rearm();
      applyFault(this.worker, fault);
    } else this.armedFault = { fault, watchdogMs };
  }

  /**
   * Run `fn` against the worker's API. Resolves with its result; rejects with AbortError when
   * `signal` aborts or a newer call supersedes this one, with WorkerFailedError when the worker
   * dies or falls silent, or with the worker's own error.
   */
  call<T>(
    fn: (api: Comlink.Remote<Api>, watchdog: Watchdog) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    this.pending?.drop();
    this.pending = null;
    this.running?.controller.abort();
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(new AbortError());
      const drop = () => {
        signal?.removeEventListener('abort', dropOnAbort);
        reject(new AbortError());
      };
      const dropOnAbort = () => {
        if (this.pending?.drop === drop) this.pending = null;
        drop();
      };
      signal?.addEventListener('abort', dropOnAbort, { once: true });
      const start = () => {
        signal?.removeEventListener('abort', dropOnAbort);
        this.start(fn, signal, resolve, reject);
      };
      if (this.busy) this.pending = { start, drop };
      else start();
    });
  }

  /** End the worker now; a waiting call starts on a fresh one. */
  terminate(): void {
    this.clearTimers();
    if (this.worker) {
      this.remote?.[Comlink.releaseProxy]();
      this.worker.terminate();
    }
    this.worker = null;
    this.remote = null;
    this.busy = false;
    this.startPending();
  }

  private start<T>(
    fn: (api: Comlink.Remote<Api>, watchdog: Watchdog) => Promise<T>,
    signal: AbortSignal | undefined,
    resolve: (value: T) => void,
    reject: (err: Error) => void,
  ): void {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const finish = () => {
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (running.watchdog !== null) clearTimeout(running.watchdog);
      if (this.running === running) this.running = null;
    };
    const running: Running = {
      controller,
      limitMs: this.armedFault?.watchdogMs ?? this.options.watchdogMs,
      rearm: () => {},
      watchdog: null,
      fail: (err) => {
        if (settled) return;
        finish();
        reject(err);
      },
    };
    this.running = running;
    const watchdog = this.watchdogFor(running);
    controller.signal.addEventListener('abort', () => {
      running.fail(new AbortError());
      // A call that works in slices sees this at its next one (stop.ts): a long lane's worker is
      // parked before terminate() lands (tens of ms late in Chromium), a warm lane's is free again
      // within a slice and kept (the fixed points).
      this.worker?.postMessage(STOP_MESSAGE);
      if (this.options.terminateOnAbort) this.terminate();
      else this.graceTimer ??= setTimeout(() => this.terminate(), STALE_GRACE_MS);
    });
    const remote = this.ensure();
    if (this.armedFault && this.worker) applyFault(this.worker, this.armedFault.fault);
    this.armedFault = null;
    this.busy = true;
    watchdog.feed();
    const worker = this.worker;
    fn(remote, watchdog).then(
      (value) => {
        if (worker === this.worker) this.idle();
        if (settled) return;
        finish();
        resolve(value);
      },
      (err: unknown) => {
        // A worker that threw may be in any state: replace it on the next call.
        if (worker === this.worker) this.terminate();
        if (settled) return;
        finish();
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }

  private watchdogFor(running: Running): Watchdog {
    let held = false;
    const arm = () => {
      if (running.watchdog !== null) clearTimeout(running.watchdog);
      running.watchdog = held
        ? null
        : setTimeout(() => {
            const s = Math.round(running.limitMs / 100) / 10;
            this.fail(`${this.options.label} did not answer for ${s} s`, running);
          }, running.limitMs);
    };
    running.rearm = arm;
    return {
      feed: arm,
      hold(h) {
        held = h;
        arm();
      },
    };
  }

  /** The worker died: reject its call, replace it. */
  private fail(reason: string, running: Running | null = this.running): void {
    running?.fail(new WorkerFailedError(`${reason}; it was restarted`));
    this.terminate();
  }

  /** The worker finished: start the waiting call, or release the worker later. */
  private idle(): void {
    this.busy = false;
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    this.graceTimer = null;
    if (this.pending) return this.startPending();
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.busy && !this.pending) this.terminate();
    }, this.options.idleMs);
  }

  private startPending(): void {
    const next = this.pending;
    this.pending = null;
    next?.start();
  }

  private clearTimers(): void {
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.graceTimer = null;
    this.idleTimer = null;
  }

  private ensure(): Comlink.Remote<Api> {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.remote || !this.worker) {
      const worker = this.create();
      const onFailure = (event: Event) => {
        if (worker !== this.worker) return;
        event.preventDefault();
        const message = (event as Partial<ErrorEvent>).message;
        const detail = message ? `: ${message}` : '';
        this.fail(
          event.type === 'messageerror'
            ? `${this.options.label} sent a message that could not be read`
            : `${this.options.label} crashed${detail}`,
        );
      };
      worker.addEventListener('error', onFailure);
      worker.addEventListener('messageerror', onFailure);
      this.worker = worker;
      this.remote = Comlink.wrap<Api>(worker);
    }
    return this.remote;
  }
}

export type WorkerFault = 'throw' | 'close' | 'terminate';

/** The worker's side of 'throw' and 'close' is workers/faults.ts. */
function applyFault(worker: Worker, fault: WorkerFault): void {
  if (fault === 'terminate') worker.terminate();
  else worker.postMessage({ macroscopeFault: fault });
}

/** A pool of `size` lanes (at least one) over workers made by `create`. */
export function lanePool<Api>(
  create: () => Worker,
  size: number,
  options: boolean | LaneOptions = true,
): WorkerLane<Api>[] {
  return Array.from({ length: Math.max(1, size) }, () => new WorkerLane<Api>(create, options));
}

/**
 * Items dealt round-robin over `parts` workers: part k gets items k, k + parts, … Neighbouring
 * items (coarse-to-fine cells, consecutive runs) cost alike, so this balances the load.
 */
export function dealRoundRobin<T>(items: readonly T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, k) => items.filter((_, m) => m % parts === k));
}

/**
 * A worker's streaming callback (chunks, cells) for a call on a lane that terminates on abort:
 * while `signal` holds, `handle` gets each message and its answer paces the worker; after it
 * aborts, a message is dropped and never answered. A worker that waits for its replies is then
 * parked until terminate() lands, which Chromium does tens of ms after the call: answering let
 * a stale run compute another chunk on a core the new request needed (docs/reliability.md).
 */
export function currentOnly<A extends unknown[]>(
  signal: AbortSignal,
  handle: (...args: A) => Promise<void> | void,
): ((...args: A) => Promise<void> | void) & Comlink.ProxyMarked {
  return Comlink.proxy((...args: A) =>
    signal.aborted ? new Promise<void>(() => {}) : handle(...args),
  );
}
