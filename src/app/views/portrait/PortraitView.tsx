/**
 * Phase portrait: any two order parameters as axes; the ODE path with arrowheads, the SGD path
 * as dots, start (□) and end (★) markers, and the shared time cursor.
 */
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';

import type { FieldSlice } from '../../../core/field';
import { viewSpec } from '../../../core/model';
import { valueAt } from '../../charts/options';
import { seriesStyle } from '../../charts/style';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import type { SeriesTable } from '../../exportData';
import { formatSeries } from '../../format';
import { PORTRAIT_TIME } from '../../keyKinds';
import { currentCursor, followCursor, type ViewCursor } from '../../play/followCursor';
import type { AppStore } from '../../store';
import { useSize } from '../../useSize';
import { sameItems } from '../../useStableList';
import { exporters, odeTableOf, sgdSummaryTable, shownOdeResult } from '../../viewData';
import { basinColor } from '../basins/chart';
import { drawPortrait, movePortraitCursor, type PortraitFrame } from './chart';
import {
  type FieldRequest,
  fixedPointMarks,
  padRange,
  portraitDomains,
  tableColumn,
} from './marks';
import { PortraitNote, PortraitTools } from './tools';

type Domains = { x: [number, number]; y: [number, number] };

export function PortraitView({
  store,
  maximised,
  onMaximise,
  requestField,
}: ViewProps & { requestField?: FieldRequest }) {
  const odeShown = useStore(store, (s) => shownOdeResult(s.ode));
  const sgdState = useStore(store, (s) => s.sgd);
  const xName = useStore(store, (s) => s.x);
  const yName = useStore(store, (s) => s.y);
  const attractionState = useStore(store, (s) => s.attraction);
  // Separate memos: an SGD chunk must not make the ODE table (and what depends on it) new.
  // Not on the parameters: a slider move redraws nothing until its new ODE arrives.
  const ode = useMemo(() => odeTableOf(odeShown), [odeShown]);
  const sgd = useMemo(() => sgdSummaryTable(sgdState), [sgdState]);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 400, height: 300 });
  const domains = useRef<Domains | null>(null);
  const [field, setField] = useState<FieldSlice | null>(null);
  const { attractionView, regions } = usePortraitChart(store, svgRef, domains, {
    ode,
    sgd,
    size,
    field,
  });
  // After the chart's effect, which records the domains the field must cover.
  useFieldSlice(store, ode, domains, requestField, setField);
  // Against t there is no plane for a field to live on.
  const againstTime = xName === PORTRAIT_TIME || yName === PORTRAIT_TIME;
  const color = seriesStyle(yName).color;
  const exp = exporters(
    () => ({
      svg: svgRef.current,
      state: store.getState(),
      ode,
      sgd,
      decor: {
        title: `Phase portrait: ${formatSeries(yName)} against ${formatSeries(xName)}`,
        legend: [
          { label: 'ODE', color },
          { label: 'SGD', color, dot: true },
        ],
      },
    }),
    'portrait',
  );
  const progress =
    attractionState?.status === 'running' ? `${attractionState.done}/${attractionState.total}` : '';

  return (
    <ViewFrame
      id="portrait"
      failures={{ store, jobs: ['fixedPoints', 'attraction', 'field'] }}
      title="Phase portrait"
      note={<PortraitNote regions={regions} progress={progress} />}
      maximised={maximised}
      onMaximise={onMaximise}
      exports={exp}
      tools={
        <PortraitTools
          store={store}
          names={ode ? [PORTRAIT_TIME, ...ode.names] : []}
          attractionView={attractionView}
          canField={requestField !== undefined && !againstTime}
        />
      }
    >
      <div className="chart-box" ref={boxRef}>
        <svg ref={svgRef} className="chart" role="img" aria-label={`${yName} against ${xName}`} />
      </div>
    </ViewFrame>
  );
}

/**
 * The attraction regions to draw (on their own plane only, and while shown) with their colours,
 * and the symlog axes' linear thresholds (the log axes belong to that plane too).
 */
function useAttractionRegions(store: AppStore) {
  const model = useStore(store, (s) => s.model);
  const xName = useStore(store, (s) => s.x);
  const yName = useStore(store, (s) => s.y);
  const att = useStore(store, (s) => s.showAttraction);
  const lg = useStore(store, (s) => s.logAxes);
  const attractionState = useStore(store, (s) => s.attraction);
  const attractionView = useMemo(() => viewSpec(model, 'attraction'), [model]);
  const onPlane =
    attractionView !== undefined && attractionView.x === xName && attractionView.y === yName;
  const regions = useMemo(() => {
    if (!att || !onPlane || !attractionState) return null;
    const labels = [...new Set(attractionState.cells.map((c) => c.label ?? 'not settled'))].sort();
    const color = basinColor(labels);
    return {
      labels,
      color,
      cells: attractionState.cells.map((c) => ({ ...c, color: color(c.label) })),
    };
  }, [att, onPlane, attractionState]);
  const symlog = useMemo(
    () =>
      lg && onPlane && attractionView?.log
        ? { x: attractionView.xRange[0], y: attractionView.yRange[0] }
        : null,
    [lg, onPlane, attractionView],
  );
  const plane = att && onPlane && attractionView ? attractionView : null;
  return { attractionView, regions, symlog, plane };
}

interface PortraitInputs {
  ode: SeriesTable | null;
  sgd: SeriesTable | null;
  size: { width: number; height: number };
  field: FieldSlice | null;
}

/** Draws the portrait, and records the drawn domains for the vector field to cover. */
function usePortraitChart(
  store: AppStore,
  svgRef: RefObject<SVGSVGElement | null>,
  domains: RefObject<Domains | null>,
  { ode, sgd, size, field }: PortraitInputs,
) {
  const xName = useStore(store, (s) => s.x);
  const yName = useStore(store, (s) => s.y);
  const fixedPoints = useStore(store, (s) => s.fixedPoints);
  const vf = useStore(store, (s) => s.vectorField);
  const { attractionView, regions, symlog, plane } = useAttractionRegions(store);
  // The last full draw, and what it was drawn from besides the SGD: an SGD publish that keeps
  // the domains redraws only the dots (as play's cursor does), not the field and the paths.
  const drawnRef = useRef<{ frame: PortraitFrame; from: unknown[] } | null>(null);
  useEffect(() => {
    const svg = svgRef.current;
    const ox = tableColumn(ode, xName);
    const oy = tableColumn(ode, yName);
    if (!svg || !ox || !oy || !ode) return;
    const marks = fixedPointMarks(fixedPoints, xName, yName);
    // The domain holds the whole run, so that the axes stay put while play reveals the dots.
    const fx = tableColumn(sgd, xName);
    const fy = tableColumn(sgd, yName);
    const paths = { x: [ox, ...(fx ? [fx] : [])], y: [oy, ...(fy ? [fy] : [])] };
    const d = portraitDomains(paths, marks, plane, symlog !== null);
    domains.current = d;
    const atCursor = cursorMarksOf(ode, sgd, xName, yName);
    const drawn = currentCursor(store);
    const from: unknown[] = [ode, xName, yName, size, fixedPoints, field, vf, regions, symlog];
    from.push(plane, ...d.x, ...d.y);
    const last = drawnRef.current;
    const follow = (frame: PortraitFrame) =>
      followCursor(store, drawn, (at) => {
        movePortraitCursor(frame, atCursor(at));
        markRevealed(svg, at);
      });
    if (last && sameItems(last.from, from)) {
      movePortraitCursor(last.frame, atCursor(drawn));
      markRevealed(svg, drawn);
      return follow(last.frame);
    }
    const frame = drawPortrait(
      svg,
      {
        ode: { x: ox, y: oy },
        ...atCursor(drawn),
        ...marks,
        field: vf ? field : null,
        attraction: regions?.cells ?? null,
      },
      portraitOptions(size, xName, yName, d, symlog),
    );
    markRevealed(svg, drawn);
    drawnRef.current = { frame, from };
    // The cursor moves without a redraw (play/followCursor.ts).
    return follow(frame);
  }, [
    ode,
    sgd,
    xName,
    yName,
    size,
    fixedPoints,
    field,
    vf,
    regions,
    symlog,
    plane,
    svgRef,
    domains,
    store,
  ]);
  return { attractionView, regions };
}

/** The recorder waits for this before it grabs a frame (record/frames.ts). */
function markRevealed(svg: SVGSVGElement, { reveal }: ViewCursor): void {
  svg.dataset['reveal'] = reveal === null ? '' : String(reveal);
}

/** The portrait's chart options: its size, labels, domains, colour and symlog axes. */
function portraitOptions(
  size: { width: number; height: number },
  xName: string,
  yName: string,
  d: Domains,
  symlog: Parameters<typeof drawPortrait>[2]['symlog'],
) {
  return {
    ...size,
    margin: { top: 14, right: 16, bottom: 48, left: 60 },
    xLabel: formatSeries(xName),
    yLabel: formatSeries(yName),
    xDomain: d.x,
    yDomain: d.y,
    color: seriesStyle(yName).color,
    symlog,
  };
}

/**
 * The vector field on the shown slice, the other coordinates pinned at the cursor's state (the
 * end of the run without a cursor); computed in a worker.
 */
function useFieldSlice(
  store: AppStore,
  ode: SeriesTable | null,
  domains: RefObject<Domains | null>,
  requestField: FieldRequest | undefined,
  setField: (field: FieldSlice | null) => void,
) {
  const xName = useStore(store, (s) => s.x);
  const yName = useStore(store, (s) => s.y);
  const tc = useStore(store, (s) => s.timeCursor);
  const fixedPoints = useStore(store, (s) => s.fixedPoints);
  const vf = useStore(store, (s) => s.vectorField);
  useEffect(() => {
    if (!vf || !requestField || !ode || xName === PORTRAIT_TIME || yName === PORTRAIT_TIME) {
      setField(null);
      return;
    }
    const t = tc ?? ode.t[ode.t.length - 1] ?? 0;
    const base = ode.names.map((_, i) => valueAt(ode, i, t));
    const d = domains.current;
    if (!d || base.some((v) => !Number.isFinite(v)) || ode.names.length === 0) return;
    let live = true;
    void requestField(xName, yName, base, padRange(d.x), padRange(d.y)).then((f) => {
      if (live) setField(f);
    });
    return () => {
      live = false;
    };
    // fixedPoints: they widen the drawn domain the field must cover.
  }, [vf, requestField, ode, tc, xName, yName, fixedPoints, domains, setField]);
}

/**
 * What the cursor moves on the portrait: the ring on the ODE path at the cursor's time, and
 * while playing the SGD dots up to it (the ring travels, the dots appear as it passes).
 */
function cursorMarksOf(ode: SeriesTable, sgd: SeriesTable | null, xName: string, yName: string) {
  return ({ cursor: tc, reveal }: ViewCursor) => {
    const shown = reveal === null || !sgd ? sgd : revealedRows(sgd, reveal);
    const sx = tableColumn(shown, xName);
    const sy = tableColumn(shown, yName);
    const at = (name: string) =>
      name === PORTRAIT_TIME ? (tc ?? 0) : valueAt(ode, ode.names.indexOf(name), tc ?? 0);
    return {
      sgd: sx && sy ? { x: sx, y: sy } : null,
      cursor: tc === null ? null : ([at(xName), at(yName)] as [number, number]),
    };
  };
}

/** The rows of a table up to time t (the SGD dots play has revealed). */
function revealedRows(table: SeriesTable, t: number): SeriesTable {
  let rows = 0;
  while (rows < table.t.length && table.t[rows]! <= t) rows++;
  const m = table.names.length;
  return {
    ...table,
    t: table.t.subarray(0, rows),
    y: table.y.subarray(0, rows * m),
    std: table.std ? table.std.subarray(0, rows * m) : null,
  };
}
