/**
 * Which work goes first. The SGD dots are the cheap, central check of theory against simulation,
 * so they get every core: the phase diagram (10⁴ ODEs) and the cloud (one O(n) run) wait until
 * the dots are done. Before, both started with the dots and took half the cores, and 16 runs of
 * the GAN's Fig. 1(a) took several times longer (issue 11's profile, docs/architecture.md).
 * A view the user maximised has asked for its own work first, and a paused SGD holds nothing.
 */
import type { ViewMode } from '../appKeys';
import type { AppState, JobName } from '../store';

/** A job's `waitsFor` (runs/scheduler.ts): the SGD, unless `own` is maximised or the SGD paused. */
export function afterTheDots(own: ViewMode): (state: AppState) => readonly JobName[] {
  return (state) => (state.view === own || state.sgd.status === 'paused' ? [] : ['sgd']);
}

/** The SGD is still to finish: a view whose job waits for the dots says so while this holds. */
export function dotsFirst(state: AppState, own: ViewMode): boolean {
  if (state.view === own) return false;
  const status = state.sgd.status;
  return status === 'running' || status === 'idle';
}
