/**
 * The microscopic cloud's job (runs/scheduler.ts). The dots come from the model's default
 * sampler, which may be a reduced chain with no coordinates (an exact chain of the Gram matrix: O(1) a
 * step); the cloud needs the n coordinates, so it is one O(n) run of its own (stream 0 of the
 * first variant that keeps them, core/microSimulator.ts), started only while the cloud is on
 * show. Its order parameters are equal in law to the dots' run 0, not the same path.
 */
import { viewSpec } from '../../../core/model';
import { num } from '../../../core/params';
import { parseState } from '../../../core/state';
import { models } from '../../../models/registry';
import { currentOnly } from '../../../workers/lane';
import type { SgdChunk } from '../../../workers/protocol';
import { shownTabbedView } from '../../layout';
import { afterTheDots } from '../../runs/priority';
import { defineJob } from '../../runs/scheduler';
import type { AppWorkers } from '../../runs/workers';
import { CLOUD_PUBLISH_MS, SGD_SETTLE_MS } from '../../timing';

/** Snapshot times for the point cloud: round steps, about 40 of them, 0 and T included. */
export function microTimes(T: number): number[] {
  const raw = T / 40;
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * pow).find((s) => s >= raw) ?? raw;
  const times: number[] = [];
  for (let t = 0; t < T - 1e-9; t += step) times.push(Number(t.toPrecision(12)));
  times.push(T);
  return times;
}

/** The cloud's run, while the cloud view is on show. */
export function cloudJob(w: AppWorkers) {
  return defineJob({
    name: 'cloud',
    debounceMs: SGD_SETTLE_MS,
    inputs: (s) =>
      viewSpec(s.model, 'cloud') !== undefined &&
      shownTabbedView(s.model, s.view, s.tab, s.show) === 'cloud'
        ? s.modelQuery
        : null,
    reset: (store) => store.getState().setCloud({ status: 'idle', tReached: 0, T: 0, micro: [] }),
    waitsFor: afterTheDots('cloud'),
    async run(modelQuery, { signal, store, throttle }) {
      const T = num(parseState(modelQuery, models).params, 'T');
      const micro: SgdChunk['micro'] = [];
      let tReached = 0;
      const publish = throttle(CLOUD_PUBLISH_MS, (status: 'running' | 'done') =>
        store.getState().setCloud({ status, tReached, T, micro: micro.slice() }),
      );
      store.getState().setCloud({ status: 'running', tReached: 0, T, micro: [] });
      try {
        await w.cloud.call(
          (api, watchdog) =>
            api.sgd(
              {
                state: modelQuery,
                samples: 2,
                streams: [0],
                withMicro: true,
                microTimes: microTimes(T),
              },
              currentOnly(signal, (chunk: SgdChunk) => {
                watchdog.feed();
                micro.push(...chunk.micro);
                tReached = chunk.tReached;
                publish('running');
              }),
            ),
          signal,
        );
      } catch (err) {
        if (!signal.aborted)
          store.getState().setCloud({
            status: 'error',
            tReached,
            T,
            micro: micro.slice(),
            message: err instanceof Error ? err.message : String(err),
          });
        throw err;
      }
      tReached = T;
      publish('done');
      publish.flush();
    },
  });
}
