/**
 * The fluctuation view's exports: both charts side by side as SVG/PNG with the stats in the
 * caption, and the runs with the law per sample time as CSV and JSON.
 */
import type { ViewSpecOf } from '../../../core/model';
import { captionOf } from '../../caption';
import type { ExportActions } from '../../components/ViewFrame';
import { download, imageExports, sideBySide, standaloneSvg } from '../../exportImage';
import type { AppStore } from '../../store';
import { type FluctuationData, formatStat } from './data';

export interface FluctuationExportInputs {
  store: AppStore;
  spec: ViewSpecOf<'fluctuation'>;
  data: FluctuationData | null;
  paths: SVGSVGElement | null;
  histogram: SVGSVGElement | null;
  stats: string;
  total: number;
}

export function fluctuationExports(get: () => FluctuationExportInputs): ExportActions {
  const name = () => `macroscope-${get().store.getState().model.id}-fluctuation`;
  const svgText = () => {
    const { store, spec, data, paths, histogram, stats, total } = get();
    if (!paths || !histogram) return null;
    const s = store.getState();
    const decor = { caption: '', legend: [] };
    const left = standaloneSvg(paths, {
      ...decor,
      title: `${spec.label} of ${total} SGD runs against t; band: ${spec.lawNote}`,
    });
    const right = standaloneSvg(histogram, {
      ...decor,
      title: `Histogram at t = ${formatStat(data?.tAt ?? 0)}`,
    });
    return sideBySide([left, right], `${captionOf(s.model, s.params, total)} · ${stats}`);
  };
  return {
    ...imageExports(name(), svgText),
    csv: () => {
      const { data } = get();
      if (!data) return;
      const rows = [`t,law_mean,law_sd,${data.runs.map((_, r) => `run${r}`).join(',')}`];
      data.t.forEach((t, j) => {
        const l = data.law[j];
        rows.push(`${t},${l?.mean ?? ''},${l?.sd ?? ''},${data.runs.map((r) => r[j]).join(',')}`);
      });
      download(`${name()}.csv`, rows.join('\n') + '\n', 'text/csv');
    },
    json: () => {
      const { data, spec } = get();
      if (!data) return;
      download(
        `${name()}.json`,
        JSON.stringify({
          series: spec.series,
          label: spec.label,
          law: spec.lawNote,
          t: Array.from(data.t),
          runs: data.runs.map((r) => Array.from(r)),
          lawMean: data.law.map((l) => l?.mean ?? null),
          lawSd: data.law.map((l) => l?.sd ?? null),
        }),
        'application/json',
      );
    },
  };
}
