/**
 * Trajectories: every order parameter against t, ODE curves and SGD dots (mean ± std over runs),
 * a legend that toggles series, hover values, the shared time cursor and a cosines mode.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';

import { type Model, viewSpec } from '../../../core/model';
import { extentOf, normalizeTrajectoryOptions } from '../../charts/options';
import { seriesStyle } from '../../charts/style';
import { Toggle } from '../../components/Toggle';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import { formatSeries } from '../../format';
import type { SgdSummary } from '../../sgdData';
import { useSize } from '../../useSize';
import { cosinesOf, exporters, odeTable, sgdTable } from '../../viewData';
import { drawTrajectories } from './chart';

export function TrajectoriesView({ store, maximised, onMaximise }: ViewProps) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const odeStatus = useStore(store, (s) => s.ode);
  const sgdState = useStore(store, (s) => s.sgd);
  const cos = useStore(store, (s) => s.cosines);
  const tc = useStore(store, (s) => s.timeCursor);
  const overlay = useStore(store, (s) => s.overlay);
  const overlaySgd = useStore(store, (s) => s.overlaySgd);
  const alignedOde = useStore(store, (s) => s.alignedOde);
  const ov = useStore(store, (s) => s.overlayValues);
  const [ovText, setOvText] = useState<string | null>(null);
  // Separate memos: an SGD chunk must not make the ODE table (and what depends on it) new.
  const ode = useMemo(
    () => odeTable({ model, params, ode: odeStatus, cosines: cos }),
    [model, params, odeStatus, cos],
  );
  const sgd = useMemo(
    () => sgdTable({ model, params, sgd: sgdState, cosines: cos }),
    [model, params, sgdState, cos],
  );
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef);
  // Shown = primary series unless hidden, plus secondary series the user switched on.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const names = useMemo(() => ode?.names ?? sgd?.names ?? [], [ode, sgd]);
  const visible = useMemo(
    () => new Set(names.filter((n) => seriesStyle(n).primary !== toggled.has(n))),
    [names, toggled],
  );
  const derived = cosinesOf(model, params);
  const canCos = derived !== null;
  const stateNames = useMemo(() => model.stateNames(params), [model, params]);

  const trajectoryNote = viewSpec(model, 'trajectories')?.note?.(params) ?? null;

  useEffect(() => {
    if (!svgRef.current || !ode) return;
    const base = { names: ode.names, t: ode.t, y: ode.y };
    const o = normalizeTrajectoryOptions(base, {
      ...size,
      visible,
      yLabel: cos && canCos ? 'cosine similarity' : 'order parameters',
    });
    if (sgd) {
      const shown = sgd.names.map((n, i) => (visible.has(n) ? i : -1)).filter((i) => i >= 0);
      const m = sgd.names.length;
      const cols = shown.map((i) =>
        Array.from({ length: sgd.t.length }, (_, j) => sgd.y[j * m + i]!),
      );
      const [lo, hi] = extentOf(cols, 0);
      o.yDomain = [Math.min(o.yDomain[0], lo), Math.max(o.yDomain[1], hi)];
    }
    // The overlaid curves of the overlay series must fit too (m₂ = 0.9 falls to 0).
    const spec = viewSpec(model, 'trajectories');
    const overlaySeries = spec?.overlaySeries ?? [...visible][0] ?? '';
    if (overlay && visible.has(overlaySeries)) {
      const cols = overlay.results.map((r) => {
        const i = r.names.indexOf(overlaySeries);
        const m = r.names.length;
        return i < 0 ? [] : Array.from({ length: r.t.length }, (_, j) => r.y[j * m + i]!);
      });
      const [lo, hi] = extentOf(cols, 0);
      o.yDomain = [Math.min(o.yDomain[0], lo), Math.max(o.yDomain[1], hi)];
    }
    drawTrajectories(svgRef.current, base, o, {
      sgd: sgd ? { names: sgd.names, t: sgd.t, mean: sgd.y, std: sgd.std ?? null } : null,
      cursor: tc,
      stateNames,
      aligned:
        alignedOde && spec?.alignment ? { ...alignedOde, label: spec.alignment.label } : null,
      overlaySeries,
      overlay: (overlay?.results ?? []).map((r, k) => ({
        label: `${axisSymbol(model, overlay!.param)} = ${overlay!.values[k]}`,
        names: r.names,
        t: r.t,
        y: r.y,
        sgd: sgdOverlayOf(overlaySgd?.summaries[k]),
      })),
      onPick: (t) => store.getState().setView({ timeCursor: Number(t.toPrecision(4)) }),
    });
  }, [
    ode,
    sgd,
    size,
    visible,
    tc,
    cos,
    canCos,
    store,
    overlay,
    overlaySgd,
    model,
    stateNames,
    alignedOde,
  ]);

  const exp = exporters(
    () => ({
      svg: svgRef.current,
      state: store.getState(),
      ode,
      sgd,
      decor: {
        title: 'Order parameters against t',
        legend: [
          ...names
            .filter((n) => visible.has(n))
            .map((n) => ({
              label: formatSeries(n),
              color: seriesStyle(n, stateNames).color,
              dash: seriesStyle(n, stateNames).dash,
            })),
          ...(sgd ? [{ label: 'SGD', color: '#555', dot: true }] : []),
        ],
      },
    }),
    'trajectories',
  );

  return (
    <ViewFrame
      id="trajectories"
      failures={{ store, jobs: ['ode', 'sgd', 'overlay', 'overlaySgd', 'aligned'] }}
      title="Trajectories"
      note={
        <span>
          lines: ODE · dots: SGD{sgdState.runs > 1 ? ` (mean ± std, ${sgdState.runs} runs)` : ''}
          {trajectoryNote ? ` · ${trajectoryNote}` : ''}
        </span>
      }
      maximised={maximised}
      onMaximise={onMaximise}
      exports={exp}
      tools={
        <>
          <input
            className="overlay-input"
            type="text"
            aria-label="Overlay values"
            title="ODE curves for several values of one parameter, e.g. beta=0.5,1,1.5 (empty to clear)"
            placeholder="overlay: beta=0.5,1"
            value={ovText ?? (ov ? `${ov.param}=${ov.values.join(',')}` : '')}
            onChange={(e) => setOvText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              const text = e.currentTarget.value.trim();
              setOvText(null);
              if (!text) return store.getState().setView({ overlayValues: null });
              const [param = '', list = ''] = text.split('=');
              const values = list.split(',').map(Number).filter(Number.isFinite);
              // Validated through the same URL codec, which reports a bad name or value as a notice.
              store
                .getState()
                .load(`${store.getState().query}&ov=${param.trim()}:${values.join(',')}`);
            }}
          />
          {canCos ? (
            <Toggle
              label={derived?.label ?? 'cosines'}
              title={derived?.description ?? derived?.label}
              checked={cos}
              onChange={(on) => store.getState().setView({ cosines: on })}
            />
          ) : null}
        </>
      }
    >
      <ul className="legend" aria-label="Series">
        {names.map((name) => {
          const style = seriesStyle(name, stateNames);
          const on = visible.has(name);
          return (
            <li key={name}>
              <button
                type="button"
                className={on ? 'on' : 'off'}
                aria-pressed={on}
                onClick={() =>
                  setToggled((prev) => {
                    const next = new Set(prev);
                    if (next.has(name)) next.delete(name);
                    else next.add(name);
                    return next;
                  })
                }
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
      <div className="chart-box" ref={boxRef}>
        {!ode && odeStatus.kind === 'error' && (
          <p className="placeholder error">The ODE could not run: {odeStatus.message}</p>
        )}
        <svg ref={svgRef} className="chart" role="img" aria-label="Order parameters against t" />
      </div>
    </ViewFrame>
  );
}

function sgdOverlayOf(s: SgdSummary | null | undefined) {
  return s ? { names: s.names, t: s.t, mean: s.mean, std: s.std } : null;
}

/** A parameter's symbol, or a derived axis's label without its qualifier ('m₂ of feature 1' → 'm₂'). */
function axisSymbol(model: Model, key: string): string {
  return (
    model.params.find((sp) => sp.key === key)?.symbol ??
    model.theory?.derivedAxes?.find((a) => a.key === key)?.label.split(' ')[0] ??
    key
  );
}
