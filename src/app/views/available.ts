/**
 * Which models have which kind of view: pure (no React), so that the URL-key table checks a
 * link's view=… and tab=… against the model in Node, and the registry's plugins read the same
 * answer. A view a model does not have would open as an empty page.
 */
import { type Model, viewSpec } from '../../core/model';
import type { ViewMode } from '../appKeys';

export type GridView = Exclude<ViewMode, 'explorer' | 'figure'>;

export const VIEW_AVAILABLE: Record<GridView, (model: Model) => boolean> = {
  trajectories: () => true,
  portrait: () => true,
  cloud: (model) => viewSpec(model, 'cloud') !== undefined,
  rate: (model) => viewSpec(model, 'rate') !== undefined,
  fluctuation: (model) => viewSpec(model, 'fluctuation') !== undefined,
  basins: (model) => viewSpec(model, 'basins') !== undefined,
  scan: (model) => viewSpec(model, 'scan') !== undefined,
  // Axes may come from the URL (dx, dy) when the model has no default diagram.
  diagram: (model) => model.theory !== undefined,
  // With no declaration (its bifurcation spec) it continues the first numeric parameter.
  bifurcation: () => true,
  // The model's ODE and SGD rule in TeX (its equations declaration).
  equations: (model) => model.equations !== undefined,
};

/** Whether `model` has the view `id` (explorer and figure: every model). */
export function viewAvailable(model: Model, id: string): boolean {
  if (id === 'explorer' || id === 'figure') return true;
  const check = (VIEW_AVAILABLE as Record<string, ((m: Model) => boolean) | undefined>)[id];
  return check !== undefined && check(model);
}

/** The views `model` has, in table order (for messages). */
export function availableViews(model: Model): GridView[] {
  return (Object.keys(VIEW_AVAILABLE) as GridView[]).filter((id) => VIEW_AVAILABLE[id](model));
}
