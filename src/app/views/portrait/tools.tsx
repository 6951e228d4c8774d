/** The phase portrait's toolbar (field, regions, log, axis pickers) and its regions legend. */
import { useStore } from 'zustand';

import type { AttractionView } from '../../../core/model';
import { Toggle } from '../../components/Toggle';
import { formatSeries } from '../../format';
import type { AppStore } from '../../store';

export function PortraitTools(props: {
  store: AppStore;
  names: readonly string[];
  attractionView: AttractionView | undefined;
  /** Offer the vector-field toggle (a worker can compute the field). */
  canField: boolean;
}) {
  const { store, attractionView } = props;
  const vf = useStore(store, (s) => s.vectorField);
  const att = useStore(store, (s) => s.showAttraction);
  const lg = useStore(store, (s) => s.logAxes);
  const xName = useStore(store, (s) => s.x);
  const yName = useStore(store, (s) => s.y);
  // Regions and log axes belong to the attraction plane: switching them on moves there.
  const plane = attractionView ? { x: attractionView.x, y: attractionView.y } : {};
  return (
    <>
      {props.canField && (
        <Toggle
          label="field"
          title="Arrows and nullclines of the ODE on this plane, the other coordinates pinned at the time cursor"
          checked={vf}
          onChange={(on) => store.getState().setView({ vectorField: on })}
        />
      )}
      {attractionView && (
        <Toggle
          label="regions"
          title={`Attraction regions on the (${attractionView.x}, ${attractionView.y}) plane: the ODE from a grid of starts, refined near the boundaries`}
          checked={att}
          onChange={(on) =>
            store
              .getState()
              .setView(on ? { showAttraction: true, ...plane } : { showAttraction: false })
          }
        />
      )}
      {attractionView?.log && (
        <Toggle
          label="log"
          title="Logarithmic axes (linear within the smallest grid value of 0): near the origin the boundary is a power law"
          checked={lg}
          onChange={(on) =>
            store.getState().setView(on ? { logAxes: true, ...plane } : { logAxes: false })
          }
        />
      )}
      <AxisSelect store={store} axis="x" value={xName} names={props.names} />
      <AxisSelect store={store} axis="y" value={yName} names={props.names} />
    </>
  );
}

function AxisSelect(props: {
  store: AppStore;
  axis: 'x' | 'y';
  value: string;
  names: readonly string[];
}) {
  return (
    <label className="axis-pick">
      {props.axis}
      <select
        aria-label={`Portrait ${props.axis} axis`}
        value={props.value}
        onChange={(e) => props.store.getState().setView({ [props.axis]: e.target.value })}
      >
        {props.names.map((n) => (
          <option key={n} value={n}>
            {formatSeries(n)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The markers' key, and the regions' labels and progress while they are shown. */
export function PortraitNote(props: {
  regions: { labels: string[]; color: (label: string | null) => string } | null;
  progress: string;
}) {
  const { regions } = props;
  return (
    <span>
      □ start · ★ end · ⊕ cursor · ● stable ◐ saddle ○ unstable
      {regions && (
        <>
          {/* Outside the flex box, whose edges would swallow the separator's spaces. */}
          {' · '}
          <span className="basin-legend">
            <span>regions {props.progress}</span>
            {regions.labels.map((l) => (
              <span key={l}>
                <span className="swatch" style={{ background: regions.color(l) }} />
                {l}
              </span>
            ))}
          </span>
        </>
      )}
    </span>
  );
}
