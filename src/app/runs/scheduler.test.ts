import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { WorkerFailedError } from '../../workers/lane';
import { createAppStore, type JobName } from '../store';
import { WORKER_RETRY_MS } from '../timing';
import { defineJob, JobScheduler, throttled } from './scheduler';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A job on the model query that records its runs and resolves when told. */
function recordingJob(debounceMs: number, name: JobName = 'fixedPoints') {
  const runs: { input: string; signal: AbortSignal; finish(err?: Error): void }[] = [];
  const job = defineJob({
    name,
    debounceMs,
    inputs: (s) => s.modelQuery,
    run: (input, { signal }) =>
      new Promise<void>((resolve, reject) => {
        runs.push({ input, signal, finish: (err) => (err ? reject(err) : resolve()) });
      }),
  });
  return { job, runs };
}

describe('the job scheduler', () => {
  it('debounces, then runs once for the state the inputs settled on', () => {
    const store = createAppStore('');
    const { job, runs } = recordingJob(100);
    const scheduler = new JobScheduler(store, [job]);
    scheduler.start();
    store.getState().setParam('tau', 0.3);
    vi.advanceTimersByTime(50);
    store.getState().setParam('tau', 0.35);
    vi.advanceTimersByTime(99);
    expect(runs).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.input).toContain('tau=0.35');
    scheduler.stop();
  });

  it('aborts a stale run when its inputs change, and not when other state changes', () => {
    const store = createAppStore('');
    const { job, runs } = recordingJob(0);
    const scheduler = new JobScheduler(store, [job]);
    scheduler.start();
    expect(runs).toHaveLength(1);
    store.getState().setView({ timeCursor: 5 }); // not an input of the job
    expect(runs[0]!.signal.aborted).toBe(false);
    store.getState().setParam('tau', 0.3);
    expect(runs[0]!.signal.aborted).toBe(true);
    expect(runs).toHaveLength(2);
    scheduler.stop();
    expect(runs[1]!.signal.aborted).toBe(true);
  });

  it('keeps a failure as the job error, clears it on the next run, and ignores aborts', async () => {
    const store = createAppStore('');
    const { job, runs } = recordingJob(0);
    const scheduler = new JobScheduler(store, [job]);
    scheduler.start();
    runs[0]!.finish(new Error('the worker ran out of memory'));
    await vi.runAllTimersAsync();
    expect(store.getState().jobErrors.fixedPoints).toBe('the worker ran out of memory');
    store.getState().setParam('tau', 0.3);
    expect(store.getState().jobErrors.fixedPoints).toBeUndefined();
    // A run that fails after it was aborted is not an error.
    store.getState().setParam('tau', 0.4);
    runs[1]!.finish(new Error('too late'));
    await vi.runAllTimersAsync();
    expect(store.getState().jobErrors.fixedPoints).toBeUndefined();
    scheduler.stop();
  });

  it('a dead worker is reported and the job runs once more; a second death stays an error', async () => {
    const store = createAppStore('');
    const { job, runs } = recordingJob(0);
    const scheduler = new JobScheduler(store, [job]);
    scheduler.start();
    runs[0]!.finish(new WorkerFailedError('the ODE worker crashed; it was restarted'));
    await vi.advanceTimersByTimeAsync(WORKER_RETRY_MS);
    expect(runs).toHaveLength(2);
    expect(runs[1]!.input).toBe(runs[0]!.input);
    // The message stays while the retry runs, so the view says what happened.
    expect(store.getState().jobErrors.fixedPoints).toBe('the ODE worker crashed; it was restarted');
    runs[1]!.finish(new WorkerFailedError('the ODE worker crashed again; it was restarted'));
    await vi.advanceTimersByTimeAsync(10 * WORKER_RETRY_MS);
    expect(runs).toHaveLength(2);
    expect(store.getState().jobErrors.fixedPoints).toContain('crashed again');
    // New inputs clear the error and earn a new retry.
    store.getState().setParam('tau', 0.3);
    expect(store.getState().jobErrors.fixedPoints).toBeUndefined();
    runs[2]!.finish(new WorkerFailedError('gone; it was restarted'));
    await vi.advanceTimersByTimeAsync(WORKER_RETRY_MS);
    expect(runs).toHaveLength(4);
    scheduler.stop();
  });

  it('a storm of 200 changes runs only the state it settled on (debounced job)', () => {
    const store = createAppStore('');
    const { job, runs } = recordingJob(100);
    const scheduler = new JobScheduler(store, [job]);
    scheduler.start();
    for (let k = 0; k < 200; k++) {
      store.getState().setParam('tau', (100 + k) / 1000);
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(100);
    expect(runs.map((r) => r.input.match(/tau=([\d.]+)/)?.[1])).toEqual(['0.299']);
    scheduler.stop();
  });

  it('restart runs at once; cancel aborts and tells the job', () => {
    const store = createAppStore('');
    const { job, runs } = recordingJob(1000);
    const cancelled = vi.fn();
    const scheduler = new JobScheduler(store, [{ ...job, cancelled }]);
    scheduler.start();
    scheduler.restart('fixedPoints');
    expect(runs).toHaveLength(1);
    scheduler.cancel('fixedPoints');
    expect(runs[0]!.signal.aborted).toBe(true);
    expect(cancelled).toHaveBeenCalledTimes(1);
    scheduler.stop();
  });
});

describe('jobs that let others go first (waitsFor)', () => {
  it('holds a run while the job it waits for is debouncing or running, then starts it', async () => {
    const store = createAppStore('');
    const first = recordingJob(250, 'sgd');
    const later = recordingJob(0, 'diagram');
    const waiting = { ...later.job, waitsFor: () => ['sgd'] as const };
    const scheduler = new JobScheduler(store, [first.job, waiting]);
    scheduler.start();
    // The SGD is still debouncing: the diagram is held, not run.
    expect(later.runs).toHaveLength(0);
    vi.advanceTimersByTime(250);
    expect(first.runs).toHaveLength(1);
    expect(later.runs).toHaveLength(0);
    // The SGD ends (no change of state): the held run starts.
    first.runs[0]!.finish();
    await vi.waitFor(() => expect(later.runs).toHaveLength(1));
    expect(later.runs[0]!.input).toBe(store.getState().modelQuery);
    scheduler.stop();
  });

  it('a held run of stale inputs never starts; a failed run lets the held one go', async () => {
    const store = createAppStore('');
    const first = recordingJob(0, 'sgd');
    const later = recordingJob(0, 'diagram');
    const scheduler = new JobScheduler(store, [
      first.job,
      { ...later.job, waitsFor: () => ['sgd'] as const },
    ]);
    scheduler.start();
    store.getState().setParam('tau', 0.3); // both restart; the first SGD run is aborted
    expect(first.runs).toHaveLength(2);
    expect(later.runs).toHaveLength(0);
    first.runs[1]!.finish(new Error('worker failed'));
    await vi.waitFor(() => expect(later.runs).toHaveLength(1));
    expect(later.runs[0]!.input).toContain('tau=0.3');
    scheduler.stop();
  });

  it('a held run stays held when the job it waits for restarts and its reset sets the store', async () => {
    // The SGD's reset writes the store, which re-enters the scheduler between the SGD's abort
    // and its relaunch: the SGD looked idle there, and the held diagram started on every slider
    // move (huge work: a slider at n = 10⁵ started the 10⁴-cell diagram beside the new runs).
    const store = createAppStore('');
    const first = recordingJob(250, 'sgd');
    const sgd = {
      ...first.job,
      reset: () => store.getState().setView({ timeCursor: Math.random() }),
    };
    const later = recordingJob(300, 'diagram');
    const diagram = {
      ...later.job,
      inputs: () => 'the same diagram',
      waitsFor: () => ['sgd'] as const,
    };
    const scheduler = new JobScheduler(store, [sgd, diagram]);
    scheduler.start();
    vi.advanceTimersByTime(300);
    // The SGD runs; the diagram's debounce ended and it is held.
    expect(first.runs).toHaveLength(1);
    expect(later.runs).toHaveLength(0);
    store.getState().setParam('tau', 0.3);
    await Promise.resolve();
    expect(later.runs).toHaveLength(0);
    vi.advanceTimersByTime(250);
    expect(first.runs).toHaveLength(2);
    expect(later.runs).toHaveLength(0);
    first.runs[1]!.finish();
    await vi.waitFor(() => expect(later.runs).toHaveLength(1));
    scheduler.stop();
  });

  it('an immediate run launched inside a nested update waits for the job being relaunched', () => {
    const store = createAppStore('');
    const first = recordingJob(250, 'sgd');
    const sgd = { ...first.job, reset: () => store.getState().setView({ timeCursor: 1 }) };
    const later = recordingJob(0, 'diagram');
    const scheduler = new JobScheduler(store, [
      sgd,
      { ...later.job, inputs: () => 'the same diagram', waitsFor: () => ['sgd'] as const },
    ]);
    // The SGD's reset re-enters the scheduler, which launches the diagram before the SGD's own
    // launch: the diagram must not start beside the SGD's debounce.
    scheduler.start();
    expect(later.runs).toHaveLength(0);
    scheduler.stop();
  });

  it('waits for nothing when waitsFor says so for the state (e.g. its view maximised)', () => {
    const store = createAppStore('');
    const first = recordingJob(0, 'sgd');
    const later = recordingJob(0, 'diagram');
    const scheduler = new JobScheduler(store, [
      first.job,
      { ...later.job, waitsFor: (s) => (s.view === 'diagram' ? [] : ['sgd']) },
    ]);
    scheduler.start();
    expect(later.runs).toHaveLength(0);
    store.getState().setView({ view: 'diagram' });
    expect(later.runs).toHaveLength(1);
    scheduler.stop();
  });
});

describe('throttled publishing', () => {
  it('publishes the last call once per interval, flushes on demand, and never after abort', () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const publish = throttled(200, (x: number) => seen.push(x), controller.signal);
    publish(1);
    publish(2);
    vi.advanceTimersByTime(200);
    expect(seen).toEqual([2]);
    publish(3);
    publish.flush();
    expect(seen).toEqual([2, 3]);
    publish(4);
    controller.abort();
    vi.advanceTimersByTime(500);
    publish.flush();
    expect(seen).toEqual([2, 3]);
  });
});
