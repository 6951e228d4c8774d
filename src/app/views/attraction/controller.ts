/**
 * Attraction regions (the attraction ViewSpec; the contrastive model's Fig. 3) in a pool of
 * analysis workers: a coarse grid of starts, coarse-to-fine so the picture sharpens as it
 * fills, then every coarse cell on a boundary (a 4-neighbour with another basin) split 4×4 and
 * computed again. The job scheduler aborts a stale run; its cells are dropped.
 */
import {
  type AttractionCell,
  attractionGrid,
  boundaryCells,
  type LabelledCell,
  subdivide,
} from '../../../core/basins';
import { viewSpec } from '../../../core/model';
import { refinementOrder } from '../../../core/sweep';
import type { AnalysisWorkerApi } from '../../../workers/analysis.worker';
import {
  currentOnly,
  dealRoundRobin,
  isAbortError,
  lanePool,
  WorkerLane,
} from '../../../workers/lane';
import type { JobContext } from '../../runs/scheduler';
import type { AppStore } from '../../store';
import { DIAGRAM_PUBLISH_MS } from '../../timing';

export const ATTRACTION_COARSE = 40;
export const ATTRACTION_REFINE = 4;

export interface AttractionState {
  key: string;
  /** Coarse cells (row by row) then refined ones; a refined cell is drawn over its parent. */
  cells: LabelledCell[];
  status: 'running' | 'done' | 'error';
  done: number;
  total: number;
}

export class AttractionController {
  private readonly lanes: WorkerLane<AnalysisWorkerApi>[];

  constructor(
    private readonly store: AppStore,
    createWorker: () => Worker,
    poolSize: number,
  ) {
    this.lanes = lanePool<AnalysisWorkerApi>(createWorker, poolSize);
  }

  /**
   * Colour the regions until done or until the signal aborts (the job scheduler aborts a stale
   * run). Rejects with a worker's error after marking the regions failed.
   */
  async run(request: { key: string; log: boolean }, context: JobContext): Promise<void> {
    const { key, log } = request;
    const { signal } = context;
    const view = viewSpec(this.store.getState().model, 'attraction');
    if (!view) return;
    const state = this.store.getState().modelQuery;
    const n = ATTRACTION_COARSE;
    const coarse: (LabelledCell | null)[] = new Array<null>(n * n).fill(null);
    const fine: LabelledCell[] = [];
    let total = n * n;
    const publish = (status: AttractionState['status']) => {
      if (signal.aborted) return;
      const cells = [...coarse.filter((c): c is LabelledCell => c !== null), ...fine];
      this.store.getState().setAttraction({ key, cells, status, done: cells.length, total });
    };
    const publishSoon = context.throttle(DIAGRAM_PUBLISH_MS, () => publish('running'));
    const run = (cells: AttractionCell[], onCells: (c: LabelledCell[]) => void) =>
      Promise.all(
        dealRoundRobin(cells, this.lanes.length).map((part, k) => {
          const lane = this.lanes[k]!;
          return part.length === 0
            ? Promise.resolve()
            : lane.call(
                (api) =>
                  api.attraction(
                    state,
                    part,
                    log,
                    currentOnly(signal, (batch: LabelledCell[]) => {
                      onCells(batch);
                      publishSoon();
                    }),
                  ),
                signal,
              );
        }),
      );
    const grid = attractionGrid(view, n, log);
    const order = refinementOrder(n, n);
    const index = new Map(grid.map((c, k) => [`${c.x0},${c.y0}`, k]));
    publish('running');
    try {
      await run(
        order.map((k) => grid[k]!),
        (batch) => {
          for (const c of batch) coarse[index.get(`${c.x0},${c.y0}`)!] = c;
        },
      );
      const labels = coarse.map((c) => c?.label ?? null);
      const edge = boundaryCells(labels, n).flatMap((k) =>
        subdivide(grid[k]!, ATTRACTION_REFINE, log && view.log === true),
      );
      total += edge.length;
      publish('running');
      await run(edge, (batch) => fine.push(...batch));
      publishSoon.flush();
      publish('done');
    } catch (err) {
      if (!signal.aborted && !isAbortError(err)) publish('error');
      throw err;
    }
  }

  dispose(): void {
    for (const lane of this.lanes) lane.terminate();
  }
}
