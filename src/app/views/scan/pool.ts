/**
 * A model's 1-parameter scan split over a pool of analysis workers: point k goes to worker
 * k mod pool (neighbouring values cost alike, so interleaving balances the load), and the first
 * worker also measures the reference. The parts are merged back in the spec's order.
 */
import type { AnalysisWorkerApi } from '../../../workers/analysis.worker';
import { dealRoundRobin, type WorkerLane } from '../../../workers/lane';
import type { ScanResult } from '../../../workers/protocol';

export async function runScanPool(
  lanes: WorkerLane<AnalysisWorkerApi>[],
  modelQuery: string,
  scanId: string,
  values: number[],
  signal: AbortSignal,
): Promise<ScanResult> {
  const parts = dealRoundRobin(values, lanes.length);
  const results = await Promise.all(
    lanes.map((lane, w) =>
      lane.call((api) => api.scan(modelQuery, scanId, parts[w]!, w === 0), signal),
    ),
  );
  const names = results.find((r) => r.names.length > 0)?.names ?? [];
  const m = names.length;
  const final = new Float64Array(values.length * m);
  const labels: string[] = [];
  const measured: number[] = [];
  values.forEach((_, k) => {
    const r = results[k % lanes.length]!;
    const i = Math.floor(k / lanes.length);
    if (r.names.length === m) final.set(r.final.subarray(i * m, (i + 1) * m), k * m);
    labels.push(r.labels[i] ?? '');
    measured.push(r.measured[i] ?? Number.NaN);
  });
  return { names, values, final, labels, measured, reference: results[0]?.reference ?? null };
}
