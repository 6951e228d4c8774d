/**
 * A kind of view as a plugin: its folder (views/<kind>/) holds the component, the chart and,
 * where it has one, its controller or job; its index.tsx exports one ViewKind, and registry.tsx
 * lists them. The grid of views (components/ViewGrid.tsx) only loops over the registry.
 */
import type { ReactNode } from 'react';

import type { Model } from '../../core/model';
import type { AboutText } from '../components/about/AboutContext';
import type { ViewProps } from '../components/ViewFrame';
import type { JobScheduler } from '../runs/scheduler';
import type { FieldRequest } from './portrait/marks';
import type { RateRequest } from './rate/RateView';

/** What the app offers the views besides the store: worker requests and the scheduler. */
export interface ViewServices {
  requestField: FieldRequest;
  requestRate: RateRequest;
  scheduler: JobScheduler;
}

export interface ViewKind {
  /** Title of its tab when it shares the third panel. */
  title: string;
  /**
   * Where it sits: a panel of its own in the explorer's grid ('trajectories', 'portrait',
   * 'diagram'), or a tab of the third panel.
   */
  placement: 'panel' | 'tab';
  /** Whether this model has the view. */
  available(model: Model): boolean;
  render(props: ViewProps, services: ViewServices): ReactNode;
  /** What its ⓘ says for this model: what is drawn, what the names, marks and lines mean. */
  about?(model: Model): AboutText;
}
