/**
 * The explorer's grid of views: trajectories and portrait, the model's own views in the third
 * panel (tabs when it has more than one) and the phase diagram; or the one view maximised.
 */
import { type ReactNode, useCallback } from 'react';
import { useStore } from 'zustand';

import { activeTab, tabbedViews } from '../layout';
import { shownViews } from '../present/presentKeys';
import type { JobScheduler } from '../runs/scheduler';
import type { AppWorkers } from '../runs/workers';
import type { AppStore, JobName } from '../store';
import { brokenViews } from '../testHooks';
import type { FieldRequest } from '../views/portrait/marks';
import type { RateRequest } from '../views/rate/RateView';
import { VIEW_REGISTRY } from '../views/registry';
import type { ViewServices } from '../views/types';
import { AboutContext } from './about/AboutContext';
import { ErrorBoundary } from './ErrorBoundary';

type ViewId = keyof typeof VIEW_REGISTRY;

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

/** A view the fault tests made throw (testHooks.ts); for everyone else, the view itself. */
function Breakable({ id, children }: { id: string; children: ReactNode }) {
  if (brokenViews.has(id)) throw new Error(`injected fault in the ${id} view (test hook)`);
  return children;
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
  const show = useStore(store, (s) => s.show);
  const present = useStore(store, (s) => s.present);
  // A maximised view is part of the state (view=portrait, …), so a link can open on it.
  const maximised = view === 'explorer' || view === 'figure' ? null : view;
  const services = useViewServices(store, workers, scheduler);
  // A view of the registry, with what every view takes: the store, whether it is maximised,
  // and the toggle; null when this model does not have it.
  const render = (id: ViewId) => {
    const kind = VIEW_REGISTRY[id];
    if (!kind.available(model)) return null;
    const props = {
      store,
      maximised: maximised === id,
      onMaximise: () => store.getState().setView({ view: maximised === id ? 'explorer' : id }),
    };
    return (
      <ErrorBoundary key={id} id={id} what={`the ${kind.title.toLowerCase()} view`}>
        <AboutContext.Provider value={kind.about?.(model) ?? null}>
          <Breakable id={id}>{kind.render(props, services)}</Breakable>
        </AboutContext.Provider>
      </ErrorBoundary>
    );
  };
  const tabbed = tabbedViews(model);
  const front = activeTab(model, tab);
  if (maximised) return <div className={`views max-${maximised}`}>{render(maximised)}</div>;
  // A scene's show= (or presentation's first two views): only those, side by side.
  const shown = shownViews(model, { show, present });
  if (shown)
    return (
      <div className={`views views-shown shown-${shown.length}`}>
        {shown.map((id) => render(id as ViewId))}
      </div>
    );
  return (
    <div className="views">
      {render('trajectories')}
      {render('portrait')}
      {tabbed.length > 1 ? (
        <TabbedPanel store={store} tabbed={tabbed} front={front}>
          {render(front)}
        </TabbedPanel>
      ) : (
        tabbed.map(render)
      )}
      {render('diagram')}
    </div>
  );
}

/** What views get besides their props: the field and rate requests, and the scheduler. */
function useViewServices(
  store: AppStore,
  workers: AppWorkers,
  scheduler: JobScheduler,
): ViewServices {
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
  return { requestField, requestRate, scheduler };
}

/** The third panel: its tabs (URL key tab) over the view in front. */
function TabbedPanel(props: {
  store: AppStore;
  tabbed: readonly ViewId[];
  front: ViewId;
  children: ReactNode;
}) {
  const { store, tabbed, front } = props;
  return (
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
            {VIEW_REGISTRY[id].title}
          </button>
        ))}
      </div>
      {props.children}
    </div>
  );
}
