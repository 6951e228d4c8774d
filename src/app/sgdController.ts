/**
 * Runs the SGD of the current state in the worker pool and streams its samples into the store,
 * at most once per SGD_PUBLISH_MS (in an animation frame). The job scheduler aborts a stale run
 * (its workers are terminated) before the new one starts; chunks of an aborted run are dropped,
 * so a stale dot never lands on new curves.
 * Pause holds the workers' progress callbacks, which stops them between chunks.
 */
import { timeGrid } from '../core/ode';
import { num } from '../core/params';
import {
  currentOnly,
  dealRoundRobin,
  isAbortError,
  lanePool,
  type Watchdog,
  WorkerLane,
} from '../workers/lane';
import type { SgdChunk } from '../workers/protocol';
import type { SgdWorkerApi } from '../workers/sgd.worker';
import { renderCount } from './renderCount';
import { SgdAccumulator } from './sgdData';
import type { AppStore } from './store';
import { POOL_IDLE_MS, SGD_PUBLISH_MS, SGD_WATCHDOG_MS } from './timing';

export const SGD_SAMPLES = 121;

export class SgdController {
  /** Public for the fault tests' hook (testHooks.ts). */
  readonly lanes: WorkerLane<SgdWorkerApi>[];
  private paused = false;
  private resumeWaiters: (() => void)[] = [];
  private frame = 0;
  /** The pending publish (a timer, then an animation frame), and when the last one drew. */
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private publishedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: AppStore,
    createWorker: () => Worker,
    poolSize: number,
  ) {
    // Each chunk feeds the watchdog; a pause holds it (the worker waits for our reply).
    this.lanes = lanePool<SgdWorkerApi>(createWorker, poolSize, {
      label: 'an SGD worker',
      watchdogMs: SGD_WATCHDOG_MS,
      idleMs: POOL_IDLE_MS,
    });
  }

  /**
   * Run the SGD of the store's current state until done, or until `signal` aborts (the job
   * scheduler aborts it when the state changes; the workers are terminated). Rejects with the
   * worker's error.
   */
  async run(signal: AbortSignal): Promise<void> {
    const { modelQuery, params, runs } = this.store.getState();
    const T = num(params, 'T');
    const times = timeGrid(0, T, SGD_SAMPLES);
    const acc = new SgdAccumulator(times, runs);
    this.paused = false;
    this.publishedAt = Number.NEGATIVE_INFINITY;
    signal.addEventListener('abort', () => {
      this.cancelPublish();
      this.release();
    });
    const generation = this.store.getState().sgd.generation + 1;
    this.store.getState().setSgd({
      status: 'running',
      generation,
      tReached: 0,
      T,
      runs,
      summary: null,
      startedAt: performance.now(),
    });
    const streams = Array.from({ length: runs }, (_, r) => r);
    const batches = dealRoundRobin(streams, this.lanes.length).filter((b) => b.length);
    try {
      await Promise.all(
        batches.map((batch, i) =>
          this.lanes[i]!.call(
            (api, watchdog) =>
              api.sgd(
                {
                  state: modelQuery,
                  samples: SGD_SAMPLES,
                  streams: batch,
                  // The cloud has its own O(n) run (views/cloud/job.ts): the dots stay O(1).
                  withMicro: false,
                  microTimes: [],
                },
                currentOnly(signal, (chunk: SgdChunk) =>
                  this.onChunk(signal, acc, chunk, watchdog),
                ),
              ),
            signal,
          ),
        ),
      );
    } catch (err) {
      if (!signal.aborted && !isAbortError(err))
        this.store.getState().setSgd({
          ...this.store.getState().sgd,
          status: 'error',
          message: err instanceof Error ? err.message : String(err),
        });
      throw err;
    }
    this.cancelPublish();
    this.flush(signal, acc, true);
  }

  pause(): void {
    if (this.store.getState().sgd.status !== 'running') return;
    this.paused = true;
    this.store.getState().setSgd({ ...this.store.getState().sgd, status: 'paused' });
  }

  resume(): void {
    if (this.store.getState().sgd.status !== 'paused') return;
    this.paused = false;
    this.store.getState().setSgd({ ...this.store.getState().sgd, status: 'running' });
    this.release();
  }

  dispose(): void {
    this.cancelPublish();
    this.release();
    for (const lane of this.lanes) lane.terminate();
  }

  /**
   * Publish at most once per SGD_PUBLISH_MS, in an animation frame: the first chunk's dots at
   * once, later ones gathered (a pending publish takes in every chunk that arrives before it).
   */
  private schedulePublish(signal: AbortSignal, acc: SgdAccumulator): void {
    if (this.publishTimer !== null) return;
    const wait = Math.max(0, this.publishedAt + SGD_PUBLISH_MS - performance.now());
    this.publishTimer = setTimeout(() => {
      this.frame = requestAnimationFrame(() => {
        this.publishTimer = null;
        this.publishedAt = performance.now();
        this.flush(signal, acc, false);
      });
    }, wait);
  }

  private cancelPublish(): void {
    if (this.publishTimer !== null) clearTimeout(this.publishTimer);
    this.publishTimer = null;
    cancelAnimationFrame(this.frame);
  }

  private release(): void {
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const w of waiters) w();
  }

  private onChunk(
    signal: AbortSignal,
    acc: SgdAccumulator,
    chunk: SgdChunk,
    watchdog: Watchdog,
  ): Promise<void> | void {
    watchdog.feed();
    acc.add(chunk);
    if (chunk.exit)
      this.store.getState().setSgd({ ...this.store.getState().sgd, exit: chunk.exit });
    const known = this.store.getState().sgd.divergence;
    if (chunk.divergence && (!known || chunk.divergence.t < known.t))
      this.store.getState().setSgd({ ...this.store.getState().sgd, divergence: chunk.divergence });
    this.schedulePublish(signal, acc);
    if (this.paused) {
      watchdog.hold(true);
      return new Promise<void>((resolve) =>
        this.resumeWaiters.push(() => {
          watchdog.hold(false);
          resolve();
        }),
      );
    }
  }

  private flush(signal: AbortSignal, acc: SgdAccumulator, done: boolean): void {
    if (signal.aborted) return;
    const sgd = this.store.getState().sgd;
    renderCount.sgdFlushes++;
    const summary = acc.summary();
    this.store.getState().setSgd({
      ...sgd,
      status: done ? 'done' : sgd.status,
      tReached: done && !sgd.divergence ? sgd.T : (summary?.t.at(-1) ?? 0),
      summary,
    });
  }
}
