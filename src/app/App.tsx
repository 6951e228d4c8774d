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
import './responsive.css';

import { type CSSProperties, useEffect, useMemo, useReducer, useState } from 'react';
import { useStore } from 'zustand';

import { profileVariables, projectorProfile, SCREEN_PROFILE } from './charts/profile';
import { FigureLayout } from './components/FigureLayout';
import { Header } from './components/Header';
import { ParamPanel } from './components/ParamPanel';
import { RunControls } from './components/RunControls';
import { StatusLine } from './components/StatusLine';
import { useAppUrl } from './components/useAppUrl';
import { ViewGrid } from './components/ViewGrid';
import { hiddenControls } from './embed/controls';
import { EmbedLink } from './embed/EmbedLink';
import { PlayDriver } from './play/driver';
import { PlayControls } from './play/PlayControls';
import { PresentStrip } from './present/PresentStrip';
import { appJobs } from './runs/jobs';
import { JobScheduler } from './runs/scheduler';
import { createAppWorkers } from './runs/workers';
import { Shortcuts } from './shortcuts/Shortcuts';
import { createAppStore } from './store';
import { StoryBar } from './story/StoryBar';
import { installTestHooks } from './testHooks';

export function App() {
  const store = useMemo(() => createAppStore(window.location.search), []);
  const view = useStore(store, (s) => s.view);
  const embed = useStore(store, (s) => s.embed);
  const hideList = useStore(store, (s) => s.hide);
  // embed=1 and hide=… (embed/controls.ts): hidden chrome is not rendered at all; the smaller
  // controls inside the views are hidden by a class on .app.
  const hidden = useMemo(() => hiddenControls({ embed, hide: hideList }), [embed, hideList]);
  const appClass = ['app', embed ? 'embed' : '', ...[...hidden].map((h) => `hide-${h}`)];
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
  const [, rerender] = useReducer((k: number) => k + 1, 0);
  useEffect(() => installTestHooks(workers, rerender), [workers]);
  // Play's animation frame loop follows the store, outside React.
  useEffect(() => {
    const driver = new PlayDriver(store);
    driver.start();
    return () => driver.stop();
  }, [store]);
  const loadPreset = useAppUrl(store);
  // On a phone the panel folds away behind a button (responsive.css); elsewhere it is always open.
  const [panelOpen, setPanelOpen] = useState(false);
  // The chart profile: presentation's projector type, sized to the window it opens in.
  const profile = present ? projectorProfile(window.innerHeight) : SCREEN_PROFILE;
  const chrome = (part: Parameters<typeof hidden.has>[0]) => !present && !hidden.has(part);
  appClass[0] = present ? 'app presenting' : 'app';

  return (
    <div
      className={appClass.filter(Boolean).join(' ')}
      style={profileVariables(profile) as CSSProperties}
      data-profile={profile.name}
    >
      {chrome('header') && <Header store={store} onPreset={loadPreset} />}
      <main className="main">
        {chrome('panel') && (
          <aside className={`side${panelOpen ? '' : ' folded'}`}>
            <button
              type="button"
              className="panel-toggle"
              aria-expanded={panelOpen}
              onClick={() => setPanelOpen(!panelOpen)}
            >
              {panelOpen ? 'Hide parameters ▴' : 'Parameters and run ▾'}
            </button>
            {!hidden.has('runcontrols') && (
              <RunControls
                store={store}
                onPause={() => workers.sgd.pause()}
                onResume={() => workers.sgd.resume()}
                onRestart={() => scheduler.restart('sgd')}
              />
            )}
            {!hidden.has('runcontrols') && <PlayControls store={store} />}
            {!hidden.has('params') && <ParamPanel store={store} />}
          </aside>
        )}
        {view === 'figure' && !present ? (
          <FigureLayout store={store} />
        ) : (
          <ViewGrid store={store} workers={workers} scheduler={scheduler} />
        )}
      </main>
      <StoryBar store={store}>{present && <PresentStrip store={store} />}</StoryBar>
      {chrome('status') && <StatusLine store={store} />}
      {embed && <EmbedLink store={store} />}
      <Shortcuts store={store} />
    </div>
  );
}
