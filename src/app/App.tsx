/**
 * The page: model and preset pickers, the trajectories view (ODE curves from the ODE worker)
 * and a status line. The full explorer (sliders, SGD dots, portrait, cloud) builds on this.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { isAbortError, WorkerLane } from '../workers/lane';
import type { OdeWorkerApi } from '../workers/ode.worker';
import { ParamSummary } from './components/ParamSummary';
import { StatusLine } from './components/StatusLine';
import { TrajectoriesView } from './components/TrajectoriesView';
import { createAppStore } from './store';

const ODE_SAMPLES = 601;

export function App() {
  const store = useMemo(() => createAppStore(window.location.search), []);
  const model = useStore(store, (s) => s.model);
  const query = useStore(store, (s) => s.query);
  const ode = useStore(store, (s) => s.ode);
  const lane = useRef<WorkerLane<OdeWorkerApi> | null>(null);

  // The ODE answers every state change, in its worker; a stale answer is dropped.
  useEffect(() => {
    lane.current ??= new WorkerLane<OdeWorkerApi>(
      () => new Worker(new URL('../workers/ode.worker.ts', import.meta.url), { type: 'module' }),
      false,
    );
    const controller = new AbortController();
    store.getState().setOde({ kind: 'running' });
    lane.current
      .call((api) => api.ode(query, ODE_SAMPLES), controller.signal)
      .then((result) => {
        store.getState().setOde({ kind: result.divergence ? 'diverged' : 'done', result });
      })
      .catch((err: unknown) => {
        if (isAbortError(err)) return;
        store
          .getState()
          .setOde({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      });
    return () => controller.abort();
  }, [query, store]);

  useEffect(() => () => lane.current?.terminate(), []);

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

  const loadPreset = (id: string) => {
    const preset = model.presets.find((p) => p.id === id);
    if (!preset) return;
    store.getState().load(`model=${model.id}&${preset.state}`);
    window.history.pushState(null, '', `${window.location.pathname}?${store.getState().query}`);
  };
  const currentPreset = model.presets.find((p) => matches(query, p.state));

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">macroscope</h1>
        <span className="model-title" title={model.paper}>
          {model.title}
        </span>
        <label className="picker">
          <span>Preset</span>
          <select
            aria-label="Preset"
            value={currentPreset?.id ?? ''}
            onChange={(e) => loadPreset(e.target.value)}
          >
            <option value="" disabled>
              custom
            </option>
            {model.presets.map((p) => (
              <option key={p.id} value={p.id} title={p.description}>
                {p.figure} · {p.title}
              </option>
            ))}
          </select>
        </label>
        {currentPreset && <span className="preset-description">{currentPreset.description}</span>}
      </header>
      <main className="main">
        <aside className="side">
          <ParamSummary store={store} />
        </aside>
        <section className="panel" aria-label="Trajectories">
          <TrajectoriesView ode={ode} />
        </section>
      </main>
      <StatusLine store={store} />
    </div>
  );
}

/** True when every key=value of the preset appears in the query. */
function matches(query: string, presetState: string): boolean {
  const have = new URLSearchParams(query);
  for (const [k, v] of new URLSearchParams(presetState)) {
    const mine = have.get(k);
    if (mine === v) continue;
    // eta=2 in a preset matches etaT=etaG=2 written as eta
    if (mine === null || Number(mine) !== Number(v)) return false;
  }
  return true;
}
