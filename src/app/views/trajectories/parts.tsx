/** The trajectories view's toolbar input and series legend. */
import './overlay.css';

import { useState } from 'react';
import { useStore } from 'zustand';

import type { SeriesStyle } from '../../charts/style';
import { formatSeries } from '../../format';
import type { AppStore } from '../../store';
import { overlayPlaceholder, parseOverlayField } from './overlayField';

/**
 * ODE curves for several values of one parameter, `name=v1,v2,…` by URL key or slider symbol,
 * applied on Enter; a mistake is explained under the field in its own syntax.
 */
export function OverlayInput({ store }: { store: AppStore }) {
  const ov = useStore(store, (s) => s.overlayValues);
  const model = useStore(store, (s) => s.model);
  // The text being typed; null shows the store's overlay.
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const placeholder = overlayPlaceholder(model);
  const apply = (typed: string) => {
    setError(null);
    if (!typed) return store.getState().setView({ overlayValues: null });
    const parsed = parseOverlayField(model, typed);
    if (!parsed.ok) return setError(parsed.message);
    setText(null);
    // The URL codec clamps the values to the parameter's range, with a notice.
    store.getState().load(`${store.getState().query}&ov=${parsed.key}:${parsed.values.join(',')}`);
  };
  return (
    <span className="overlay-field">
      <input
        className="overlay-input"
        type="text"
        aria-label="Overlay values"
        aria-invalid={error !== null}
        aria-describedby={error ? 'overlay-error' : undefined}
        title={`ODE curves for several values of one parameter, e.g. ${placeholder.replace('overlay: ', '')} (empty to clear)`}
        placeholder={placeholder}
        value={text ?? (ov ? `${ov.param}=${ov.values.join(',')}` : '')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(e.currentTarget.value.trim());
        }}
      />
      {error && (
        <span id="overlay-error" className="overlay-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** One button per series, showing its line style; a click shows or hides the series. */
/** What toggling a legend button does, said on hover. */
export function legendTitle(series: string, on: boolean): string {
  return on
    ? `Hide ${series}: its ODE curve and SGD dots leave the chart (the link keeps the choice)`
    : `Show ${series}: draw its ODE curve and SGD dots (the link keeps the choice)`;
}

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
              title={legendTitle(formatSeries(name), on)}
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
