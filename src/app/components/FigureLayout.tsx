/**
 * The Figure layout: the three views side by side at paper width (3 × 340 px), with one button
 * that exports them as a single SVG (or PNG) with the parameter caption.
 */
import { useRef } from 'react';
import { useStore } from 'zustand';

import { captionOf } from '../caption';
import {
  download,
  type ExportDecor,
  sideBySide,
  standaloneSvg,
  SVG_RASTER_SCALE,
  svgToPng,
} from '../exportImage';
import type { AppStore } from '../store';
import { CloudView } from '../views/cloud/CloudView';
import { cloudLegend, cloudUnderlay } from '../views/cloud/exportMarks';
import { PortraitView } from '../views/portrait/PortraitView';
import { TrajectoriesView } from '../views/trajectories/TrajectoriesView';

/** The legend of a panel as shown on screen (the visible series, then the dot/ellipse keys). */
function legendOf(root: HTMLElement, id: string): ExportDecor['legend'] {
  if (id === 'trajectories') {
    const items: ExportDecor['legend'] = Array.from(
      root.querySelectorAll<HTMLButtonElement>('[data-view="trajectories"] .legend button.on'),
    ).map((b) => {
      const line = b.querySelector('line');
      return {
        label: b.textContent ?? '',
        color: line?.getAttribute('stroke') ?? '#333',
        dash: line?.getAttribute('stroke-dasharray') ?? '',
      };
    });
    return [...items, { label: 'SGD', color: '#555', dot: true }];
  }
  if (id === 'portrait') {
    const color =
      root.querySelector('[data-view="portrait"] path.curve')?.getAttribute('stroke') ?? '#333';
    return [
      { label: 'ODE', color },
      { label: 'SGD', color, dot: true },
    ];
  }
  // The same legend as the cloud's own export: coloured points are keyed by the colour bar.
  return cloudLegend(root.querySelector('[data-view="cloud"] g.color-bar') !== null);
}

export function FigureLayout({ store }: { store: AppStore }) {
  const ref = useRef<HTMLDivElement>(null);
  const model = useStore(store, (s) => s.model);
  /** The figure as one SVG, rasterising the cloud (when dense) at `scale` pixels per unit. */
  const collect = (scale: number) => {
    const root = ref.current;
    if (!root) return null;
    const s = store.getState();
    const caption = captionOf(s.model, s.params, s.runs, s.sgd);
    const panels = ['trajectories', 'portrait', 'cloud'].map((id) => {
      const svg = root.querySelector<SVGSVGElement>(`[data-view="${id}"] svg.chart`);
      const title =
        {
          trajectories: '(a) order parameters',
          portrait: '(b) phase portrait',
          cloud: '(c) microscopic state',
        }[id] ?? id;
      return svg
        ? standaloneSvg(
            svg,
            {
              title,
              caption: '',
              legend: legendOf(root, id),
              underlay: id === 'cloud' ? cloudUnderlay(svg) : null,
            },
            scale,
          )
        : null;
    });
    return sideBySide(
      panels.filter((p): p is string => p !== null),
      caption,
    );
  };
  const noop = () => undefined;
  return (
    <div className="figure-layout">
      <div className="figure-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            const svg = collect(SVG_RASTER_SCALE);
            if (svg) download(`macroscope-${model.id}-figure.svg`, svg, 'image/svg+xml');
          }}
        >
          ⤓ Export figure (SVG)
        </button>
        <button
          type="button"
          onClick={() => {
            const svg = collect(2);
            if (svg)
              void svgToPng(svg, 2).then((b) =>
                download(`macroscope-${model.id}-figure@2x.png`, b),
              );
          }}
        >
          ⤓ PNG 2×
        </button>
        <button type="button" onClick={() => store.getState().setView({ view: 'explorer' })}>
          Back to the explorer
        </button>
      </div>
      <div className="figure-row" ref={ref}>
        <TrajectoriesView store={store} maximised={false} onMaximise={noop} />
        <PortraitView store={store} maximised={false} onMaximise={noop} />
        <CloudView store={store} maximised={false} onMaximise={noop} />
      </div>
    </div>
  );
}
