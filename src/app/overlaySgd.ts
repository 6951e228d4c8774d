/**
 * SGD dots for the overlay (Fig. 1 of the VAE paper: ε_g for several β, each with its SGD mean ±
 * std): after the main runs, one worker runs `runs` streams at each overlaid value in turn and
 * streams their summaries into the store. A change of state or overlay aborts it.
 */
import { stateWithAxis } from '../core/analysis';
import type { Model } from '../core/model';
import { timeGrid } from '../core/ode';
import { num, type Params } from '../core/params';
import { currentOnly, isAbortError, type WorkerLane } from '../workers/lane';
import type { SgdChunk } from '../workers/protocol';
import type { SgdWorkerApi } from '../workers/sgd.worker';
import { SgdAccumulator, type SgdSummary } from './sgdData';

/** Fewer samples than the main run: the overlay's dots share one plot. */
export const OVERLAY_SGD_SAMPLES = 41;

export async function runOverlaySgd(
  lane: WorkerLane<SgdWorkerApi>,
  request: { model: Model; params: Params; param: string; values: number[]; runs: number },
  onUpdate: (summaries: (SgdSummary | null)[]) => void,
  signal: AbortSignal,
): Promise<void> {
  const { model, params, param, values, runs } = request;
  const states = values.map((v) => stateWithAxis(model, params, param, v));
  const T = states.map(() => num(params, 'T'));
  return runSgdStates(lane, { states, T, runs }, onUpdate, signal);
}

/**
 * SGD summaries (mean ± std over `runs` streams, OVERLAY_SGD_SAMPLES times in [0, T[k]]) of
 * several state strings in turn, streamed through `onUpdate`; also the pins' dots.
 */
export async function runSgdStates(
  lane: WorkerLane<SgdWorkerApi>,
  request: { states: string[]; T: number[]; runs: number },
  onUpdate: (summaries: (SgdSummary | null)[]) => void,
  signal: AbortSignal,
): Promise<void> {
  const { states, runs } = request;
  const summaries: (SgdSummary | null)[] = states.map(() => null);
  for (let k = 0; k < states.length; k++) {
    if (signal.aborted) return;
    const times = timeGrid(0, request.T[k] ?? 0, OVERLAY_SGD_SAMPLES);
    const acc = new SgdAccumulator(times, runs);
    const state = states[k]!;
    try {
      await lane.call(
        (api) =>
          api.sgd(
            {
              state,
              samples: OVERLAY_SGD_SAMPLES,
              streams: Array.from({ length: runs }, (_, r) => r),
              withMicro: false,
              microTimes: [],
            },
            currentOnly(signal, (chunk: SgdChunk) => {
              acc.add(chunk);
              summaries[k] = acc.summary();
              onUpdate(summaries.slice());
            }),
          ),
        signal,
      );
    } catch (err) {
      if (isAbortError(err)) return;
      throw err;
    }
    summaries[k] = acc.summary();
    onUpdate(summaries.slice());
  }
}
