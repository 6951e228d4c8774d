import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';

import {
  currentOnly,
  dealRoundRobin,
  isAbortError,
  isWorkerFailure,
  STALE_GRACE_MS,
  WorkerLane,
} from './lane';
import { STOP_MESSAGE } from './stop';

describe('dealRoundRobin', () => {
  it('deals every item exactly once, in order within each part, k, k + n, …', () => {
    const items = Array.from({ length: 11 }, (_, k) => k);
    const parts = dealRoundRobin(items, 3);
    expect(parts).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7, 10],
      [2, 5, 8],
    ]);
    expect(dealRoundRobin([1, 2], 4)).toEqual([[1], [2], [], []]);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('currentOnly', () => {
  it('hands messages on while current; after the abort drops them and never answers', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const onChunk = currentOnly(controller.signal, (k: number) => {
      seen.push(k);
      return k === 2 ? sleep(1).then(() => {}) : undefined;
    });
    expect(onChunk(1)).toBeUndefined();
    await onChunk(2); // the handler's own answer paces the worker
    controller.abort();
    const stale = onChunk(3);
    // A stale answer would let the worker step on; it must stay pending.
    const settled = await Promise.race([
      Promise.resolve(stale).then(() => 'answered'),
      sleep(20).then(() => 'pending'),
    ]);
    expect(settled).toBe('pending');
    expect(seen).toEqual([1, 2]);
  });
});

/** The fake worker's API: `work` answers after `ms` of (asynchronous) work, `hang` never does. */
function fakeApi(log: number[]) {
  return {
    async work(x: number, ms: number): Promise<number> {
      log.push(x);
      await sleep(ms);
      return x;
    },
    hang(): Promise<number> {
      return new Promise(() => {});
    },
  };
}
type FakeApi = ReturnType<typeof fakeApi>;

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

/** A Worker look-alike over a MessageChannel: comlink on one port, the lane on the other. */
class FakeWorker extends EventTarget {
  terminated = false;
  /** What reached the worker besides comlink's calls: the lane's stop message, terminate(). */
  readonly events: string[] = [];
  private readonly port: MessagePort;
  private readonly inner: MessagePort;
  constructor(api: object) {
    super();
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(api, port1);
    opened.push(port1, port2);
    this.inner = port1;
    this.port = port2;
    port2.start();
  }
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (message === STOP_MESSAGE) this.events.push('stop');
    else if (!this.terminated) this.port.postMessage(message, transfer);
  }
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.port.addEventListener(type, listener);
    else super.addEventListener(type, listener);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.port.removeEventListener(type, listener);
    else super.removeEventListener(type, listener);
  }
  terminate(): void {
    this.events.push('terminate');
    this.terminated = true;
    this.inner.close();
    this.port.close();
  }
}

function fakeLane(options: ConstructorParameters<typeof WorkerLane>[1]) {
  const log: number[] = [];
  const workers: FakeWorker[] = [];
  const lane = new WorkerLane<FakeApi>(() => {
    const worker = new FakeWorker(fakeApi(log));
    workers.push(worker);
    return worker as unknown as Worker;
  }, options);
  return { lane, log, workers };
}

const outcome = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (err: unknown) => ({ err }),
  );

describe('a warm lane runs the latest request only', () => {
  it('a storm of 50 calls runs at most the first and the last; the rest never start', async () => {
    const { lane, log, workers } = fakeLane({ terminateOnAbort: false });
    const calls = Array.from({ length: 50 }, (_, i) =>
      outcome(lane.call((api) => api.work(i, 20))),
    );
    const results = await Promise.all(calls);
    expect(results[49]).toEqual({ value: 49 });
    for (const r of results.slice(0, 49))
      expect(isAbortError((r as { err: unknown }).err)).toBe(true);
    expect(log).toEqual([0, 49]);
    expect(workers).toHaveLength(1); // the warm worker was kept
    lane.terminate();
  });

  it('a stale call that outlives the grace is ended with its worker', async () => {
    const { lane, log, workers } = fakeLane({ terminateOnAbort: false });
    const stale = outcome(lane.call((api) => api.work(1, 60_000)));
    await sleep(10);
    const started = performance.now();
    const latest = await lane.call((api) => api.work(2, 1));
    expect(latest).toBe(2);
    expect(performance.now() - started).toBeLessThan(STALE_GRACE_MS + 200);
    expect(isAbortError(((await stale) as { err: unknown }).err)).toBe(true);
    expect(log).toEqual([1, 2]);
    expect(workers[0]!.terminated).toBe(true);
    lane.terminate();
  });

  it('a waiting call whose signal aborts is dropped before it starts', async () => {
    const { lane, log } = fakeLane({ terminateOnAbort: false });
    const first = outcome(lane.call((api) => api.work(1, 30)));
    const controller = new AbortController();
    const waiting = outcome(lane.call((api) => api.work(2, 1), controller.signal));
    controller.abort();
    expect(isAbortError(((await waiting) as { err: unknown }).err)).toBe(true);
    await first;
    await sleep(50);
    expect(log).toEqual([1]);
    lane.terminate();
  });
});

describe('a long lane', () => {
  it('terminates the worker of a superseded call and starts the new one at once', async () => {
    const { lane, log, workers } = fakeLane({ terminateOnAbort: true });
    const stale = outcome(lane.call((api) => api.work(1, 60_000)));
    await sleep(10);
    expect(await lane.call((api) => api.work(2, 1))).toBe(2);
    expect(isAbortError(((await stale) as { err: unknown }).err)).toBe(true);
    expect(workers.map((w) => w.terminated)).toEqual([true, false]);
    expect(log).toEqual([1, 2]);
    lane.terminate();
  });

  it('posts the stop message on abort: a long lane then terminates, a warm one keeps its worker', async () => {
    const long = fakeLane({ terminateOnAbort: true });
    const controller = new AbortController();
    const stale = outcome(long.lane.call((api) => api.work(1, 60_000), controller.signal));
    await sleep(10);
    controller.abort();
    expect(isAbortError(((await stale) as { err: unknown }).err)).toBe(true);
    expect(long.workers[0]!.events).toEqual(['stop', 'terminate']);

    const warm = fakeLane({ terminateOnAbort: false });
    const superseded = outcome(warm.lane.call((api) => api.work(1, 30)));
    await sleep(5);
    await warm.lane.call((api) => api.work(2, 1));
    await superseded;
    expect(warm.workers[0]!.events).toEqual(['stop']);
    expect(warm.workers).toHaveLength(1);
    warm.lane.terminate();
  });
});

describe('a failed worker', () => {
  it('an error event rejects the call with WorkerFailedError; the next call gets a new worker', async () => {
    const { lane, workers } = fakeLane({ label: 'the ODE worker', terminateOnAbort: false });
    const call = outcome(lane.call((api) => api.hang()));
    await sleep(5);
    const event = Object.assign(new Event('error'), { message: 'out of memory' });
    workers[0]!.dispatchEvent(event);
    const { err } = (await call) as { err: Error };
    expect(isWorkerFailure(err)).toBe(true);
    expect(err.message).toBe('the ODE worker crashed: out of memory; it was restarted');
    expect(workers[0]!.terminated).toBe(true);
    expect(await lane.call((api) => api.work(3, 1))).toBe(3);
    expect(workers).toHaveLength(2);
    lane.terminate();
  });

  it('a messageerror is a failure too', async () => {
    const { lane, workers } = fakeLane({ label: 'the SGD worker' });
    const call = outcome(lane.call((api) => api.hang()));
    await sleep(5);
    workers[0]!.dispatchEvent(new Event('messageerror'));
    const { err } = (await call) as { err: Error };
    expect(err.message).toContain('the SGD worker sent a message that could not be read');
  });

  it('a silent worker (closed, or killed from outside) is caught by the watchdog', async () => {
    const { lane, workers } = fakeLane({ label: 'the ODE worker', watchdogMs: 80 });
    const { err } = (await outcome(lane.call((api) => api.hang()))) as { err: Error };
    expect(isWorkerFailure(err)).toBe(true);
    expect(err.message).toBe('the ODE worker did not answer for 0.1 s; it was restarted');
    expect(workers[0]!.terminated).toBe(true);
  });

  it('a call that feeds its watchdog, or holds it, is not declared dead', async () => {
    const { lane } = fakeLane({ watchdogMs: 60 });
    const value = await lane.call(async (api, watchdog) => {
      for (let i = 0; i < 4; i++) {
        await sleep(30);
        watchdog.feed();
      }
      watchdog.hold(true);
      await sleep(120);
      watchdog.hold(false);
      return api.work(7, 1);
    });
    expect(value).toBe(7);
    lane.terminate();
  });
});

describe('idle workers', () => {
  it('are released after idleMs, and restarted by the next call', async () => {
    const { lane, workers } = fakeLane({ idleMs: 40 });
    await lane.call((api) => api.work(1, 1));
    expect(workers[0]!.terminated).toBe(false);
    await sleep(80);
    expect(workers[0]!.terminated).toBe(true);
    expect(await lane.call((api) => api.work(2, 1))).toBe(2);
    expect(workers).toHaveLength(2);
    lane.terminate();
  });
});
