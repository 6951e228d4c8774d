/**
 * Which views a model shows and which is in front: pure, so that the layout (App) and the jobs
 * that serve a view (the ensemble's size follows the many-runs view on show) agree.
 */
import type { Model } from '../core/model';
import { TABBED_VIEWS, type ViewMode } from './appKeys';
import { VIEW_REGISTRY } from './views/registry';

export type TabbedView = (typeof TABBED_VIEWS)[number];

/** The views of the third panel this model has, in tab order. */
export function tabbedViews(model: Model): TabbedView[] {
  return TABBED_VIEWS.filter((id) => VIEW_REGISTRY[id].available(model));
}

/** The tab in front: the URL's when the model has it, else the first. */
export function activeTab(model: Model, tab: string | null): TabbedView {
  const tabs = tabbedViews(model);
  return tabs.find((id) => id === tab) ?? tabs[0] ?? 'scan';
}

/**
 * The view on show in the third panel: the maximised view if it is one of them, else the first
 * of them a scene's `show=` lists, else the tab.
 */
export function shownTabbedView(
  model: Model,
  view: ViewMode,
  tab: string | null,
  show: readonly string[] | null = null,
): TabbedView {
  const tabs: readonly string[] = tabbedViews(model);
  const maximised = tabs.find((id) => id === view) ?? show?.find((id) => tabs.includes(id));
  return maximised !== undefined ? (maximised as TabbedView) : activeTab(model, tab);
}

/**
 * The views of the explorer's grid in screen order (the third panel's tabs in tab order): the
 * order the number keys 1–9 maximise them in.
 */
export function gridViews(model: Model): Exclude<ViewMode, 'explorer' | 'figure'>[] {
  const order = ['trajectories', 'portrait', ...tabbedViews(model), 'diagram'] as const;
  return order.filter((id) => VIEW_REGISTRY[id].available(model));
}
