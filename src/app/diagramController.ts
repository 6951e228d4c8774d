/**
 * Computes the phase diagram in a pool of analysis workers: the cells, in coarse-to-fine order,
 * are dealt round-robin so that every worker refines the whole picture. A new diagram key or
 * Cancel aborts the stale run (its workers are terminated); cells of a stale run are dropped.
 */
import * as Comlink from 'comlink';

import { refinementOrder } from '../core/sweep';
import type { AnalysisWorkerApi } from '../workers/analysis.worker';
import { dealRoundRobin, isAbortError, lanePool, WorkerLane } from '../workers/lane';
import type { DiagramAxis, DiagramCell } from '../workers/protocol';
import type { AppStore } from './store';

export class DiagramController {
  private readonly lanes: WorkerLane<AnalysisWorkerApi>[];
  private controller: AbortController | null = null;
  private generation = 0;

  constructor(
    private readonly store: AppStore,
    createWorker: () => Worker,
    poolSize: number,
  ) {
    this.lanes = lanePool<AnalysisWorkerApi>(createWorker, poolSize);
  }

  start(key: string, x: DiagramAxis, y: DiagramAxis, n: number): void {
    this.cancel();
    const generation = ++this.generation;
    const controller = new AbortController();
    this.controller = controller;
    const cells: ({ label: string; variation: number } | null)[] = new Array<null>(n * n).fill(
      null,
    );
    const publish = (status: 'running' | 'done' | 'cancelled') =>
      this.store.getState().setDiagram({ key, n, x, y, cells: cells.slice(), status, startedAt });
    // Redraw at most every 200 ms while cells stream in (10⁴ cells are 10⁴ SVG rects).
    let pending = 0;
    const publishSoon = () => {
      if (pending) return;
      pending = window.setTimeout(() => {
        pending = 0;
        if (generation === this.generation) publish('running');
      }, 200);
    };
    const startedAt = performance.now();
    publish('running');
    const order = refinementOrder(n, n);
    const state = this.store.getState().modelQuery;
    const parts = dealRoundRobin(order, this.lanes.length);
    const runs = this.lanes.map((lane, k) =>
      lane.call(
        (api) =>
          api.diagram(
            {
              state,
              x,
              y,
              n,
              cells: parts[k]!,
            },
            Comlink.proxy((batch: DiagramCell[]) => {
              if (generation !== this.generation) return;
              for (const c of batch)
                cells[c.j * n + c.i] = { label: c.label, variation: c.variation };
              publishSoon();
            }),
          ),
        controller.signal,
      ),
    );
    Promise.all(runs).then(
      () => {
        clearTimeout(pending);
        if (generation === this.generation) publish('done');
      },
      (err: unknown) => {
        if (generation !== this.generation) return;
        if (isAbortError(err)) publish('cancelled');
        else publish('cancelled');
      },
    );
  }

  /** Stop the running diagram, keeping the cells computed so far. */
  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }

  dispose(): void {
    this.generation++;
    this.cancel();
    for (const lane of this.lanes) lane.terminate();
  }
}
