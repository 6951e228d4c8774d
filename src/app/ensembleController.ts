/**
 * Many SGD runs of the current state for the views that need every run, not a mean: the
 * fluctuation view (√n·m of each run against the diffusive limit) and the basins view (each
 * run's end point, and the ODE's from the same start). The runs (streams 0..R−1 of the seed) are
 * dealt over a pool of SGD workers; when they are done, an ODE worker integrates from each run's
 * measured start. A new state aborts the stale runs; their chunks are dropped.
 */
import * as Comlink from 'comlink';

import { timeGrid } from '../core/ode';
import { num } from '../core/params';
import { dealRoundRobin, isAbortError, lanePool, WorkerLane } from '../workers/lane';
import type { OdeWorkerApi } from '../workers/ode.worker';
import type { SgdChunk } from '../workers/protocol';
import type { SgdWorkerApi } from '../workers/sgd.worker';
import type { AppStore } from './store';

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

/** Whether the model has a view that needs the ensemble, and its default number of runs. */
export function ensembleRuns(
  views: { fluctuation?: { runs: number }; basins?: { runs: number } },
  nr: number | null,
): number {
  const base = views.basins?.runs ?? views.fluctuation?.runs ?? 0;
  return base > 0 ? (nr ?? base) : 0;
}

export class EnsembleController {
  private readonly lanes: WorkerLane<SgdWorkerApi>[];
  private readonly odeLane: WorkerLane<OdeWorkerApi>;
  private controller: AbortController | null = null;
  private generation = 0;
  private timer = 0;

  constructor(
    private readonly store: AppStore,
    createSgdWorker: () => Worker,
    createOdeWorker: () => Worker,
    poolSize: number,
  ) {
    this.lanes = lanePool<SgdWorkerApi>(createSgdWorker, poolSize);
    this.odeLane = new WorkerLane<OdeWorkerApi>(createOdeWorker, true);
  }

  start(key: string, runs: number): void {
    this.stop();
    const generation = ++this.generation;
    const controller = new AbortController();
    this.controller = controller;
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
      if (generation === this.generation)
        this.store.getState().setEnsemble({ ...state, runs: state.runs.slice() });
    };
    const publishSoon = () => {
      if (this.timer) return;
      this.timer = window.setTimeout(() => {
        this.timer = 0;
        publish();
      }, 250);
    };
    publish();
    const onChunk = (chunk: SgdChunk) => {
      if (generation !== this.generation) return;
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
    const pending = this.lanes.map((lane, k) => {
      const batch = batches[k]!;
      return batch.length === 0
        ? Promise.resolve()
        : lane.call(
            (api) =>
              api.sgd(
                {
                  state: modelQuery,
                  samples: ENSEMBLE_SAMPLES,
                  streams: batch,
                  withMicro: false,
                  microTimes: [],
                },
                Comlink.proxy(onChunk),
              ),
            controller.signal,
          );
    });
    Promise.all(pending)
      .then(async () => {
        if (generation !== this.generation) return;
        state.status = 'done';
        publish();
        if (!model.views.basins) return;
        // The ODE from each run's measured start: its state columns at t = 0.
        const dim = model.stateNames(params).length;
        const m = state.names.length;
        const starts = state.runs.map((rows) => rows.slice(0, Math.min(dim, m)));
        const finals = await this.odeLane.call(
          (api) => api.finals(modelQuery, starts, T),
          controller.signal,
        );
        if (generation !== this.generation) return;
        state.odeFinals = finals;
        publish();
      })
      .catch((err: unknown) => {
        if (isAbortError(err) || generation !== this.generation) return;
        state.status = 'error';
        state.message = err instanceof Error ? err.message : String(err);
        publish();
      });
  }

  stop(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = null;
    clearTimeout(this.timer);
    this.timer = 0;
  }

  dispose(): void {
    this.stop();
    for (const lane of this.lanes) lane.terminate();
    this.odeLane.terminate();
  }
}
