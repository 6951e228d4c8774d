/**
 * A worker thread of the bench's pool (bench/pool.ts): runs one slice of a job with the same
 * core functions the app's workers use, and posts back how many units it did.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { attractionGrid, labelCells, sgdEnsemble } from '../src/core/basins';
import { viewSpec } from '../src/core/model';
import { parseState } from '../src/core/state';
import { models } from '../src/models/registry';

export interface PoolJob {
  kind: 'attraction' | 'ensemble';
  state: string;
  /** attraction: grid size and which cells (k % of === part); ensemble: streams. */
  n?: number;
  streams?: number[];
  part: number;
  of: number;
}

const job = workerData as PoolJob;
const { model, params } = parseState(job.state, models);
let units = 0;
if (job.kind === 'attraction') {
  const grid = attractionGrid(viewSpec(model, 'attraction')!, job.n!, true).filter(
    (_, k) => k % job.of === job.part,
  );
  units = labelCells(model, params, grid, { log: true }).length;
} else {
  units = sgdEnsemble(model, params, job.streams!, 2).runs.length;
}
parentPort!.postMessage(units);
