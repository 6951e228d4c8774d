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
import { AttractionController } from '../views/attraction/controller';
import { DiagramController } from '../views/diagram/controller';

export function createAppWorkers(store: AppStore) {
  const cores = Math.max(1, navigator.hardwareConcurrency || 2);
  const lanes = {
    ode: new WorkerLane<OdeWorkerApi>(createOdeWorker, false),
    overlay: new WorkerLane<OdeWorkerApi>(createOdeWorker, false),
    aligned: new WorkerLane<OdeWorkerApi>(createOdeWorker, false),
    // The pins' curves and dots (pins/job.ts), apart so that no other job aborts them.
    pins: new WorkerLane<OdeWorkerApi>(createOdeWorker, false),
    pinsSgd: new WorkerLane<SgdWorkerApi>(createSgdWorker, true),
    overlaySgd: new WorkerLane<SgdWorkerApi>(createSgdWorker, true),
    // The point cloud's O(n) run, beside the dots' pool (views/cloud/job.ts).
    cloud: new WorkerLane<SgdWorkerApi>(createSgdWorker, true),
    fixedPoints: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, false),
    rate: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, false),
    field: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, false),
    // A diagram by continuation can take seconds: an abort ends its worker.
    bifurcation: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, true),
    scanPool: lanePool<AnalysisWorkerApi>(createAnalysisWorker, Math.min(4, cores)),
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
