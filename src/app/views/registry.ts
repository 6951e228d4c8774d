/**
 * Every kind of view, by the name the URL uses (view=…, tab=…). A new kind is one folder under
 * views/ with its index.tsx, one line here, and its name in VIEWS (and TABBED_VIEWS for a tab)
 * in appKeys.ts. The order of the tabs is TABBED_VIEWS's.
 */
import type { ViewMode } from '../appKeys';
import { basinsView } from './basins';
import { bifurcationView } from './bifurcation';
import { cloudView } from './cloud';
import { diagramView } from './diagram';
import { equationsView } from './equations';
import { fluctuationView } from './fluctuation';
import { portraitView } from './portrait';
import { rateView } from './rate';
import { scanView } from './scan';
import { trajectoriesView } from './trajectories';
import type { ViewKind } from './types';

export const VIEW_REGISTRY: Record<Exclude<ViewMode, 'explorer' | 'figure'>, ViewKind> = {
  trajectories: trajectoriesView,
  portrait: portraitView,
  cloud: cloudView,
  rate: rateView,
  fluctuation: fluctuationView,
  basins: basinsView,
  scan: scanView,
  diagram: diagramView,
  bifurcation: bifurcationView,
  equations: equationsView,
};
