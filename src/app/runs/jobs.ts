/**
 * The jobs the scheduler runs: for each, the state it depends on (its inputs), its debounce
 * class (timing.ts), what it resets when the state changes, and the run itself.
 */
import { fluctuationSpec, viewSpec } from '../../core/model';
import { ensembleRuns } from '../ensembleController';
import { shownTabbedView } from '../layout';
import { runOverlaySgd } from '../overlaySgd';
import { pinsJob } from '../pins/job';
import {
  FIXED_POINTS_DEBOUNCE_MS,
  IMMEDIATE_MS,
  MANY_RUNS_DEBOUNCE_MS,
  ODE_SAMPLES,
  OVERLAY_SGD_DEBOUNCE_MS,
  SGD_SETTLE_MS,
} from '../timing';
import { attractionJob } from '../views/attraction/job';
import { bifurcationJob } from '../views/bifurcation/job';
import { cloudJob } from '../views/cloud/job';
import { diagramCurvesJob } from '../views/diagram/curvesJob';
import { diagramJob } from '../views/diagram/job';
import { scanJob } from '../views/scan/job';
import { defineJob, type Job } from './scheduler';
import type { AppWorkers } from './workers';

/** The ODE of the current state, on every change; the last curve stays until the new one lands. */
function odeJob(w: AppWorkers) {
  return defineJob({
    name: 'ode',
    debounceMs: IMMEDIATE_MS,
    inputs: (s) => s.modelQuery,
    reset(store) {
      const before = store.getState().ode;
      const previous =
        before.kind === 'done' || before.kind === 'diverged'
          ? before.result
          : before.kind === 'running'
            ? before.previous
            : null;
      store.getState().setOde({ kind: 'running', previous });
    },
    async run(modelQuery, { signal, store }) {
      try {
        // Sampled for drawing: finer where the curve turns (core/adaptiveSamples.ts).
        const result = await w.ode.call((api) => api.ode(modelQuery, ODE_SAMPLES, true), signal);
        store.getState().setOde({ kind: result.divergence ? 'diverged' : 'done', result });
      } catch (err) {
        if (!signal.aborted)
          store
            .getState()
            .setOde({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
        throw err;
      }
    },
  });
}

/** The SGD: the stale run stops at once, the new one starts when the state has settled. */
function sgdJob(w: AppWorkers) {
  return defineJob({
    name: 'sgd',
    debounceMs: SGD_SETTLE_MS,
    inputs: (s) => [s.modelQuery, s.runs],
    reset(store) {
      store.getState().setSgd({
        ...store.getState().sgd,
        status: 'idle',
        summary: null,
        tReached: 0,
        exit: null,
        divergence: null,
      });
    },
    run: (_input, { signal }) => w.sgd.run(signal),
  });
}

function fixedPointsJob(w: AppWorkers) {
  return defineJob({
    name: 'fixedPoints',
    debounceMs: FIXED_POINTS_DEBOUNCE_MS,
    inputs: (s) => s.modelQuery,
    // The curve first: a search of ~0.5 s on the GAN would otherwise share the cores with the
    // ODE the user is waiting for (the storms' settle time, e2e/storm.spec.ts).
    waitsFor: () => ['ode'],
    async run(modelQuery, { signal, store }) {
      try {
        // The search answers the lane's stop message between slices, so its warm worker is kept
        // (workers/stop.ts).
        const result = await w.fixedPoints.call((api) => api.fixedPoints(modelQuery), signal);
        if (result) store.getState().setFixedPoints(result);
      } catch (err) {
        if (!signal.aborted) store.getState().setFixedPoints(null);
        throw err;
      }
    },
  });
}

/** The overlay: the ODE for several values of one parameter. */
function overlayJob(w: AppWorkers) {
  return defineJob({
    name: 'overlay',
    debounceMs: IMMEDIATE_MS,
    inputs: (s) => (s.overlayValues ? { modelQuery: s.modelQuery, ov: s.overlayValues } : null),
    reset(store, input) {
      if (input === null) store.getState().setOverlay(null);
    },
    async run({ modelQuery, ov }, { signal, store }) {
      const results = await w.overlay.call(
        (api) => api.odeMany(modelQuery, ov.param, ov.values, ODE_SAMPLES),
        signal,
      );
      store.getState().setOverlay({ param: ov.param, values: ov.values, results });
    },
  });
}

/** SGD dots for the overlaid values, after the main runs had a head start. */
function overlaySgdJob(w: AppWorkers) {
  return defineJob({
    name: 'overlaySgd',
    debounceMs: OVERLAY_SGD_DEBOUNCE_MS,
    inputs: (s) =>
      s.overlayValues ? { modelQuery: s.modelQuery, ov: s.overlayValues, runs: s.runs } : null,
    reset: (store) => store.getState().setOverlaySgd(null),
    run(input, { signal, store }) {
      const s = store.getState();
      const key = JSON.stringify(input);
      const { param, values } = input.ov;
      return runOverlaySgd(
        w.overlaySgd,
        { model: s.model, params: s.params, param, values, runs: input.runs },
        (summaries) => store.getState().setOverlaySgd({ key, summaries }),
        signal,
      );
    },
  });
}

/** The trajectories ViewSpec's alignment: the ODE from SGD run 0's state when it left the window, from then on. */
function alignedJob(w: AppWorkers) {
  return defineJob({
    name: 'aligned',
    debounceMs: IMMEDIATE_MS,
    inputs: (s) => (viewSpec(s.model, 'trajectories')?.alignment && s.sgd.exit ? s.sgd.exit : null),
    reset: (store) => store.getState().setAlignedOde(null),
    async run(exit, { signal, store }) {
      const query = store.getState().modelQuery;
      const result = await w.aligned.call(
        (api) => api.odeFrom(query, exit.state, exit.t, ODE_SAMPLES),
        signal,
      );
      store.getState().setAlignedOde(result);
    },
  });
}

/** Many SGD runs, each kept, for the fluctuation and basins views. */
function ensembleJob(w: AppWorkers) {
  return defineJob({
    name: 'ensemble',
    debounceMs: MANY_RUNS_DEBOUNCE_MS,
    inputs: (s) => {
      const shown = shownTabbedView(s.model, s.view, s.tab, s.show);
      const runs = ensembleRuns(
        {
          fluctuation: fluctuationSpec(s.model, s.fluctuationId),
          basins: viewSpec(s.model, 'basins'),
        },
        s.manyRuns,
        shown,
      );
      return runs > 0 ? { key: `${s.modelQuery}|${runs}`, runs } : null;
    },
    reset: (store) => store.getState().setEnsemble(null),
    run: (input, context) => w.ensemble.run(input, context),
  });
}

/** Every job the app runs. */
export function appJobs(w: AppWorkers): Job<unknown>[] {
  return [
    odeJob(w),
    sgdJob(w),
    fixedPointsJob(w),
    diagramJob(w),
    scanJob(w),
    overlayJob(w),
    overlaySgdJob(w),
    alignedJob(w),
    ensembleJob(w),
    attractionJob(w),
    cloudJob(w),
    bifurcationJob(w),
    diagramCurvesJob(w),
    pinsJob(w),
  ];
}
