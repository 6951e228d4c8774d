/** The scan's job (runs/scheduler.ts): its inputs, debounce and run. */
import { scansOf, scanValues } from '../../../core/model';
import { defineJob } from '../../runs/scheduler';
import type { AppWorkers } from '../../runs/workers';
import type { AppState } from '../../store';
import { POOL_DEBOUNCE_MS } from '../../timing';
import { runScanPool } from './pool';

/** The model's 1-parameter scan (the VAE's Fig. 2 or 3): not re-run when its own axis moves. */
export function scanJob(w: AppWorkers) {
  const inputs = (s: AppState) => {
    const scans = scansOf(s.model);
    const index = Math.max(
      0,
      scans.findIndex((spec, k) => (spec.id ?? String(k)) === s.scanId),
    );
    const spec = scans[index];
    if (!spec) return null;
    const rest = Object.entries(s.params).filter(([k]) => ![spec.x, 'T', 'n', 'seed'].includes(k));
    return { model: s.model.id, id: spec.id ?? String(index), index, rest };
  };
  return defineJob({
    name: 'scan',
    debounceMs: POOL_DEBOUNCE_MS,
    inputs,
    reset: (store) => store.getState().setScan(null),
    async run(input, { signal, store }) {
      const spec = scansOf(store.getState().model)[input.index];
      if (!spec) return;
      const query = store.getState().modelQuery;
      const result = await runScanPool(w.scanPool, query, input.id, scanValues(spec), signal);
      if (!signal.aborted) store.getState().setScan(result);
    },
  });
}
