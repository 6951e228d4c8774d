/**
 * The pins' curves and dots, recomputed from their states: the ODE of each (deterministic, so
 * the link need not carry the curves) and its SGD dots from its own seed, on lanes of their own
 * so that neither the main runs nor the overlay abort them.
 */
import { num } from '../../core/params';
import type { OdeResult } from '../../workers/protocol';
import { runSgdStates } from '../overlaySgd';
import { defineJob } from '../runs/scheduler';
import type { AppWorkers } from '../runs/workers';
import type { SgdSummary } from '../sgdData';
import { ODE_SAMPLES, OVERLAY_SGD_DEBOUNCE_MS } from '../timing';
import { pinParams, pinQuery } from './codec';

export interface PinnedCurves {
  /** The pin, compact form (as in the link). */
  pin: string;
  ode: OdeResult | null;
  sgd: SgdSummary | null;
}

export interface PinsState {
  /** What the curves were computed for: the model, the pins and the runs. */
  key: string;
  pins: PinnedCurves[];
}

export function pinsJob(w: AppWorkers) {
  return defineJob({
    name: 'pins',
    // The ghost curves come at once; their dots after the main runs had a head start.
    debounceMs: 0,
    inputs: (s) => (s.pins.length ? { model: s.model.id, pins: s.pins, runs: s.runs } : null),
    reset(store, input) {
      if (input === null) store.getState().setPinned(null);
    },
    async run(input, { signal, store }) {
      const model = store.getState().model;
      const key = JSON.stringify(input);
      const states = input.pins.map((p) => pinQuery(model, p));
      const odes = await w.pins.call(
        (api) => Promise.all(states.map((q) => api.ode(q, ODE_SAMPLES))),
        signal,
      );
      const pins: PinnedCurves[] = input.pins.map((pin, k) => ({
        pin,
        ode: odes[k] ?? null,
        sgd:
          store.getState().pinned?.key === key
            ? (store.getState().pinned?.pins[k]?.sgd ?? null)
            : null,
      }));
      store.getState().setPinned({ key, pins });
      await new Promise((resolve) => setTimeout(resolve, OVERLAY_SGD_DEBOUNCE_MS));
      if (signal.aborted) return;
      const T = input.pins.map((p) => num(pinParams(model, p).params, 'T'));
      await runSgdStates(
        w.pinsSgd,
        { states, T, runs: input.runs },
        (summaries) => {
          const now = store.getState().pinned;
          if (now?.key !== key) return;
          store.getState().setPinned({
            key,
            pins: now.pins.map((p, k) => ({ ...p, sgd: summaries[k] ?? p.sgd })),
          });
        },
        signal,
      );
    },
  });
}
