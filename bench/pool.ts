/**
 * Jobs timed on one thread and on a pool of worker threads (one per core), with the same core
 * code the app's worker pool runs: the attraction grid (core/basins labelCells) and an SGD
 * ensemble (core/basins sgdEnsemble). Workers load TypeScript through tsx (poolWorker.mjs).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import type { PoolJob } from './poolWorker';

function runWorker(job: PoolJob): Promise<number> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./poolWorker.mjs', import.meta.url), {
      workerData: job,
    });
    w.once('message', (units: number) => resolve(units));
    w.once('error', reject);
  });
}

/** Wall-clock ms of the job split over `threads` workers (1: a single worker thread). */
export async function timePool(
  job: Omit<PoolJob, 'part' | 'of'>,
  threads: number,
): Promise<{ ms: number; units: number }> {
  const t0 = performance.now();
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, part) =>
      runWorker({
        ...job,
        part,
        of: threads,
        ...(job.streams ? { streams: job.streams.filter((_, k) => k % threads === part) } : {}),
      }),
    ),
  );
  return { ms: performance.now() - t0, units: parts.reduce((a, b) => a + b, 0) };
}

export const cores = (): number => Math.max(1, availableParallelism());
