/**
 * The explorer: header, slider panel and run controls, the three views and the status line.
 * Generic over the Model contract: nothing here knows which model it shows.
 *
 * Live behaviour: the ODE answers every state change in its worker (a stale answer is
 * dropped); the SGD restarts in the pool shortly after the parameters stop moving (the stale
 * run is aborted at once); the URL follows the state (replaceState), presets push a history
 * entry so that Back works.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { scansOf } from '../core/model';
import type { AnalysisWorkerApi } from '../workers/analysis.worker';
import { createAnalysisWorker, createOdeWorker, createSgdWorker } from '../workers/create';
import { isAbortError, lanePool, WorkerLane } from '../workers/lane';
import type { OdeWorkerApi } from '../workers/ode.worker';
import type { SgdWorkerApi } from '../workers/sgd.worker';
import { AttractionController } from './attractionController';
import { BasinsView } from './components/BasinsView';
import { CloudView } from './components/CloudView';
import { FigureLayout } from './components/FigureLayout';
import { FluctuationView } from './components/FluctuationView';
import { Header } from './components/Header';
import { ParamPanel } from './components/ParamPanel';
import { PhaseDiagramView } from './components/PhaseDiagramView';
import { type FieldRequest, PortraitView } from './components/PortraitView';
import { type RateRequest, RateView } from './components/RateView';
import { RunControls } from './components/RunControls';
import { ScanView } from './components/ScanView';
import { StatusLine } from './components/StatusLine';
import { TrajectoriesView } from './components/TrajectoriesView';
import { DiagramController } from './diagramController';
import { EnsembleController } from './ensembleController';
import { SgdController } from './sgdController';
import { createAppStore, diagramAxes, diagramKey, TABBED_VIEWS, type ViewMode } from './store';
import { useSecondaryRuns } from './useSecondaryRuns';

type TabbedView = (typeof TABBED_VIEWS)[number];
const TAB_TITLES: Record<TabbedView, string> = {
  cloud: 'Microscopic cloud',
  rate: 'Rate',
  fluctuation: 'Fluctuations',
  basins: 'Basins',
  scan: 'Scans',
};

import { ODE_SAMPLES, SGD_SETTLE_MS } from './timing';

export function App() {
  const store = useMemo(() => createAppStore(window.location.search), []);
  const modelQuery = useStore(store, (s) => s.modelQuery);
  const query = useStore(store, (s) => s.query);
  const runs = useStore(store, (s) => s.runs);
  const view = useStore(store, (s) => s.view);
  const diagram = useRef<DiagramController | null>(null);
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const dx = useStore(store, (s) => s.dx);
  const dy = useStore(store, (s) => s.dy);
  const dn = useStore(store, (s) => s.dn);
  // One lane per kind of work; a lane starts its worker on its first call.
  const lanes = useMemo(
    () => ({
      ode: new WorkerLane<OdeWorkerApi>(createOdeWorker, false),
      overlay: new WorkerLane<OdeWorkerApi>(createOdeWorker, false),
      aligned: new WorkerLane<OdeWorkerApi>(createOdeWorker, false),
      overlaySgd: new WorkerLane<SgdWorkerApi>(createSgdWorker, true),
      fixedPoints: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, false),
      rate: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, false),
      field: new WorkerLane<AnalysisWorkerApi>(createAnalysisWorker, false),
      scanPool: lanePool<AnalysisWorkerApi>(
        createAnalysisWorker,
        Math.min(4, navigator.hardwareConcurrency || 2),
      ),
    }),
    [],
  );
  const sgd = useRef<SgdController | null>(null);
  const ensemble = useRef<EnsembleController | null>(null);
  const attraction = useRef<AttractionController | null>(null);
  const tab = useStore(store, (s) => s.tab);
  // A maximised view is part of the state (view=portrait, …), so a link can open on it.
  const maximised = view === 'explorer' || view === 'figure' ? null : view;

  useEffect(() => {
    const pool = Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
    sgd.current = new SgdController(store, createSgdWorker, pool);
    // Phase diagrams use every core: they run while the user waits for them.
    diagram.current = new DiagramController(
      store,
      createAnalysisWorker,
      Math.max(1, navigator.hardwareConcurrency || 2),
    );
    const cores = Math.max(1, navigator.hardwareConcurrency || 2);
    ensemble.current = new EnsembleController(store, createSgdWorker, createOdeWorker, cores);
    attraction.current = new AttractionController(store, createAnalysisWorker, cores);
    return () => {
      ensemble.current?.dispose();
      attraction.current?.dispose();
      sgd.current?.dispose();
      for (const lane of Object.values(lanes).flat()) lane.terminate();
      diagram.current?.dispose();
    };
  }, [store, lanes]);

  // Fixed points of the current state, shortly after it settles.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      lanes.fixedPoints
        .call((api) => api.fixedPoints(modelQuery), controller.signal)
        .then((result) => store.getState().setFixedPoints(result))
        .catch((err: unknown) => {
          if (!isAbortError(err)) store.getState().setFixedPoints(null);
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [modelQuery, store, lanes]);

  // The phase diagram: recomputed only when something other than its own axes changes.
  const axes = diagramAxes(model, { dx, dy });
  const dKey = axes && model.theory ? diagramKey(model, params, axes.x, axes.y, dn) : null;
  useEffect(() => {
    if (!dKey || !axes) {
      diagram.current?.cancel();
      store.getState().setDiagram(null);
      return;
    }
    if (store.getState().diagram?.key === dKey) return;
    const timer = setTimeout(() => diagram.current?.start(dKey, axes.x, axes.y, dn), 300);
    return () => clearTimeout(timer);
  }, [dKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The ODE: every change of the model state.
  useEffect(() => {
    const controller = new AbortController();
    const before = store.getState().ode;
    const previous =
      before.kind === 'done' || before.kind === 'diverged'
        ? before.result
        : before.kind === 'running'
          ? before.previous
          : null;
    store.getState().setOde({ kind: 'running', previous });
    lanes.ode
      .call((api) => api.ode(modelQuery, ODE_SAMPLES), controller.signal)
      .then((result) =>
        store.getState().setOde({ kind: result.divergence ? 'diverged' : 'done', result }),
      )
      .catch((err: unknown) => {
        if (isAbortError(err)) return;
        store
          .getState()
          .setOde({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      });
    return () => controller.abort();
  }, [modelQuery, store, lanes]);

  // The scan, the overlay's ODE and SGD, the aligned ODE, the ensemble and the attraction
  // regions: computations that follow the state beside the main ODE and SGD.
  useSecondaryRuns(store, lanes, { ensemble, attraction });

  // The SGD: stop the stale run at once, restart when the state has settled.
  useEffect(() => {
    sgd.current?.stop();
    store.getState().setSgd({
      ...store.getState().sgd,
      status: 'idle',
      summary: null,
      micro: [],
      tReached: 0,
      exit: null,
    });
    const timer = setTimeout(() => sgd.current?.start(), SGD_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [modelQuery, runs, store]);

  // The URL holds the whole state.
  useEffect(() => {
    const url = `${window.location.pathname}?${query}`;
    if (`${window.location.pathname}${window.location.search}` !== url)
      window.history.replaceState(null, '', url);
  }, [query]);
  useEffect(() => {
    const onPop = () => store.getState().load(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [store]);

  const loadPreset = (state: string) => {
    store.getState().load(state);
    window.history.pushState(null, '', `${window.location.pathname}?${store.getState().query}`);
  };

  const requestField = useCallback<FieldRequest>(
    (x, y, base, xRange, yRange) =>
      lanes.field
        .call((api) => api.field(store.getState().modelQuery, x, y, base, xRange, yRange, 60, 48))
        .catch(() => null) ?? Promise.resolve(null),
    [store, lanes],
  );
  const requestRate = useCallback<RateRequest>(
    (q) => lanes.rate.call((api) => api.rate(q)).catch(() => null),
    [lanes],
  );
  // What every view takes: the store, whether it is maximised, and the toggle.
  const frame = (id: ViewMode) => ({
    store,
    maximised: maximised === id,
    onMaximise: () => store.getState().setView({ view: maximised === id ? 'explorer' : id }),
  });
  const views = {
    trajectories: <TrajectoriesView key="t" {...frame('trajectories')} />,
    portrait: <PortraitView key="p" {...frame('portrait')} requestField={requestField} />,
    cloud: <CloudView key="c" {...frame('cloud')} />,
    rate: model.views.rate ? (
      <RateView key="r" {...frame('rate')} requestRate={requestRate} />
    ) : null,
    fluctuation: model.views.fluctuation ? (
      <FluctuationView key="f" {...frame('fluctuation')} />
    ) : null,
    basins: model.views.basins ? <BasinsView key="b" {...frame('basins')} /> : null,
    scan: <ScanView key="s" {...frame('scan')} />,
    diagram: (
      <PhaseDiagramView
        key="d"
        {...frame('diagram')}
        onCancel={() => diagram.current?.cancel()}
        onRestart={() => {
          const a = diagramAxes(store.getState().model, store.getState());
          const s = store.getState();
          if (a && s.diagram) diagram.current?.start(s.diagram.key, a.x, a.y, s.dn);
        }}
      />
    ),
  };

  // The third panel: the model's own views; tabs when it has more than one.
  const has: Record<TabbedView, boolean> = {
    cloud: model.views.cloud !== undefined,
    rate: model.views.rate !== undefined,
    fluctuation: model.views.fluctuation !== undefined,
    basins: model.views.basins !== undefined,
    scan: scansOf(model).length > 0,
  };
  const tabbed = TABBED_VIEWS.filter((id) => has[id]);
  const activeTab: TabbedView = tabbed.find((id) => id === tab) ?? tabbed[0] ?? 'scan';

  return (
    <div className="app">
      <Header store={store} onPreset={loadPreset} />
      <main className="main">
        <aside className="side">
          <RunControls
            store={store}
            onPause={() => sgd.current?.pause()}
            onResume={() => sgd.current?.resume()}
            onRestart={() => sgd.current?.start()}
          />
          <ParamPanel store={store} />
        </aside>
        {view === 'figure' ? (
          <FigureLayout store={store} />
        ) : (
          <div className={`views${maximised ? ` max-${maximised}` : ''}`}>
            {maximised ? (
              views[maximised as keyof typeof views]
            ) : (
              <>
                {views.trajectories}
                {views.portrait}
                {tabbed.length > 1 ? (
                  <div className="tabbed">
                    <div className="tabs" role="tablist" aria-label="Views">
                      {tabbed.map((id) => (
                        <button
                          key={id}
                          type="button"
                          role="tab"
                          aria-selected={id === activeTab}
                          className={id === activeTab ? 'on' : ''}
                          onClick={() => store.getState().setView({ tab: id })}
                        >
                          {TAB_TITLES[id]}
                        </button>
                      ))}
                    </div>
                    {views[activeTab]}
                  </div>
                ) : (
                  tabbed.map((id) => views[id])
                )}
                {views.diagram}
              </>
            )}
          </div>
        )}
      </main>
      <StatusLine store={store} />
    </div>
  );
}
