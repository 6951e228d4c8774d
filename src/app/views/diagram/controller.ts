/**
 * Computes the phase diagram in a pool of analysis workers: the cells, in coarse-to-fine order,
 * are dealt round-robin so that every worker refines the whole picture. The job scheduler aborts
 * a stale run on a new diagram key or Cancel (its workers are terminated); its cells are dropped.
 */
import { refinementOrder } from '../../../core/sweep';
import type { AnalysisWorkerApi } from '../../../workers/analysis.worker';
import {
  currentOnly,
  dealRoundRobin,
  isAbortError,
  lanePool,
  WorkerLane,
} from '../../../workers/lane';
import type { DiagramAxis, DiagramCell } from '../../../workers/protocol';
import type { JobContext } from '../../runs/scheduler';
import type { AppStore, DiagramState } from '../../store';
import { DIAGRAM_PUBLISH_MS } from '../../timing';

export class DiagramController {
  private readonly lanes: WorkerLane<AnalysisWorkerApi>[];

  constructor(
    private readonly store: AppStore,
    createWorker: () => Worker,
    poolSize: number,
  ) {
    this.lanes = lanePool<AnalysisWorkerApi>(createWorker, poolSize);
  }

  /**
   * Compute the diagram's cells until done or until `signal` aborts (a new key or Cancel; the
   * cells so far stay). Cells are published at most every DIAGRAM_PUBLISH_MS (10⁴ cells are 10⁴
   * SVG rects). Rejects with a worker's error after marking the diagram failed.
   */
  async run(
    request: { key: string; x: DiagramAxis; y: DiagramAxis; n: number },
    context: JobContext,
  ): Promise<void> {
    const { key, x, y, n } = request;
    const { signal } = context;
    const cells: ({ label: string; variation: number } | null)[] = new Array<null>(n * n).fill(
      null,
    );
    const startedAt = performance.now();
    const publish = (status: DiagramState['status'], message?: string) =>
      this.store
        .getState()
        .setDiagram({ key, n, x, y, cells: cells.slice(), status, startedAt, message });
    const publishSoon = context.throttle(DIAGRAM_PUBLISH_MS, () => publish('running'));
    publish('running');
    const order = refinementOrder(n, n);
    const state = this.store.getState().modelQuery;
    const parts = dealRoundRobin(order, this.lanes.length);
    try {
      await Promise.all(
        this.lanes.map((lane, k) =>
          lane.call(
            (api) =>
              api.diagram(
                { state, x, y, n, cells: parts[k]! },
                currentOnly(signal, (batch: DiagramCell[]) => {
                  for (const c of batch)
                    cells[c.j * n + c.i] = { label: c.label, variation: c.variation };
                  publishSoon();
                }),
              ),
            signal,
          ),
        ),
      );
    } catch (err) {
      // A real failure says why; an abort (Cancel, or a new diagram) is not a failure.
      if (!signal.aborted && !isAbortError(err))
        publish('error', err instanceof Error ? err.message : String(err));
      throw err;
    }
    // The last throttled 'running' must not land after 'done'.
    publishSoon.flush();
    if (!signal.aborted) publish('done');
  }

  /** Mark the current diagram cancelled, keeping its cells (the scheduler aborted the run). */
  markCancelled(): void {
    const diagram = this.store.getState().diagram;
    if (diagram?.status === 'running')
      this.store.getState().setDiagram({ ...diagram, status: 'cancelled' });
  }

  dispose(): void {
    for (const lane of this.lanes) lane.terminate();
  }
}
