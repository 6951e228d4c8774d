/**
 * The app's workers: one lane per kind of short work (each starts its worker on its first
 * call) and the pools behind the long jobs. SGD runs get every core (the cloud's run has its own
 * lane); phase diagrams,
 * ensembles and attraction regions use every core (they run while the user waits for them).
 */
import type { AnalysisWorkerApi } from '../../workers/analysis.worker';
import { createAnalysisWorker, createOdeWorker, createSgdWorker } from '../../workers/create';
import { lanePool, WorkerLane } from '../../workers/lane';
import type { OdeWorkerApi } from '../../workers/ode.worker';
import type { SgdWorkerApi } from '../../workers/sgd.worker';
import { EnsembleController } from '../ensembleController';
import { SgdController } from '../sgdController';
import type { AppStore } from '../store';
import { LONG_WATCHDOG_MS, ODE_WATCHDOG_MS, SGD_WATCHDOG_MS } from '../timing';
import { AttractionController } from '../views/attraction/controller';
import { DiagramController } from '../views/diagram/controller';

export function createAppWorkers(store: AppStore) {
  const cores = Math.max(1, navigator.hardwareConcurrency || 2);
  // A warm lane keeps its worker between calls; the ODE's step limit (10⁶ steps) takes ~10 s
  // of CPU, so its watchdog waits far longer than any answer a live worker gives.
  const warm = (label: string) => ({ terminateOnAbort: false, label, watchdogMs: ODE_WATCHDOG_MS });
  const lanes = {
    ode: new WorkerLane<OdeWorkerApi>(createOdeWorker, warm('the ODE worker')),
    overlay: new WorkerLane<OdeWorkerApi>(createOdeWorker, warm('the overlay ODE worker')),
    aligned: new WorkerLane<OdeWorkerApi>(createOdeWorker, warm('the aligned ODE worker')),
    overlaySgd: new WorkerLane<SgdWorkerApi>(createSgdWorker, {
      label: 'the overlay SGD worker',
      watchdogMs: LONG_WATCHDOG_MS,
    }),
    // The point cloud's O(n) run, beside the dots' pool (views/cloud/job.ts); it streams
    // snapshots, and each one feeds the watchdog.
    cloud: new WorkerLane<SgdWorkerApi>(createSgdWorker, {
      label: 'the cloud SGD worker',
      watchdogMs: SGD_WATCHDOG_MS,
    }),
    fixedPoints: new WorkerLane<AnalysisWorkerApi>(
      createAnalysisWorker,
      warm('the fixed-point worker'),
    ),
    rate: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, warm('the rate worker')),
    field: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, warm('the field worker')),
    // The pins' curves and dots (pins/job.ts), apart so that no other job aborts them.
    pins: new WorkerLane<OdeWorkerApi>(createOdeWorker, warm('the pins ODE worker')),
    pinsSgd: new WorkerLane<SgdWorkerApi>(createSgdWorker, {
      label: 'the pins SGD worker',
      watchdogMs: SGD_WATCHDOG_MS,
    }),
    // A diagram by continuation can take seconds: an abort ends its worker.
    bifurcation: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, {
      label: 'the continuation worker',
      watchdogMs: LONG_WATCHDOG_MS,
    }),
    // The phase diagram's fold/Hopf curves by continuation (views/diagram/curvesJob.ts).
    diagramCurves: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, {
      label: 'the diagram-curves worker',
      watchdogMs: LONG_WATCHDOG_MS,
    }),
    scanPool: lanePool<AnalysisWorkerApi>(createAnalysisWorker, Math.min(4, cores), {
      label: 'a scan worker',
      watchdogMs: LONG_WATCHDOG_MS,
    }),
  };
  const controllers = {
    // The dots' runs are dealt across every core: with the reduced chains they take seconds.
    sgd: new SgdController(store, createSgdWorker, cores),
    diagram: new DiagramController(store, createAnalysisWorker, cores),
    ensemble: new EnsembleController(store, createSgdWorker, createOdeWorker, cores),
    attraction: new AttractionController(store, createAnalysisWorker, cores),
  };
  return {
    ...lanes,
    ...controllers,
    dispose() {
      for (const c of Object.values(controllers)) c.dispose();
      for (const lane of Object.values(lanes).flat()) lane.terminate();
    },
  };
}

export type AppWorkers = ReturnType<typeof createAppWorkers>;
