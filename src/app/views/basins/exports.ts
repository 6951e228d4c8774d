/** The basins view's exports: the end points as SVG/PNG with the fractions in the caption, CSV and JSON. */
import type { ViewSpecOf } from '../../../core/model';
import { captionOf } from '../../caption';
import type { ExportActions } from '../../components/ViewFrame';
import { download, imageExports, standaloneSvg } from '../../exportImage';
import type { AppStore } from '../../store';
import { basinColor } from './chart';
import { type BasinsData, pct } from './data';

export function basinsExports(
  store: AppStore,
  spec: ViewSpecOf<'basins'>,
  data: BasinsData | null,
  svg: () => SVGSVGElement | null,
): ExportActions {
  const name = `macroscope-${store.getState().model.id}-basins`;
  const svgText = () => {
    const el = svg();
    if (!el || !data) return null;
    const s = store.getState();
    const color = basinColor(data.labels);
    const fractions = data.labels.map((label) => {
      const sg = data.sgd.find((c) => c.label === label);
      const e = data.expected.find((c) => c.label === label);
      return `${label}: SGD ${sg ? pct(sg.fraction) : '–'}${e ? ` (theory ${pct(e.fraction)})` : ''}`;
    });
    return standaloneSvg(el, {
      title: `End points at t = ${String(s.params['T'])} of ${data.runs} random initialisations`,
      caption: `${captionOf(s.model, s.params, data.runs)} · ${fractions.join('; ')}`,
      legend: [
        ...data.labels.map((l) => ({ label: l, color: color(l), dot: true })),
        { label: 'ODE from the same start (circles)', color: '#333' },
      ],
    });
  };
  return {
    ...imageExports(name, svgText),
    csv: () => {
      if (!data) return;
      const lines = ['kind,x,y,basin'];
      for (const p of data.points) lines.push(`${p.kind},${p.x},${p.y},${p.label ?? ''}`);
      download(`${name}.csv`, lines.join('\n') + '\n', 'text/csv');
    },
    json: () => {
      if (!data) return;
      const { sgd, ode, expected, points } = data;
      download(
        `${name}.json`,
        JSON.stringify({ x: spec.x, y: spec.y, sgd, ode, expected, points }),
        'application/json',
      );
    },
  };
}
