/** The phase diagram's controls: axis pickers, range inputs, progress with cancel, the legend. */
import { useStore } from 'zustand';

import type { PhaseSpec } from '../../../core/model';
import { plainText } from '../../../core/typeset';
import type { DiagramAxis } from '../../../workers/protocol';
import type { AppStore } from '../../store';
import { diagramWaitsForDots } from './job';
import { axisChoices, axisLabel, defaultAxisRange, diagramProgress } from './plane';

type Which = 'dx' | 'dy';
const axisName = (which: Which) => (which === 'dx' ? 'x' : 'y');

/** Picks the parameter (or derived axis) of one axis, with its default range. */
export function AxisPick({
  store,
  which,
  current,
}: {
  store: AppStore;
  which: Which;
  current: string;
}) {
  const model = useStore(store, (s) => s.model);
  return (
    <label className="axis-pick">
      {axisName(which)}
      <select
        aria-label={`Phase diagram ${axisName(which)} axis`}
        value={current}
        onChange={(e) => {
          const key = e.target.value;
          const range = defaultAxisRange(model, key);
          store.getState().setView({ [which]: { param: key, from: range[0], to: range[1] } });
        }}
      >
        {axisChoices(model).map((k) => (
          <option key={k} value={k}>
            {plainText(axisLabel(model, k))}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The from–to range of one axis, applied on blur or Enter; an empty range is ignored. */
export function RangeInputs({
  store,
  which,
  axis,
}: {
  store: AppStore;
  which: Which;
  axis: DiagramAxis;
}) {
  const setRange = (end: 'from' | 'to', text: string) => {
    const v = Number(text);
    if (!Number.isFinite(v)) return;
    const next = { ...axis, [end]: v };
    if (next.from >= next.to) return; // the field shows the old value
    store.getState().setView({ [which]: next });
  };
  const input = (end: 'from' | 'to') => (
    <input
      key={`${axis.param}-${end}-${axis[end]}`}
      type="text"
      inputMode="decimal"
      aria-label={`Phase diagram ${axisName(which)} ${end}`}
      defaultValue={String(axis[end])}
      onBlur={(e) => setRange(end, e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') setRange(end, e.currentTarget.value);
      }}
    />
  );
  return (
    <span className="range-inputs">
      {input('from')}–{input('to')}
    </span>
  );
}

/** Progress bar, Cancel / Resume / Retry, and the grid's resolution. */
export function DiagramProgress(props: { store: AppStore; onCancel(): void; onRestart(): void }) {
  const diagram = useStore(props.store, (s) => s.diagram);
  const dn = useStore(props.store, (s) => s.diagramCells);
  const waiting = useStore(props.store, diagramWaitsForDots);
  const { done, total } = diagramProgress(diagram);
  const status = diagram?.status;
  return (
    <span className="diagram-progress">
      <progress max={Math.max(1, total)} value={done} aria-label="Phase diagram progress" />
      {waiting ? (
        <span className="diagram-waiting" title="The SGD dots get every core first">
          after the dots
        </span>
      ) : status === 'running' ? (
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      ) : status === 'cancelled' || status === 'error' ? (
        <button type="button" onClick={props.onRestart}>
          {status === 'error' ? 'Retry' : 'Resume'}
        </button>
      ) : null}
      <label>
        cells
        <select
          aria-label="Phase diagram resolution"
          value={dn}
          onChange={(e) => props.store.getState().setView({ diagramCells: Number(e.target.value) })}
        >
          {[10, 20, 30, 40, 60, 80, 100].map((k) => (
            <option key={k} value={k}>
              {k}×{k}
            </option>
          ))}
        </select>
      </label>
    </span>
  );
}

export function PhaseLegend({ phases }: { phases: readonly PhaseSpec[] }) {
  return (
    <ul className="legend phase-legend" aria-label="Phases">
      {phases.map((p) => (
        <li key={p.id} title={p.meaning}>
          <span className="swatch" style={{ background: p.color }} /> {p.label}
        </li>
      ))}
    </ul>
  );
}
