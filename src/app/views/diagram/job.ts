/** The phase diagram's job (runs/scheduler.ts): its inputs, debounce and run. */
import { afterTheDots, dotsFirst } from '../../runs/priority';
import { defineJob } from '../../runs/scheduler';
import type { AppWorkers } from '../../runs/workers';
import { type AppState } from '../../store';
import { POOL_DEBOUNCE_MS } from '../../timing';
import { diagramAxes, diagramKey } from './axes';

/** What the diagram is computed for in this state (null: the model has no diagram). */
export function diagramInputs(s: AppState) {
  const axes = diagramAxes(s.model, s);
  if (!axes || !s.model.theory) return null;
  const key = diagramKey(s.model, s.params, axes.x, axes.y, s.diagramCells);
  return { key, x: axes.x, y: axes.y, n: s.diagramCells };
}

/** The diagram shown is not yet this state's: its run waits for the SGD dots (runs/priority.ts). */
export function diagramWaitsForDots(s: AppState): boolean {
  return dotsFirst(s, 'diagram') && s.diagram?.key !== diagramInputs(s)?.key;
}

/** The phase diagram: recomputed only when something other than its own axes changes. */
export function diagramJob(w: AppWorkers) {
  return defineJob({
    name: 'diagram',
    debounceMs: POOL_DEBOUNCE_MS,
    inputs: diagramInputs,
    reset(store, input) {
      if (input === null) store.getState().setDiagram(null);
    },
    run: (input, context) => w.diagram.run(input, context),
    cancelled: () => w.diagram.markCancelled(),
    waitsFor: afterTheDots('diagram'),
  });
}
