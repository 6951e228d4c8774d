/**
 * The explorer's grid of views: trajectories and portrait, the model's own views in the third
 * panel (tabs when it has more than one) and the phase diagram; or the one view maximised.
 */
import { useCallback } from 'react';
import { useStore } from 'zustand';

import { activeTab, type TabbedView, tabbedViews } from '../layout';
import type { JobScheduler } from '../runs/scheduler';
import type { AppWorkers } from '../runs/workers';
import type { AppStore, JobName, ViewMode } from '../store';
import { BasinsView } from '../views/basins/BasinsView';
import { CloudView } from '../views/cloud/CloudView';
import { PhaseDiagramView } from '../views/diagram/PhaseDiagramView';
import { FluctuationView } from '../views/fluctuation/FluctuationView';
import { type FieldRequest, PortraitView } from '../views/portrait/PortraitView';
import { type RateRequest, RateView } from '../views/rate/RateView';
import { ScanView } from '../views/scan/ScanView';
import { TrajectoriesView } from '../views/trajectories/TrajectoriesView';

const TAB_TITLES: Record<TabbedView, string> = {
  cloud: 'Microscopic cloud',
  rate: 'Rate',
  fluctuation: 'Fluctuations',
  basins: 'Basins',
  scan: 'Scans',
};

/** A request a view makes itself: its failure is kept as the job's error, its result is null. */
function reported<T>(store: AppStore, name: JobName, request: Promise<T>): Promise<T | null> {
  return request.then(
    (result) => {
      store.getState().setJobError(name, null);
      return result;
    },
    (err: unknown) => {
      if (!(err instanceof Error && err.name === 'AbortError'))
        store.getState().setJobError(name, err instanceof Error ? err.message : String(err));
      return null;
    },
  );
}

export function ViewGrid({
  store,
  workers,
  scheduler,
}: {
  store: AppStore;
  workers: AppWorkers;
  scheduler: JobScheduler;
}) {
  const model = useStore(store, (s) => s.model);
  const view = useStore(store, (s) => s.view);
  const tab = useStore(store, (s) => s.tab);
  // A maximised view is part of the state (view=portrait, …), so a link can open on it.
  const maximised = view === 'explorer' || view === 'figure' ? null : view;
  const requestField = useCallback<FieldRequest>(
    (x, y, base, xRange, yRange) =>
      reported(
        store,
        'field',
        workers.field.call((api) =>
          api.field(store.getState().modelQuery, x, y, base, xRange, yRange, 60, 48),
        ),
      ),
    [store, workers],
  );
  const requestRate = useCallback<RateRequest>(
    (q) =>
      reported(
        store,
        'rate',
        workers.rate.call((api) => api.rate(q)),
      ),
    [store, workers],
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
        onCancel={() => scheduler.cancel('diagram')}
        onRestart={() => scheduler.restart('diagram')}
      />
    ),
  };
  const tabbed = tabbedViews(model);
  const front = activeTab(model, tab);
  if (maximised) return <div className={`views max-${maximised}`}>{views[maximised]}</div>;
  return (
    <div className="views">
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
                aria-selected={id === front}
                className={id === front ? 'on' : ''}
                onClick={() => store.getState().setView({ tab: id })}
              >
                {TAB_TITLES[id]}
              </button>
            ))}
          </div>
          {views[front]}
        </div>
      ) : (
        tabbed.map((id) => views[id])
      )}
      {views.diagram}
    </div>
  );
}
