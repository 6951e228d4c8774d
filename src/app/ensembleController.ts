/**
 * Many SGD runs of the current state for the views that need every run, not a mean: the
 * fluctuation view (√n·m of each run against the diffusive limit) and the basins view (each
 * run's end point, and the ODE's from the same start). The runs (streams 0..R−1 of the seed) are
 * dealt over a pool of SGD workers; when they are done, an ODE worker integrates from each run's
 * measured start. The job scheduler aborts a stale run; its chunks are dropped.
 */
import { viewSpec } from '../core/model';
import { timeGrid } from '../core/ode';
import { num } from '../core/params';
import { currentOnly, dealRoundRobin, isAbortError, lanePool, WorkerLane } from '../workers/lane';
import type { OdeWorkerApi } from '../workers/ode.worker';
import type { SgdChunk } from '../workers/protocol';
import type { SgdWorkerApi } from '../workers/sgd.worker';
import type { JobContext } from './runs/scheduler';
import type { AppStore } from './store';
import { ENSEMBLE_PUBLISH_MS } from './timing';

export const ENSEMBLE_SAMPLES = 101;

export interface EnsembleState {
  /** What the runs were made for: the model state and the number of runs. */
  key: string;
  names: string[];
  t: Float64Array;
  /** Per run, row-major samples (names.length per row); rows < reached[r] are filled. */
  runs: Float64Array[];
  reached: number[];
  status: 'running' | 'done' | 'error';
  message?: string;
  /** The ODE's state at T from each run's measured start (basins view), when computed. */
  odeFinals: Float64Array[] | null;
}

/**
 * The ensemble's size: the runs of the many-runs view on show (the fluctuation or the basins
 * view: GMM has both, 64 and 200 runs by default), or nr when set; 0 when the model has neither.
 */
export function ensembleRuns(
  views: { fluctuation?: { runs: number }; basins?: { runs: number } },
  nr: number | null,
  shown: string,
): number {
  const spec =
    (shown === 'fluctuation' ? views.fluctuation : shown === 'basins' ? views.basins : undefined) ??
    views.basins ??
    views.fluctuation;
  return spec ? (nr ?? spec.runs) : 0;
}

export class EnsembleController {
  private readonly lanes: WorkerLane<SgdWorkerApi>[];
  private readonly odeLane: WorkerLane<OdeWorkerApi>;

  constructor(
    private readonly store: AppStore,
    createSgdWorker: () => Worker,
    createOdeWorker: () => Worker,
    poolSize: number,
  ) {
    this.lanes = lanePool<SgdWorkerApi>(createSgdWorker, poolSize);
    this.odeLane = new WorkerLane<OdeWorkerApi>(createOdeWorker, true);
  }

  /**
   * Run `runs` streams of the store's current state until done or until the signal aborts;
   * then, for the basins view, the ODE from each run's start. Rejects with a worker's error
   * after marking the ensemble failed.
   */
  async run(request: { key: string; runs: number }, context: JobContext): Promise<void> {
    const { key, runs } = request;
    const { signal } = context;
    const { modelQuery, model, params } = this.store.getState();
    const T = num(params, 'T');
    const t = timeGrid(0, T, ENSEMBLE_SAMPLES);
    const state: EnsembleState = {
      key,
      names: [],
      t,
      runs: Array.from({ length: runs }, () => new Float64Array(0)),
      reached: new Array<number>(runs).fill(0),
      status: 'running',
      odeFinals: null,
    };
    const publish = () => {
      if (!signal.aborted)
        this.store.getState().setEnsemble({ ...state, runs: state.runs.slice() });
    };
    const publishSoon = context.throttle(ENSEMBLE_PUBLISH_MS, publish);
    publish();
    const onChunk = (chunk: SgdChunk) => {
      const m = chunk.names.length;
      state.names = chunk.names;
      for (const part of chunk.rows) {
        const r = part.stream;
        if (r < 0 || r >= runs) continue;
        if (state.runs[r]!.length === 0) state.runs[r] = new Float64Array(t.length * m).fill(NaN);
        state.runs[r]!.set(part.values, part.from * m);
        state.reached[r] = Math.max(state.reached[r]!, part.from + part.values.length / m);
      }
      publishSoon();
    };
    const streams = Array.from({ length: runs }, (_, r) => r);
    const batches = dealRoundRobin(streams, this.lanes.length);
    try {
      await Promise.all(
        this.lanes.map((lane, k) =>
          batches[k]!.length === 0
            ? Promise.resolve()
            : lane.call(
                (api) =>
                  api.sgd(
                    {
                      state: modelQuery,
                      samples: ENSEMBLE_SAMPLES,
                      streams: batches[k]!,
                      withMicro: false,
                      microTimes: [],
                    },
                    currentOnly(signal, onChunk),
                  ),
                signal,
              ),
        ),
      );
      publishSoon.flush();
      state.status = 'done';
      publish();
      const basins = viewSpec(model, 'basins');
      if (!basins || basins.skipOde?.(params)) return;
      // The ODE from each run's measured start: its state columns at t = 0.
      const dim = model.stateNames(params).length;
      const m = state.names.length;
      const starts = state.runs.map((rows) => rows.slice(0, Math.min(dim, m)));
      state.odeFinals = await this.odeLane.call((api) => api.finals(modelQuery, starts, T), signal);
      publish();
    } catch (err) {
      if (!signal.aborted && !isAbortError(err)) {
        state.status = 'error';
        state.message = err instanceof Error ? err.message : String(err);
        publish();
      }
      throw err;
    }
  }

  dispose(): void {
    for (const lane of this.lanes) lane.terminate();
    this.odeLane.terminate();
  }
}
