/**
 * Trajectories: every order parameter against t, ODE curves and SGD dots (mean ± std over runs),
 * a legend that toggles series, hover values, the shared time cursor and a cosines mode.
 */
import { type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { type Model, viewSpec } from '../../../core/model';
import { normalizeTrajectoryOptions } from '../../charts/options';
import { type SeriesStyle, seriesStyles } from '../../charts/style';
import { Toggle } from '../../components/Toggle';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import type { SeriesTable } from '../../exportData';
import { formatSeries } from '../../format';
import { usePinLayers } from '../../pins/usePinLayers';
import { currentCursor, followCursor } from '../../play/followCursor';
import type { SgdSummary } from '../../sgdData';
import type { AppStore } from '../../store';
import { useSize } from '../../useSize';
import { sameItems, useStableList } from '../../useStableList';
import {
  cosinesOf,
  derivedParams,
  exporters,
  odeTableOf,
  sgdSummaryTable,
  shownOdeResult,
  withDerived,
} from '../../viewData';
import {
  drawTrajectories,
  moveTrajectoryCursor,
  redrawTrajectorySgd,
  type TrajectoryFrame,
} from './chart';
import { trajectoryYDomain } from './domain';
import { OverlayInput, SeriesLegend } from './parts';
import { pinsYDomain } from './pinMarks';

export function TrajectoriesView({ store, maximised, onMaximise }: ViewProps) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const cos = useStore(store, (s) => s.cosines);
  const runs = useStore(store, (s) => s.sgd.runs);
  const odeStatus = useStore(store, (s) => s.ode);
  const { ode, sgd, names } = useTables(store);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef);
  const spec = useMemo(() => viewSpec(model, 'trajectories'), [model]);
  const stateNames = useStableList(model.stateNames(params));
  // One (colour, dash) per series drawn together: the chart resolves the same set (style.ts).
  const styles = useMemo(
    () => seriesStyles(names, stateNames, spec?.seriesKinds),
    [names, stateNames, spec],
  );
  const styleOf = useCallback((n: string) => styles.get(n)!, [styles]);
  const { visible, toggle } = useVisibleSeries(store, names, styleOf);
  const derived = cosinesOf(model, params);
  const yLabel = cos && derived !== null ? 'cosine similarity' : 'order parameters';
  const pins = usePinLayers(store);
  useTrajectoryChart(store, svgRef, { ode, sgd, size, visible, yLabel, stateNames, pins });
  const trajectoryNote = spec?.note?.(params) ?? null;
  const legend = [
    ...names
      .filter((n) => visible.has(n))
      .map((n) => ({ label: formatSeries(n), color: styleOf(n).color, dash: styleOf(n).dash })),
    ...(sgd ? [{ label: 'SGD', color: '#555', dot: true }] : []),
  ];
  const exp = exporters(
    () => ({
      svg: svgRef.current,
      state: store.getState(),
      ode,
      sgd,
      decor: { title: 'Order parameters against t', legend },
    }),
    'trajectories',
  );

  return (
    <ViewFrame
      id="trajectories"
      failures={{ store, jobs: ['ode', 'sgd', 'overlay', 'overlaySgd', 'aligned'] }}
      title="Trajectories"
      foldNote
      note={
        <span>
          lines: ODE · dots: SGD{runs > 1 ? ` (mean ± std, ${runs} runs)` : ''}
          {trajectoryNote ? ` · ${trajectoryNote}` : ''}
        </span>
      }
      maximised={maximised}
      onMaximise={onMaximise}
      exports={exp}
      tools={
        <>
          <OverlayInput store={store} />
          {derived !== null ? (
            <Toggle
              label={derived.label}
              title={derived.description ?? derived.label}
              checked={cos}
              onChange={(on) => store.getState().setView({ cosines: on })}
            />
          ) : null}
        </>
      }
    >
      <SeriesLegend names={names} visible={visible} styleOf={styleOf} onToggle={toggle} />
      <div className="chart-box" ref={boxRef}>
        {!ode && odeStatus.kind === 'error' && (
          <p className="placeholder error">The ODE could not run: {odeStatus.message}</p>
        )}
        <svg ref={svgRef} className="chart" role="img" aria-label="Order parameters against t" />
      </div>
    </ViewFrame>
  );
}

/** The ODE and SGD tables to draw, and the names of their series. */
function useTables(store: AppStore) {
  const model = useStore(store, (s) => s.model);
  const odeShown = useStore(store, (s) => shownOdeResult(s.ode));
  const sgdState = useStore(store, (s) => s.sgd);
  // The parameters only matter through the derived series (null when off): a slider move
  // must not make new tables, and redraw stale curves, before its ODE arrives.
  const derived = useStore(store, derivedParams);
  // Separate memos: an SGD chunk must not make the ODE table (and what depends on it) new.
  const ode = useMemo(
    () => withDerived(model, derived, odeTableOf(odeShown)),
    [model, derived, odeShown],
  );
  const sgd = useMemo(
    () => withDerived(model, derived, sgdSummaryTable(sgdState)),
    [model, derived, sgdState],
  );
  // By value: an SGD publish or reset must not make the visible series new.
  const names = useStableList(ode?.names ?? sgd?.names ?? []);
  return { ode, sgd, names };
}

/**
 * Shown = primary series unless hidden, plus secondary series the user switched on. The
 * toggles are part of the state (URL key tg), so a shared link shows the same series.
 */
function useVisibleSeries(
  store: AppStore,
  names: readonly string[],
  styleOf: (name: string) => SeriesStyle,
) {
  // By value: a state update may rebuild the list with the same names.
  const toggledList = useStableList(useStore(store, (s) => s.toggledSeries));
  const visible = useMemo(() => {
    const toggled = new Set(toggledList);
    return new Set(names.filter((n) => styleOf(n).primary !== toggled.has(n)));
  }, [names, toggledList, styleOf]);
  const toggle = useCallback(
    (name: string) => {
      const prev = store.getState().toggledSeries;
      const next = prev.includes(name) ? prev.filter((n) => n !== name) : [...prev, name];
      store.getState().setView({ toggledSeries: next });
    },
    [store],
  );
  return { visible, toggle };
}

interface ChartInputs {
  ode: SeriesTable | null;
  sgd: SeriesTable | null;
  size: { width: number; height: number };
  visible: ReadonlySet<string>;
  yLabel: string;
  stateNames: readonly string[];
  pins: ReturnType<typeof usePinLayers>;
}

/** Draws the chart whenever its data, size or overlays change; follows the cursor between draws. */
function useTrajectoryChart(
  store: AppStore,
  svgRef: RefObject<SVGSVGElement | null>,
  { ode, sgd, size, visible, yLabel, stateNames, pins }: ChartInputs,
) {
  const model = useStore(store, (s) => s.model);
  const overlay = useStore(store, (s) => s.overlay);
  const overlaySgd = useStore(store, (s) => s.overlaySgd);
  const alignedOde = useStore(store, (s) => s.alignedOde);
  // The last full draw, and what it was drawn from besides the SGD (see redrawTrajectorySgd).
  const drawnRef = useRef<{ frame: TrajectoryFrame; from: unknown[] } | null>(null);
  useEffect(() => {
    if (!svgRef.current || !ode) return;
    const spec = viewSpec(model, 'trajectories');
    const base = { names: ode.names, t: ode.t, y: ode.y };
    const o = normalizeTrajectoryOptions(base, { ...size, visible, yLabel });
    const overlaySeries = spec?.overlaySeries ?? [...visible][0] ?? '';
    const overlayTables = overlay ? { series: overlaySeries, tables: overlay.results } : null;
    o.yDomain = pinsYDomain(
      trajectoryYDomain(o.yDomain, sgd, visible, overlayTables),
      pins,
      visible,
    );
    const drawn = currentCursor(store);
    const sgdDots = sgd ? { names: sgd.names, t: sgd.t, mean: sgd.y, std: sgd.std ?? null } : null;
    const from = [ode, size, visible, yLabel, pins, overlay, overlaySgd, model, stateNames];
    const last = drawnRef.current;
    if (last && sameItems(last.from, [...from, alignedOde, ...o.yDomain])) {
      const frame = redrawTrajectorySgd(last.frame, sgdDots, drawn);
      drawnRef.current = { ...last, frame };
      return followCursor(store, drawn, (at) => moveTrajectoryCursor(frame, at));
    }
    const frame = drawTrajectories(svgRef.current, base, o, {
      sgd: sgdDots,
      ...drawn,
      pins,
      stateNames,
      seriesKinds: spec?.seriesKinds,
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
    drawnRef.current = { frame, from: [...from, alignedOde, ...o.yDomain] };
    // The cursor moves without a redraw: play moves it every frame.
    return followCursor(store, drawn, (at) => moveTrajectoryCursor(frame, at));
  }, [
    ode,
    sgd,
    size,
    visible,
    yLabel,
    pins,
    store,
    overlay,
    overlaySgd,
    model,
    stateNames,
    alignedOde,
    svgRef,
  ]);
}

function sgdOverlayOf(s: SgdSummary | null | undefined) {
  return s ? { names: s.names, t: s.t, mean: s.mean, std: s.std } : null;
}

/** A parameter's symbol, or a derived axis's label without its qualifier ('m₂ of feature 1' → 'm₂'). */
function axisSymbol(model: Model, key: string): string {
  return (
    model.params.find((sp) => sp.key === key)?.symbol ??
    model.aliases?.find((a) => a.key === key)?.symbol ??
    model.theory?.derivedAxes?.find((a) => a.key === key)?.label.split(' ')[0] ??
    key
  );
}
