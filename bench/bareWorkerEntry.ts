/**
 * bench:ui's reference (bench/bareWorker.ts bundles this file into a plain worker): the model's
 * default sampler stepped straight to T for each stream, with nothing of the app around it (no
 * sampling, no messages until the end). Run on as many workers as the app deals its runs to, it
 * is the fastest the same chain can do in the same browser on this machine.
 */
import { num } from '../src/core/params';
import { parseState } from '../src/core/state';
import { models } from '../src/models/registry';

self.onmessage = (event: MessageEvent<{ query: string; streams: number[] }>) => {
  const { query, streams } = event.data;
  const { model, params } = parseState(query, models);
  const T = num(params, 'T');
  for (const stream of streams) {
    const sim = model.simulator(params, { stream });
    sim.step(Math.round(T * sim.stepsPerTime));
  }
  self.postMessage('done');
};
