/**
 * The explorer: header, slider panel and run controls, the views and the status line.
 * Generic over the Model contract: nothing here knows which model it shows.
 *
 * The computations follow the state through one job scheduler (runs/scheduler.ts, outside
 * React): the ODE answers every change, the SGD restarts shortly after the parameters stop
 * moving (the stale run is aborted at once). The URL follows the state (replaceState); presets
 * push a history entry so that Back works.
 */
import './present/present.css';

import { type CSSProperties, useEffect, useMemo } from 'react';
import { useStore } from 'zustand';

import { profileVariables, projectorProfile, SCREEN_PROFILE } from './charts/profile';
import { FigureLayout } from './components/FigureLayout';
import { Header } from './components/Header';
import { ParamPanel } from './components/ParamPanel';
import { RunControls } from './components/RunControls';
import { StatusLine } from './components/StatusLine';
import { useAppUrl } from './components/useAppUrl';
import { ViewGrid } from './components/ViewGrid';
import { PresentStrip } from './present/PresentStrip';
import { appJobs } from './runs/jobs';
import { JobScheduler } from './runs/scheduler';
import { createAppWorkers } from './runs/workers';
import { Shortcuts } from './shortcuts/Shortcuts';
import { createAppStore } from './store';
import { StoryBar } from './story/StoryBar';

export function App() {
  const store = useMemo(() => createAppStore(window.location.search), []);
  const view = useStore(store, (s) => s.view);
  const present = useStore(store, (s) => s.present);
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
  const loadPreset = useAppUrl(store);
  // The chart profile: presentation's projector type, sized to the window it opens in.
  const profile = present ? projectorProfile(window.innerHeight) : SCREEN_PROFILE;

  return (
    <div
      className={present ? 'app presenting' : 'app'}
      style={profileVariables(profile) as CSSProperties}
      data-profile={profile.name}
    >
      {!present && <Header store={store} onPreset={loadPreset} />}
      <main className="main">
        {!present && (
          <aside className="side">
            <RunControls
              store={store}
              onPause={() => workers.sgd.pause()}
              onResume={() => workers.sgd.resume()}
              onRestart={() => scheduler.restart('sgd')}
            />
            <ParamPanel store={store} />
          </aside>
        )}
        {view === 'figure' && !present ? (
          <FigureLayout store={store} />
        ) : (
          <ViewGrid store={store} workers={workers} scheduler={scheduler} />
        )}
      </main>
      <StoryBar store={store}>{present && <PresentStrip store={store} />}</StoryBar>
      {!present && <StatusLine store={store} />}
      <Shortcuts store={store} />
    </div>
  );
}
