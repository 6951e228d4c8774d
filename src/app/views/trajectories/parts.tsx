/** The trajectories view's toolbar input and series legend. */
import { useState } from 'react';
import { useStore } from 'zustand';

import type { SeriesStyle } from '../../charts/style';
import { formatSeries } from '../../format';
import type { AppStore } from '../../store';

/** ODE curves for several values of one parameter: `beta=0.5,1,1.5`, applied on Enter. */
export function OverlayInput({ store }: { store: AppStore }) {
  const ov = useStore(store, (s) => s.overlayValues);
  // The text being typed; null shows the store's overlay.
  const [text, setText] = useState<string | null>(null);
  return (
    <input
      className="overlay-input"
      type="text"
      aria-label="Overlay values"
      title="ODE curves for several values of one parameter, e.g. beta=0.5,1,1.5 (empty to clear)"
      placeholder="overlay: beta=0.5,1"
      value={text ?? (ov ? `${ov.param}=${ov.values.join(',')}` : '')}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        const typed = e.currentTarget.value.trim();
        setText(null);
        if (!typed) return store.getState().setView({ overlayValues: null });
        const [param = '', list = ''] = typed.split('=');
        const values = list.split(',').map(Number).filter(Number.isFinite);
        // Validated through the same URL codec, which reports a bad name or value as a notice.
        store.getState().load(`${store.getState().query}&ov=${param.trim()}:${values.join(',')}`);
      }}
    />
  );
}

/** One button per series, showing its line style; a click shows or hides the series. */
export function SeriesLegend(props: {
  names: readonly string[];
  visible: ReadonlySet<string>;
  styleOf: (name: string) => SeriesStyle;
  onToggle: (name: string) => void;
}) {
  return (
    <ul className="legend" aria-label="Series">
      {props.names.map((name) => {
        const style = props.styleOf(name);
        const on = props.visible.has(name);
        return (
          <li key={name}>
            <button
              type="button"
              className={on ? 'on' : 'off'}
              aria-pressed={on}
              onClick={() => props.onToggle(name)}
            >
              <svg width="24" height="10" aria-hidden="true">
                <line
                  x1="1"
                  x2="23"
                  y1="5"
                  y2="5"
                  stroke={style.color}
                  strokeWidth={3}
                  strokeDasharray={style.dash}
                />
              </svg>
              {formatSeries(name)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
