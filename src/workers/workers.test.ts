/**
 * The worker APIs over a real comlink channel, in Node: each API object is exposed on one port
 * of a MessageChannel and wrapped on the other, as comlink's own tests do, so that what crosses
 * the thread boundary (transfers, proxied callbacks, thrown errors) is what the app receives.
 */
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';

import { analysisApi } from './analysis.api';
import { MAX_ODE_SAMPLES, odeApi } from './ode.api';
import type { SgdChunk } from './protocol';
import { sgdApi } from './sgd.api';

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/** Expose `api` on one end of a fresh channel and return its remote from the other end. */
function connect<T extends object>(api: T): Comlink.Remote<T> {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  Comlink.expose(api, port1);
  return Comlink.wrap<T>(port2);
}

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

  it('analysis: fixed points cross as plain data', async () => {
    const remote = connect(analysisApi);
    const result = await remote.fixedPoints(GAN);
    expect(result).not.toBeNull();
    expect(result!.names).toEqual(odeApi.ode(GAN, 2).names);
    expect(result!.points.length).toBeGreaterThan(0);
    expect(['stable', 'unstable', 'marginal']).toContain(result!.points[0]!.stability);
  });

  it('analysis: a cancel stops a fixed-point search at its next slice; the next one runs whole', async () => {
    const remote = connect(analysisApi);
    const whole = await remote.fixedPoints(GAN);
    const stale = remote.fixedPoints(GAN);
    // Sent after the call: the worker reads it between two slices of the search.
    await remote.cancelFixedPoints();
    expect(await stale).toBeNull();
    const fresh = await remote.fixedPoints(GAN);
    expect(fresh).toEqual(whole);
  });

  it('a thrown error arrives as an Error with its message (the app shows it in the view)', async () => {
    const remote = connect(analysisApi);
    await expect(remote.scan(GAN, 'none', [0.1], false)).rejects.toThrow('model gan has no scan');
  });
});
