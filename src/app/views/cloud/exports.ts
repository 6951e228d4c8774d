/**
 * The cloud's exports: the picture (its points as vector marks or a raster at the export's
 * scale, under the SVG's ellipses, axes and colour bar), and a CSV and JSON of its own, a row
 * per coordinate of the snapshot shown.
 */
import type { RefObject } from 'react';

import type { viewSpec } from '../../../core/model';
import type { MicroSnapshotData } from '../../../workers/protocol';
import { valueAt } from '../../charts/options';
import { cloudCsv, cloudJson } from '../../exportData';
import { download } from '../../exportImage';
import type { AppStore } from '../../store';
import { exporters, odeResultTable } from '../../viewData';
import { cloudLegend, cloudUnderlay } from './exportMarks';

function exportName(store: AppStore, view: string): string {
  return `macroscope-${store.getState().model.id}-${view}`;
}

/** The ODE's order parameters at time t (the state the ellipses come from), null without an ODE. */
function odeStateAt(s: ReturnType<AppStore['getState']>, t: number): Record<string, number> | null {
  const ode = odeResultTable(s.ode);
  if (!ode) return null;
  return Object.fromEntries(ode.names.map((name, i) => [name, valueAt(ode, i, t)]));
}

/** The cloud view's export actions for the snapshot `snap` shows. */
export function cloudExports(
  store: AppStore,
  refs: {
    svg: RefObject<SVGSVGElement | null>;
  },
  spec: NonNullable<ReturnType<typeof viewSpec<'cloud'>>>,
  snap: () => MicroSnapshotData | null | undefined,
  plotted: string[],
) {
  const exp = exporters(
    () => ({
      svg: refs.svg.current,
      state: store.getState(),
      ode: null,
      // The cloud writes its own CSV and JSON (below): a row per coordinate.
      sgd: null,
      decor: {
        title: `Microscopic state at t = ${snap()?.t ?? 0}`,
        legend: cloudLegend(Boolean(spec.color)),
        underlay: cloudUnderlay(refs.svg.current),
      },
    }),
    'cloud',
  );
  return {
    ...exp,
    csv() {
      const shown = snap();
      if (shown)
        download(`${exportName(store, 'cloud')}.csv`, cloudCsv(shown, plotted), 'text/csv');
    },
    json() {
      const shown = snap();
      if (!shown) return;
      const s = store.getState();
      const meta = { model: s.model.id, state: s.query, params: s.params };
      const json = cloudJson(meta, shown, plotted, odeStateAt(s, shown.t));
      download(`${exportName(store, 'cloud')}.json`, json, 'application/json');
    },
  };
}
