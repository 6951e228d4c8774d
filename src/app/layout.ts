/**
 * Which views a model shows and which is in front: pure, so that the layout (App) and the jobs
 * that serve a view (the ensemble's size follows the many-runs view on show) agree.
 */
import { type Model, scansOf } from '../core/model';
import { TABBED_VIEWS, type ViewMode } from './appKeys';

export type TabbedView = (typeof TABBED_VIEWS)[number];

/** The views of the third panel this model has, in tab order. */
export function tabbedViews(model: Model): TabbedView[] {
  const has: Record<TabbedView, boolean> = {
    cloud: model.views.cloud !== undefined,
    rate: model.views.rate !== undefined,
    fluctuation: model.views.fluctuation !== undefined,
    basins: model.views.basins !== undefined,
    scan: scansOf(model).length > 0,
  };
  return TABBED_VIEWS.filter((id) => has[id]);
}

/** The tab in front: the URL's when the model has it, else the first. */
export function activeTab(model: Model, tab: string | null): TabbedView {
  const tabs = tabbedViews(model);
  return tabs.find((id) => id === tab) ?? tabs[0] ?? 'scan';
}

/** The view on show in the third panel: the maximised view if it is one of them, else the tab. */
export function shownTabbedView(model: Model, view: ViewMode, tab: string | null): TabbedView {
  const tabs: readonly string[] = tabbedViews(model);
  const maximised = tabs.find((id) => id === view);
  return maximised !== undefined ? (maximised as TabbedView) : activeTab(model, tab);
}
