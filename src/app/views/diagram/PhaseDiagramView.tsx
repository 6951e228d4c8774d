/**
 * The phase-diagram view: two axes (parameters or derived axes such as α = τ̃/τ), cells filled
 * coarse-to-fine by the analysis worker, the model's analytic boundaries and marked points,
 * and the current parameters as a cross. Clicking a cell moves the parameters there.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { type Model, viewSpec } from '../../../core/model';
import { num, type Params } from '../../../core/params';
import { captionOf } from '../../caption';
import { ViewFrame } from '../../components/ViewFrame';
import { download, imageExports, standaloneSvg } from '../../exportImage';
import { type AppStore, diagramAxes } from '../../store';
import { useSize } from '../../useSize';
import { drawDiagram } from './chart';

/** A diagram axis's label: a derived axis's, or the parameter's symbol. */
function axisLabel(model: Model, key: string): string {
  return (
    model.theory?.derivedAxes?.find((a) => a.key === key)?.label ??
    model.params.find((s) => s.key === key)?.symbol ??
    key
  );
}

/** A diagram axis's value at these parameters. */
function axisValue(model: Model, params: Params, key: string): number {
  return model.theory?.derivedAxes?.find((a) => a.key === key)?.read(params) ?? num(params, key);
}

export function PhaseDiagramView({
  store,
  maximised,
  onMaximise,
  onCancel,
  onRestart,
}: {
  store: AppStore;
  maximised: boolean;
  onMaximise(): void;
  onCancel(): void;
  onRestart(): void;
}) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const diagram = useStore(store, (s) => s.diagram);
  const dx = useStore(store, (s) => s.diagramX);
  const dy = useStore(store, (s) => s.diagramY);
  const dn = useStore(store, (s) => s.diagramCells);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 400, height: 300 });
  const theory = model.theory;
  const axes = useMemo(() => diagramAxes(model, { diagramX: dx, diagramY: dy }), [model, dx, dy]);
  const derived = useMemo(() => theory?.derivedAxes ?? [], [theory]);
  const axisKeys = useMemo(
    () => [
      ...model.params
        .filter((s) => s.kind === 'number' && s.key !== 'T' && s.key !== 'seed')
        .map((s) => s.key),
      ...derived.map((a) => a.key),
    ],
    [model, derived],
  );
  const labelOf = (key: string) => axisLabel(model, key);

  useEffect(() => {
    if (!svgRef.current || !axes || !theory) return;
    const d = diagram;
    const n = d?.n ?? 1;
    drawDiagram(
      svgRef.current,
      {
        n,
        xRange: [axes.x.from, axes.x.to],
        yRange: [axes.y.from, axes.y.to],
        cells: d?.cells ?? [],
        phases: theory.phases ?? [],
        boundaries:
          theory.boundaries?.(params, axes.x.param, axes.y.param, [axes.x.from, axes.x.to]) ?? [],
        marks: theory.marks?.(params, axes.x.param, axes.y.param) ?? [],
        current: [axisValue(model, params, axes.x.param), axisValue(model, params, axes.y.param)],
      },
      {
        ...size,
        margin: { top: 12, right: 14, bottom: 46, left: 56 },
        xLabel: axisLabel(model, axes.x.param),
        yLabel: axisLabel(model, axes.y.param),
      },
      (xv, yv) => {
        // Apply the plain parameter first, then the derived axis that depends on it.
        const p = { ...store.getState().params };
        const order = [
          [axes.x.param, xv],
          [axes.y.param, yv],
        ].sort(
          (a, b) =>
            Number(derived.some((d2) => d2.key === a[0])) -
            Number(derived.some((d2) => d2.key === b[0])),
        );
        for (const [key, value] of order) {
          const v = Number((value as number).toPrecision(3));
          const da = derived.find((d2) => d2.key === key);
          if (da) da.apply(p, v);
          else p[key as string] = v;
        }
        store.getState().setParams(p);
      },
    );
    // Redraw when the cells, the parameters, the axes or the size change (not on every render).
  }, [diagram, params, axes, size, theory, model, derived, store]);

  if (!theory || !axes) return null;
  const done = diagram?.cells.filter((c) => c !== null).length ?? 0;
  const total = diagram ? diagram.n * diagram.n : 0;
  const setRange = (
    which: 'dx' | 'dy',
    axis: { param: string; from: number; to: number },
    end: 'from' | 'to',
    text: string,
  ) => {
    const v = Number(text);
    if (!Number.isFinite(v)) return;
    const next = { ...axis, [end]: v };
    if (next.from >= next.to) return; // an empty range is ignored; the field shows the old value
    store.getState().setView({ [which]: next });
  };
  const rangeInputs = (which: 'dx' | 'dy', axis: { param: string; from: number; to: number }) => (
    <span className="range-inputs">
      <input
        key={`${axis.param}-from-${axis.from}`}
        type="text"
        inputMode="decimal"
        aria-label={`Phase diagram ${which === 'dx' ? 'x' : 'y'} from`}
        defaultValue={String(axis.from)}
        onBlur={(e) => setRange(which, axis, 'from', e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setRange(which, axis, 'from', e.currentTarget.value);
        }}
      />
      –
      <input
        key={`${axis.param}-to-${axis.to}`}
        type="text"
        inputMode="decimal"
        aria-label={`Phase diagram ${which === 'dx' ? 'x' : 'y'} to`}
        defaultValue={String(axis.to)}
        onBlur={(e) => setRange(which, axis, 'to', e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setRange(which, axis, 'to', e.currentTarget.value);
        }}
      />
    </span>
  );
  const status = diagram?.status;
  const progress = (
    <span className="diagram-progress">
      <progress max={Math.max(1, total)} value={done} aria-label="Phase diagram progress" />
      {status === 'running' ? (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : status === 'cancelled' || status === 'error' ? (
        <button type="button" onClick={onRestart}>
          {status === 'error' ? 'Retry' : 'Resume'}
        </button>
      ) : null}
      <label>
        cells
        <select
          aria-label="Phase diagram resolution"
          value={dn}
          onChange={(e) => store.getState().setView({ diagramCells: Number(e.target.value) })}
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
  const pickAxis = (which: 'dx' | 'dy', current: string) => (
    <label className="axis-pick">
      {which === 'dx' ? 'x' : 'y'}
      <select
        aria-label={`Phase diagram ${which === 'dx' ? 'x' : 'y'} axis`}
        value={current}
        onChange={(e) => {
          const key = e.target.value;
          const spec = model.params.find((s) => s.key === key);
          const def = viewSpec(model, 'diagram');
          const range: [number, number] =
            def && def.x === key
              ? def.xRange
              : def && def.y === key
                ? def.yRange
                : spec && spec.kind === 'number'
                  ? [spec.min, Math.min(spec.max, spec.min + 10)]
                  : [0.05, 2.5];
          store.getState().setView({ [which]: { param: key, from: range[0], to: range[1] } });
        }}
      >
        {axisKeys.map((k) => (
          <option key={k} value={k}>
            {labelOf(k)}
          </option>
        ))}
      </select>
    </label>
  );
  const exportSvg = () => {
    if (!svgRef.current) return null;
    const s = store.getState();
    return standaloneSvg(svgRef.current, {
      title: `Phase diagram in (${labelOf(axes.x.param)}, ${labelOf(axes.y.param)})`,
      caption: captionOf(s.model, s.params, s.runs),
      legend: (theory.phases ?? []).map((p) => ({ label: p.label, color: p.color, dot: true })),
    });
  };
  // Parameters the diagram holds fixed (e.g. the VAE's anneal = none), said beside the progress.
  const fixedNote = Object.entries(viewSpec(model, 'diagram')?.fixed ?? {})
    .map(([k, v]) => ` · ${model.params.find((p) => p.key === k)?.label ?? k}: ${String(v)}`)
    .join('');
  return (
    <ViewFrame
      id="diagram"
      failures={{ store, jobs: ['diagram'] }}
      title="Phase diagram"
      note={
        (total
          ? status === 'done'
            ? 'click to move there'
            : status === 'cancelled'
              ? `cancelled at ${done}/${total} cells`
              : status === 'error'
                ? `failed at ${done}/${total} cells: ${diagram?.message ?? 'a worker failed'}`
                : `${done}/${total} cells`
          : '') + fixedNote
      }
      maximised={maximised}
      onMaximise={onMaximise}
      exports={{
        ...imageExports(`macroscope-${model.id}-diagram`, exportSvg),
        csv: () => {
          if (!diagram) return;
          const rows = ['x,y,label,variation'];
          diagram.cells.forEach((c, k) => {
            const i = k % diagram.n;
            const j = Math.floor(k / diagram.n);
            const xv = diagram.x.from + ((diagram.x.to - diagram.x.from) * i) / (diagram.n - 1);
            const yv = diagram.y.from + ((diagram.y.to - diagram.y.from) * j) / (diagram.n - 1);
            rows.push(`${xv},${yv},${c?.label ?? ''},${c ? c.variation : ''}`);
          });
          download(`macroscope-${model.id}-diagram.csv`, rows.join('\n') + '\n', 'text/csv');
        },
        json: () => {
          if (diagram)
            download(
              `macroscope-${model.id}-diagram.json`,
              JSON.stringify(diagram),
              'application/json',
            );
        },
      }}
      tools={
        <>
          {pickAxis('dx', axes.x.param)}
          {pickAxis('dy', axes.y.param)}
        </>
      }
    >
      <div className="diagram-controls">
        {rangeInputs('dx', axes.x)}
        {rangeInputs('dy', axes.y)}
        {progress}
      </div>
      <ul className="legend phase-legend" aria-label="Phases">
        {(theory.phases ?? []).map((p) => (
          <li key={p.id}>
            <span className="swatch" style={{ background: p.color }} /> {p.label}
          </li>
        ))}
      </ul>
      <div className="chart-box" ref={boxRef}>
        <svg ref={svgRef} className="chart" role="img" aria-label="Phase diagram" />
      </div>
    </ViewFrame>
  );
}
