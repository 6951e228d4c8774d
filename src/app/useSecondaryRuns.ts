/**
 * The computations that follow the state beside the main ODE and SGD, each in its own worker
 * lane or pool, each aborted when the state it was made for changes:
 * - the model's 1-parameter scan (the VAE's Figs. 2–3), split over the analysis pool;
 * - the overlay: the ODE for several values of one parameter, then their SGD dots;
 * - the aligned ODE (Model.views.alignment) from SGD run 0's exit state;
 * - the ensemble of many runs (fluctuation and basins views);
 * - the attraction regions on the portrait plane, when switched on.
 */
import { type RefObject, useEffect } from 'react';
import { useStore } from 'zustand';

import { scansOf, scanValues } from '../core/model';
import type { AnalysisWorkerApi } from '../workers/analysis.worker';
import type { WorkerLane } from '../workers/lane';
import type { OdeWorkerApi } from '../workers/ode.worker';
import type { SgdWorkerApi } from '../workers/sgd.worker';
import type { AttractionController } from './attractionController';
import { type EnsembleController, ensembleRuns } from './ensembleController';
import { runOverlaySgd } from './overlaySgd';
import { runScanPool } from './scanPool';
import type { AppStore } from './store';
import { ODE_SAMPLES, SGD_SETTLE_MS } from './timing';

export interface SecondaryLanes {
  overlay: WorkerLane<OdeWorkerApi>;
  aligned: WorkerLane<OdeWorkerApi>;
  overlaySgd: WorkerLane<SgdWorkerApi>;
  scanPool: WorkerLane<AnalysisWorkerApi>[];
}

export function useSecondaryRuns(
  store: AppStore,
  lanes: SecondaryLanes,
  controllers: {
    ensemble: RefObject<EnsembleController | null>;
    attraction: RefObject<AttractionController | null>;
  },
): void {
  const { ensemble, attraction } = controllers;
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const modelQuery = useStore(store, (s) => s.modelQuery);
  const runs = useStore(store, (s) => s.runs);
  const ov = useStore(store, (s) => s.ov);
  const nr = useStore(store, (s) => s.nr);
  const att = useStore(store, (s) => s.att);
  const lg = useStore(store, (s) => s.lg);

  // The model's 1-parameter scan (the VAE's Fig. 2 or 3), recomputed when anything but its own
  // parameter changes, split over a pool of analysis workers.
  const sc = useStore(store, (s) => s.sc);
  const scans = scansOf(model);
  const scanIndex = Math.max(
    0,
    scans.findIndex((s, k) => (s.id ?? String(k)) === sc),
  );
  const scanSpec = scans[scanIndex];
  const scanKey = scanSpec
    ? JSON.stringify([
        model.id,
        scanIndex,
        Object.entries(params).filter(([k]) => ![scanSpec.x, 'T', 'n', 'seed'].includes(k)),
      ])
    : '';
  useEffect(() => {
    store.getState().setScan(null);
    if (!scanSpec) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      runScanPool(
        lanes.scanPool,
        store.getState().modelQuery,
        scanSpec.id ?? String(scanIndex),
        scanValues(scanSpec),
        controller.signal,
      )
        .then((r) => store.getState().setScan(r))
        .catch(() => undefined);
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [scanKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The overlay: the ODE for several values of one parameter, in its own worker.
  const ovKey = ov ? `${ov.param}:${ov.values.join(',')}` : '';
  useEffect(() => {
    if (!ov) {
      store.getState().setOverlay(null);
      return;
    }
    const controller = new AbortController();
    lanes.overlay
      .call((api) => api.odeMany(modelQuery, ov.param, ov.values, ODE_SAMPLES), controller.signal)
      .then((results) =>
        store.getState().setOverlay({ param: ov.param, values: ov.values, results }),
      )
      .catch(() => undefined);
    return () => controller.abort();
  }, [modelQuery, ovKey, store]); // eslint-disable-line react-hooks/exhaustive-deps

  // SGD dots for the overlaid values, in their own worker, after the main runs had a head start.
  useEffect(() => {
    store.getState().setOverlaySgd(null);
    if (!ov) return;
    const controller = new AbortController();
    const key = `${modelQuery}|${ovKey}|${runs}`;
    const timer = setTimeout(() => {
      const s = store.getState();
      runOverlaySgd(
        lanes.overlaySgd,
        { model: s.model, params: s.params, param: ov.param, values: ov.values, runs },
        (summaries) => store.getState().setOverlaySgd({ key, summaries }),
        controller.signal,
      ).catch(() => store.getState().setOverlaySgd(null));
    }, 4 * SGD_SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [modelQuery, ovKey, runs, store]); // eslint-disable-line react-hooks/exhaustive-deps

  // Model.views.alignment: the ODE from SGD run 0's state when it left the window, from then on.
  const exit = useStore(store, (s) => s.sgd.exit ?? null);
  const hasAlignment = model.views.alignment !== undefined;
  useEffect(() => {
    store.getState().setAlignedOde(null);
    if (!exit || !hasAlignment) return;
    const controller = new AbortController();
    lanes.aligned
      .call(
        (api) => api.odeFrom(store.getState().modelQuery, exit.state, exit.t, ODE_SAMPLES),
        controller.signal,
      )
      .then((r) => store.getState().setAlignedOde(r))
      .catch(() => undefined);
    return () => controller.abort();
  }, [exit, hasAlignment, store, lanes]);

  // The ensemble of many SGD runs, for the fluctuation and basins views.
  const ensembleSize = ensembleRuns(model.views, nr);
  useEffect(() => {
    ensemble.current?.stop();
    store.getState().setEnsemble(null);
    if (ensembleSize === 0) return;
    const key = `${modelQuery}|${ensembleSize}`;
    const timer = setTimeout(() => ensemble.current?.start(key, ensembleSize), 2 * SGD_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [modelQuery, ensembleSize, store, ensemble]);

  // Attraction regions on the portrait plane, when switched on.
  const hasAttraction = model.views.attraction !== undefined;
  useEffect(() => {
    attraction.current?.stop();
    store.getState().setAttraction(null);
    if (!hasAttraction || !att) return;
    const timer = setTimeout(
      () => attraction.current?.start(`${modelQuery}|${lg}`, lg),
      2 * SGD_SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [modelQuery, hasAttraction, att, lg, store, attraction]);
}
