/** The attraction regions' job (runs/scheduler.ts): its inputs, debounce and run. */
import { viewSpec } from '../../../core/model';
import { defineJob } from '../../runs/scheduler';
import type { AppWorkers } from '../../runs/workers';
import { MANY_RUNS_DEBOUNCE_MS } from '../../timing';

/** Attraction regions on the portrait plane, when switched on. */
export function attractionJob(w: AppWorkers) {
  return defineJob({
    name: 'attraction',
    debounceMs: MANY_RUNS_DEBOUNCE_MS,
    inputs: (s) =>
      viewSpec(s.model, 'attraction') && s.showAttraction
        ? { key: `${s.modelQuery}|${s.logAxes}`, log: s.logAxes }
        : null,
    reset: (store) => store.getState().setAttraction(null),
    run: (input, context) => w.attraction.run(input, context),
  });
}
