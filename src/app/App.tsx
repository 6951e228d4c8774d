/**
 * The explorer: header, slider panel and run controls, the views and the status line.
 * Generic over the Model contract: nothing here knows which model it shows.
 *
 * The computations follow the state through one job scheduler (runs/scheduler.ts, outside
 * React): the ODE answers every change, the SGD restarts shortly after the parameters stop
 * moving (the stale run is aborted at once). The URL follows the state (replaceState); presets
 * push a history entry so that Back works.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';

import { FigureLayout } from './components/FigureLayout';
import { Header } from './components/Header';
import { ParamPanel } from './components/ParamPanel';
import { RunControls } from './components/RunControls';
import { StatusLine } from './components/StatusLine';
import { useAppUrl } from './components/useAppUrl';
import { ViewGrid } from './components/ViewGrid';
import { PlayDriver } from './play/driver';
import { PlayControls } from './play/PlayControls';
import { appJobs } from './runs/jobs';
import { JobScheduler } from './runs/scheduler';
import { createAppWorkers } from './runs/workers';
import { Shortcuts } from './shortcuts/Shortcuts';
import { createAppStore } from './store';

export function App() {
  const store = useMemo(() => createAppStore(window.location.search), []);
  const view = useStore(store, (s) => s.view);
  const workers = useMemo(() => createAppWorkers(store), [store]);
  const scheduler = useMemo(() => new JobScheduler(store, appJobs(workers)), [store, workers]);
  // Both survive a stop (React's StrictMode runs this effect twice): lanes restart their
  // workers on the next call, and start() runs every job again.
  useEffect(() => {
    scheduler.start();
    return () => {
      scheduler.stop();
      workers.dispose();
    };
  }, [scheduler, workers]);
  // Play's animation frame loop follows the store, outside React.
  useEffect(() => {
    const driver = new PlayDriver(store);
    driver.start();
    return () => driver.stop();
  }, [store]);
  const loadPreset = useAppUrl(store);

  return (
    <div className="app">
      <Header store={store} onPreset={loadPreset} />
      <main className="main">
        <aside className="side">
          <RunControls
            store={store}
            onPause={() => workers.sgd.pause()}
            onResume={() => workers.sgd.resume()}
            onRestart={() => scheduler.restart('sgd')}
          />
          <PlayControls store={store} />
          <ParamPanel store={store} />
        </aside>
        {view === 'figure' ? (
          <FigureLayout store={store} />
        ) : (
          <ViewGrid store={store} workers={workers} scheduler={scheduler} />
        )}
      </main>
      <StatusLine store={store} />
      <Shortcuts store={store} />
    </div>
  );
}
