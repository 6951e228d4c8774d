/**
 * The bifurcation view's job (runs/scheduler.ts): the diagram by continuation on an analysis
 * worker, while the view is on show. Its key leaves out the continued axis, so that moving the
 * parameter along the diagram (a click, the slider) keeps the diagram and only moves the rule.
 */
import type { Diagram } from '../../../core/continuation/diagram';
import { shownTabbedView } from '../../layout';
import { defineJob } from '../../runs/scheduler';
import type { AppWorkers } from '../../runs/workers';
import type { AppState } from '../../store';
import { POOL_DEBOUNCE_MS } from '../../timing';
import { bifurcationAxis, bifurcationRequest } from './axes';

export interface BifurcationState {
  key: string;
  axis: string;
  range: [number, number];
  /** 'running' until the diagram lands (the view says "computing…"). */
  status: 'running' | 'done';
  diagram: Diagram | null;
}

/** The request of the state, or null when the view is not on show or has no axis. */
export function bifurcationInput(s: AppState) {
  if (shownTabbedView(s.model, s.view, s.tab, s.show) !== 'bifurcation') return null;
  const axis = bifurcationAxis(s.model, s.params, s.bifurcationAxis);
  return axis ? bifurcationRequest(s.model, s.params, axis) : null;
}

export function bifurcationJob(w: AppWorkers) {
  return defineJob({
    name: 'bifurcation',
    debounceMs: POOL_DEBOUNCE_MS,
    inputs: bifurcationInput,
    reset(store, input) {
      store
        .getState()
        .setBifurcation(input === null ? null : { ...input, status: 'running', diagram: null });
    },
    async run(input, { signal, store }) {
      const query = store.getState().modelQuery;
      const diagram = await w.bifurcation.call(
        (api) => api.bifurcation(query, input.axis, input.range),
        signal,
      );
      store.getState().setBifurcation({ ...input, status: 'done', diagram });
    },
  });
}
