/**
 * One job scheduler for every computation the app runs when its state changes, outside React
 * and subscribed to the store. Each job declares its inputs as a function of the state; when
 * they change (compared by their JSON), the scheduler
 * - aborts the job's stale run at once (its signal aborts; a stale result is never published),
 * - lets the job reset what it showed,
 * - waits the job's debounce (one named constant per class of job, in timing.ts),
 * - runs it with a fresh AbortSignal and a throttled publisher,
 * - and turns a failure into visible state (jobErrors in the store, shown by the job's view).
 * An aborted run is never an error, and an error is never shown as "cancelled".
 */
import { isAbortError, isWorkerFailure } from '../../workers/lane';
import type { AppState, AppStore, JobName } from '../store';
import { WORKER_RETRY_MS } from '../timing';

/** What a run gets besides its inputs. */
export interface JobContext {
  signal: AbortSignal;
  store: AppStore;
  /**
   * `publish` at most once per `ms` (the last call wins), never after the run was aborted;
   * `flush()` publishes a pending call at once (e.g. at the end of a run).
   */
  throttle<A extends unknown[]>(
    ms: number,
    publish: (...args: A) => void,
  ): { (...args: A): void; flush(): void };
}

export interface Job<Input> {
  name: JobName;
  /** Wait this long after the inputs last changed before running (0: at once). */
  debounceMs: number;
  /** The state the job depends on; null when the job has nothing to do. */
  inputs(state: AppState): Input | null;
  /** Called at once when the inputs change (before the debounce): clear or mark stale results. */
  reset?(store: AppStore, input: Input | null): void;
  run(input: Input, context: JobContext): Promise<void>;
  /** Called when the user cancels the running job (the scheduler has aborted it). */
  cancelled?(store: AppStore): void;
  /**
   * Jobs this one lets go first in this state: its run, once debounced, is held while any of
   * them is debouncing or running, and starts when they are all idle (e.g. the phase diagram
   * and the cloud wait for the SGD dots, so that the dots get every core). Empty: no wait.
   */
  waitsFor?(state: AppState): readonly JobName[];
}

interface Slot {
  job: Job<unknown>;
  key: string | null;
  controller: AbortController | null;
  timer: ReturnType<typeof setTimeout> | null;
  generation: number;
  /** The run of these inputs already lost a worker once (it is retried only once). */
  retried: boolean;
  /** A run debounced and waiting for the jobs of `waitsFor` (started by releaseHeld). */
  held: (() => void) | null;
}

/** A job typed by its input, stored among jobs of other inputs. */
export function defineJob<Input>(job: Job<Input>): Job<unknown> {
  return job as Job<unknown>;
}

export class JobScheduler {
  private readonly slots = new Map<JobName, Slot>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: AppStore,
    jobs: Job<unknown>[],
  ) {
    for (const job of jobs)
      this.slots.set(job.name, {
        job,
        key: null,
        controller: null,
        timer: null,
        generation: 0,
        retried: false,
        held: null,
      });
  }

  /** Follow the store: run every job for the current state, then on each change. */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.store.subscribe((state) => this.update(state));
    this.update(this.store.getState());
  }

  /** Stop following the store and abort every job (start() runs them again). */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const slot of this.slots.values()) {
      this.abort(slot);
      slot.key = null;
    }
  }

  /** Run a job again with its current inputs (e.g. the Run button, a diagram's Restart). */
  restart(name: JobName): void {
    const slot = this.slots.get(name);
    if (!slot) return;
    const input = slot.job.inputs(this.store.getState());
    this.abort(slot);
    slot.retried = false;
    if (input !== null) this.launch(slot, input, 0);
  }

  /** Stop a running job at the user's request, keeping what it has shown. */
  cancel(name: JobName): void {
    const slot = this.slots.get(name);
    if (!slot?.controller) return;
    this.abort(slot);
    slot.job.cancelled?.(this.store);
  }

  /** update() calls in progress: a job's reset writes the store, which calls update() again. */
  private updating = 0;

  private update(state: AppState): void {
    this.updating++;
    try {
      this.updateSlots(state);
    } finally {
      this.updating--;
    }
    // Only the outermost update lets held runs go: inside, a job may be between its abort and
    // its relaunch (its reset wrote the store), where it looks idle. That let the held diagram
    // start on every slider move while the SGD restarted (docs/reliability.md, "Huge work").
    if (this.updating === 0) this.releaseHeld(this.store.getState());
  }

  private updateSlots(state: AppState): void {
    for (const slot of this.slots.values()) {
      const input = slot.job.inputs(state);
      const key = input === null ? null : JSON.stringify(input);
      if (key === slot.key) continue;
      slot.key = key;
      slot.retried = false;
      this.abort(slot);
      slot.job.reset?.(this.store, input);
      if (input !== null) this.launch(slot, input, slot.job.debounceMs);
    }
  }

  /** A job is busy while its run is debounced, held or running. */
  private busy(name: JobName): boolean {
    const slot = this.slots.get(name);
    return !!slot && (slot.timer !== null || slot.controller !== null || slot.held !== null);
  }

  /** Start the held runs whose jobs to wait for are all idle now. */
  private releaseHeld(state: AppState): void {
    for (const slot of this.slots.values()) {
      if (!slot.held || this.mustWait(slot, state)) continue;
      const start = slot.held;
      slot.held = null;
      start();
    }
  }

  private mustWait(slot: Slot, state: AppState): boolean {
    return (slot.job.waitsFor?.(state) ?? []).some(
      (name) => name !== slot.job.name && this.busy(name),
    );
  }

  private abort(slot: Slot): void {
    slot.generation++;
    slot.held = null;
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    slot.controller?.abort();
    slot.controller = null;
  }

  private launch(slot: Slot, input: unknown, delay: number, keepError = false): void {
    const generation = slot.generation;
    const start = () => {
      slot.timer = null;
      if (generation !== slot.generation) return;
      // Inside an update, another job may be between its abort and its relaunch: the
      // outermost update starts this run once every slot is settled (releaseHeld).
      if (this.updating > 0 || this.mustWait(slot, this.store.getState())) {
        slot.held = start;
        return;
      }
      const controller = new AbortController();
      slot.controller = controller;
      if (!keepError) this.setError(slot.job.name, null);
      const context: JobContext = {
        signal: controller.signal,
        store: this.store,
        throttle: (ms, publish) => throttled(ms, publish, controller.signal),
      };
      // A run that ends lets go the runs held for it (the store may not change when it ends).
      const ended = () => {
        if (slot.controller === controller) slot.controller = null;
        this.releaseHeld(this.store.getState());
      };
      slot.job.run(input, context).then(
        () => ended(),
        (err: unknown) => {
          ended();
          if (controller.signal.aborted || isAbortError(err)) return;
          const message = err instanceof Error ? err.message : String(err);
          // A dead worker was replaced by the lane: say so, and run once more on the new one
          // (the message stays until the inputs change, so the user knows what happened).
          if (isWorkerFailure(err) && !slot.retried && generation === slot.generation) {
            slot.retried = true;
            this.setError(slot.job.name, message);
            this.launch(slot, input, WORKER_RETRY_MS, true);
            return;
          }
          this.setError(slot.job.name, message);
        },
      );
    };
    if (delay <= 0) start();
    else slot.timer = setTimeout(start, delay);
  }

  private setError(name: JobName, message: string | null): void {
    const errors = this.store.getState().jobErrors;
    if ((errors[name] ?? null) === message) return;
    this.store.getState().setJobError(name, message);
  }
}

/** `publish` at most once per `ms`, trailing; nothing after `signal` aborts. */
export function throttled<A extends unknown[]>(
  ms: number,
  publish: (...args: A) => void,
  signal: AbortSignal,
): { (...args: A): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const args = pending;
    pending = null;
    if (args && !signal.aborted) publish(...args);
  };
  signal.addEventListener('abort', () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  });
  const call = (...args: A) => {
    pending = args;
    if (timer === null) timer = setTimeout(flush, ms);
  };
  return Object.assign(call, { flush });
}
