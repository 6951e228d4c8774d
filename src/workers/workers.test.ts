/**
 * The worker APIs over a real comlink channel, in Node: each API object is exposed on one port
 * of a MessageChannel and wrapped on the other, as comlink's own tests do, so that what crosses
 * the thread boundary (transfers, proxied callbacks, thrown errors) is what the app receives.
 */
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';

import { analysisApi } from './analysis.api';
import { MAX_ODE_SAMPLES, odeApi } from './ode.api';
import type { DiagramCell, SgdChunk } from './protocol';
import { sgdApi } from './sgd.api';
import { listenForStop, STOP_MESSAGE } from './stop';

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/**
 * Expose `api` on one end of a fresh channel, with the stop listener first as in a worker entry,
 * and return its remote from the other end (and that end, for raw messages).
 */
function connectWithPort<T extends object>(
  api: T,
): { remote: Comlink.Remote<T>; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  listenForStop(port1);
  Comlink.expose(api, port1);
  return { remote: Comlink.wrap<T>(port2), port: port2 };
}

const connect = <T extends object>(api: T) => connectWithPort(api).remote;

const GAN = 'model=gan&tau=0.2&taut=0.04&eta=2&n=100&seed=1&T=20';

describe('the worker APIs over a MessageChannel', () => {
  it('ode: the transferred trajectory is the one computed in place, bit for bit', async () => {
    const remote = connect(odeApi);
    const direct = odeApi.ode(GAN, 21);
    const crossed = await remote.ode(GAN, 21);
    expect(crossed.names).toEqual(direct.names);
    expect(crossed.t).toBeInstanceOf(Float64Array);
    expect(crossed.y.length).toBe(21 * direct.names.length);
    expect(Array.from(crossed.y)).toEqual(Array.from(direct.y));
  });

  it('ode: a 1e9-sample call is bounded to MAX_ODE_SAMPLES, quickly', async () => {
    const remote = connect(odeApi);
    const started = performance.now();
    const run = await remote.ode(GAN, 1e9);
    expect(run.t.length).toBe(MAX_ODE_SAMPLES);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('ode: odeMany answers one trajectory per value, in order', async () => {
    const remote = connect(odeApi);
    const runs = await remote.odeMany(GAN, 'tau', [0.1, 0.3], 11);
    expect(runs).toHaveLength(2);
    expect(Array.from(runs[1]!.y)).toEqual(
      Array.from(odeApi.ode(GAN.replace('tau=0.2', 'tau=0.3'), 11).y),
    );
  });

  it('sgd: chunks come back through a proxied callback, reproducibly for a seed', async () => {
    const remote = connect(sgdApi);
    const request = { state: GAN, samples: 11, streams: [0, 1], withMicro: false, microTimes: [] };
    const collect = async () => {
      const chunks: SgdChunk[] = [];
      await remote.sgd(
        request,
        Comlink.proxy((chunk: SgdChunk) => {
          chunks.push(chunk);
        }),
      );
      return chunks;
    };
    const first = await collect();
    expect(first.at(-1)?.done).toBe(true);
    const rows = first.flatMap((c) => c.rows).filter((r) => r.stream === 1);
    const m = first[0]!.names.length;
    expect(rows.reduce((n, r) => n + r.values.length / m, 0)).toBe(11);
    // Chunks follow the clock, so compare the run's samples, not its chunking.
    const samples = (rs: typeof rows) =>
      [...rs].sort((a, b) => a.from - b.from).flatMap((r) => Array.from(r.values));
    const again = (await collect()).flatMap((c) => c.rows).filter((r) => r.stream === 1);
    expect(samples(again)).toEqual(samples(rows));
    expect(samples(rows)).not.toEqual(
      samples(first.flatMap((c) => c.rows).filter((r) => r.stream === 0)),
    );
  });

  it('sgd: the stop message ends a run at its next slice; the next call runs whole', async () => {
    const { remote, port } = connectWithPort(sgdApi);
    // 10⁹ Gram-chain steps: minutes of work, far more than the test waits for.
    const long = {
      state: 'model=gan&n=100000&seed=1&T=10000',
      samples: 11,
      streams: [0],
      withMicro: false,
      microTimes: [],
    };
    const chunks: SgdChunk[] = [];
    let afterStop = 0;
    let stopped = false;
    await remote.sgd(
      long,
      Comlink.proxy((chunk: SgdChunk) => {
        chunks.push(chunk);
        if (stopped) afterStop++;
        else if (chunks.length === 2) {
          port.postMessage(STOP_MESSAGE);
          stopped = true;
        }
      }),
    );
    expect(stopped).toBe(true);
    expect(chunks.at(-1)!.done).toBe(false);
    expect(chunks.at(-1)!.tReached).toBeLessThan(10_000);
    // The chunk being computed when the message came is never sent; one already sent may land.
    expect(afterStop).toBeLessThanOrEqual(1);
    // A stale request is not the next call's: it runs to T.
    const next: SgdChunk[] = [];
    await remote.sgd(
      { ...long, state: GAN },
      Comlink.proxy((chunk: SgdChunk) => {
        next.push(chunk);
      }),
    );
    expect(next.at(-1)!.done).toBe(true);
  });

  it('analysis: a stopped phase diagram returns before its last cells', async () => {
    const { remote, port } = connectWithPort(analysisApi);
    // 144 cells at finite λ take about 10 s: a stop that failed would show as a slow test.
    const n = 12;
    const request = {
      state: 'model=gan&lambda=1&n=200&T=100',
      x: { param: 'tau', from: 0.05, to: 2 },
      y: { param: 'taut', from: 0.01, to: 1 },
      n,
      cells: Array.from({ length: n * n }, (_, k) => k),
    };
    let cells = 0;
    await remote.diagram(
      request,
      Comlink.proxy((batch: DiagramCell[]) => {
        if (cells === 0) port.postMessage(STOP_MESSAGE);
        cells += batch.length;
      }),
    );
    expect(cells).toBeGreaterThan(0);
    expect(cells).toBeLessThan(n * n);
  });

  it('analysis: fixed points cross as plain data', async () => {
    const remote = connect(analysisApi);
    const result = await remote.fixedPoints(GAN);
    expect(result).not.toBeNull();
    expect(result!.names).toEqual(odeApi.ode(GAN, 2).names);
    expect(result!.points.length).toBeGreaterThan(0);
    expect(['stable', 'unstable', 'marginal']).toContain(result!.points[0]!.stability);
  });

  it('analysis: the stop message ends a fixed-point search at its next slice; the next one runs whole', async () => {
    const { remote, port } = connectWithPort(analysisApi);
    const whole = await remote.fixedPoints(GAN);
    const stale = remote.fixedPoints(GAN);
    // Sent after the call: the worker reads it between two slices of the search.
    port.postMessage(STOP_MESSAGE);
    expect(await stale).toBeNull();
    const fresh = await remote.fixedPoints(GAN);
    expect(fresh).toEqual(whole);
  });

  it('a thrown error arrives as an Error with its message (the app shows it in the view)', async () => {
    const remote = connect(analysisApi);
    await expect(remote.scan(GAN, 'none', [0.1], false)).rejects.toThrow('model gan has no scan');
  });
});
