/**
 * The phase diagram's exact boundaries: fold and Hopf curves by two-parameter continuation on an
 * analysis worker (core/continuation/boundaries.ts), drawn over the brute-force cells. Its key is
 * the diagram's (the state without the axes' parameters), so a click in the plane keeps them.
 */
import type { BoundaryCurve } from '../../../core/continuation/boundaries';
import { afterTheDots } from '../../runs/priority';
import { defineJob } from '../../runs/scheduler';
import type { AppWorkers } from '../../runs/workers';
import type { AppState } from '../../store';
import { POOL_DEBOUNCE_MS } from '../../timing';
import { diagramAxes, diagramKey } from './axes';

export interface DiagramCurvesState {
  key: string;
  /** 'running' until the curves land (the legend says "computing…"). */
  status: 'running' | 'done';
  curves: BoundaryCurve[];
  notes: string[];
}

/** The curves' request of the state, or null when there is no diagram. */
export function diagramCurvesInput(s: AppState) {
  const axes = diagramAxes(s.model, s);
  if (!axes || !s.model.theory) return null;
  // n = 0: the curves do not depend on the number of cells.
  return { key: diagramKey(s.model, s.params, axes.x, axes.y, 0), x: axes.x, y: axes.y };
}

export function diagramCurvesJob(w: AppWorkers) {
  return defineJob({
    name: 'diagramCurves',
    debounceMs: POOL_DEBOUNCE_MS,
    inputs: diagramCurvesInput,
    // Seconds of continuation on a core: after the dots, as the cells (runs/priority.ts).
    waitsFor: afterTheDots('diagram'),
    reset(store, input) {
      store
        .getState()
        .setDiagramCurves(
          input === null ? null : { key: input.key, status: 'running', curves: [], notes: [] },
        );
    },
    async run(input, { signal, store }) {
      const query = store.getState().modelQuery;
      const result = await w.diagramCurves.call(
        (api) => api.boundaries(query, input.x, input.y),
        signal,
      );
      store.getState().setDiagramCurves({ key: input.key, status: 'done', ...result });
    },
  });
}
