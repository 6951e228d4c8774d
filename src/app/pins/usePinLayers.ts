/** The pins as the trajectories and portrait draw them: tables (cosines applied) and labels. */
import { useMemo } from 'react';
import { useStore } from 'zustand';

import type { AppStore } from '../store';
import { cosinesOf, mapDerived } from '../viewData';
import type { PinnedLayer } from '../views/trajectories/pinMarks';
import { pinLabel, pinParams } from './codec';

const NO_LAYERS: PinnedLayer[] = [];

export function usePinLayers(store: AppStore): PinnedLayer[] {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const pins = useStore(store, (s) => s.pins);
  const pinned = useStore(store, (s) => s.pinned);
  const cos = useStore(store, (s) => s.cosines);
  return useMemo(() => {
    const layers: PinnedLayer[] = [];
    for (const pin of pins) {
      const curves = pinned?.pins.find((p) => p.pin === pin);
      if (!curves?.ode) continue;
      const own = pinParams(model, pin).params;
      const derived = cos ? cosinesOf(model, own) : null;
      const ode = { names: curves.ode.names, t: curves.ode.t, y: curves.ode.y };
      const table = derived ? mapDerived(derived, own, ode) : ode;
      const s = curves.sgd;
      const sgdTable = s
        ? derived
          ? mapDerived(derived, own, { names: s.names, t: s.t, y: s.mean, std: s.std })
          : { names: s.names, t: s.t, y: s.mean, std: s.std }
        : null;
      layers.push({
        label: pinLabel(model, own, params),
        names: table.names,
        t: table.t,
        y: table.y,
        sgd: sgdTable
          ? { names: sgdTable.names, t: sgdTable.t, mean: sgdTable.y, std: sgdTable.std ?? null }
          : null,
      });
    }
    // None (the usual case) is one array: a slider move must not look like new pins to a chart.
    return layers.length > 0 ? layers : NO_LAYERS;
  }, [model, params, pins, pinned, cos]);
}
