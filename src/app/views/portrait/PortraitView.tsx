/**
 * Phase portrait: any two order parameters as axes; the ODE path with arrowheads, the SGD path
 * as dots, start (□) and end (★) markers, and the shared time cursor.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';

import type { FieldSlice } from '../../../core/field';
import { viewSpec } from '../../../core/model';
import type { FixedPointsResult } from '../../../workers/protocol';
import { extentOf, valueAt } from '../../charts/options';
import { seriesStyle } from '../../charts/style';
import { Toggle } from '../../components/Toggle';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import type { SeriesTable } from '../../exportData';
import { formatSeries } from '../../format';
import { useSize } from '../../useSize';
import { exporters, odeTable, sgdTable } from '../../viewData';
import { basinColor } from '../basins/chart';
import { drawPortrait, type PortraitFamily, type PortraitFixedPoint } from './chart';

function col(table: SeriesTable | null, name: string): Float64Array | null {
  if (!table) return null;
  const i = table.names.indexOf(name);
  if (i < 0) return null;
  const m = table.names.length;
  return Float64Array.from({ length: table.t.length }, (_, j) => table.y[j * m + i]!);
}

/** Asks a worker for the vector field on an (x, y) slice through `base`. */
export type FieldRequest = (
  x: string,
  y: string,
  base: number[],
  xRange: [number, number],
  yRange: [number, number],
) => Promise<FieldSlice | null>;

/**
 * The fixed points and families of fixed points on the (x, y) plane, with their tooltips (state,
 * eigenvalues, type); none when the plane's axes are not state variables of the result.
 */
export function fixedPointMarks(
  fixedPoints: FixedPointsResult | null,
  xName: string,
  yName: string,
): { fixed: PortraitFixedPoint[]; families: PortraitFamily[] } {
  const ix = fixedPoints?.names.indexOf(xName) ?? -1;
  const iy = fixedPoints?.names.indexOf(yName) ?? -1;
  const describe = (x: number[], names: string[]) =>
    names.map((n, k) => `${n} = ${x[k]!.toPrecision(4)}`).join(', ');
  const fixed =
    fixedPoints && ix >= 0 && iy >= 0
      ? fixedPoints.points.map((p) => ({
          x: p.x[ix]!,
          y: p.x[iy]!,
          stability: p.stability,
          kind: p.kind,
          info: `${p.type ? `${p.type}: ` : ''}${p.kind}\n${describe(p.x, fixedPoints.names)}\neigenvalues: ${p.eigenvalues
            .map((e) =>
              Math.abs(e.im) > 1e-9
                ? `${e.re.toPrecision(3)} ± ${Math.abs(e.im).toPrecision(3)}i`
                : e.re.toPrecision(3),
            )
            .filter((v, k, all) => all.indexOf(v) === k)
            .join(', ')}`,
        }))
      : [];
  const families =
    fixedPoints && ix >= 0 && iy >= 0
      ? fixedPoints.families.map((f) => ({
          points: f.samples.map((s) => ({
            x: s.x[ix]!,
            y: s.x[iy]!,
            stable: s.stability === 'stable',
          })),
          info: `a ${f.dimension}-dimensional family of fixed points (${f.samples[0]?.type ?? 'marginal direction'}); solid: transversally stable`,
        }))
      : [];
  return { fixed, families };
}

export function PortraitView({
  store,
  maximised,
  onMaximise,
  requestField,
}: ViewProps & { requestField?: FieldRequest }) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const odeStatus = useStore(store, (s) => s.ode);
  const sgdState = useStore(store, (s) => s.sgd);
  const xName = useStore(store, (s) => s.x);
  const yName = useStore(store, (s) => s.y);
  const tc = useStore(store, (s) => s.timeCursor);
  const fixedPoints = useStore(store, (s) => s.fixedPoints);
  const vf = useStore(store, (s) => s.vectorField);
  const att = useStore(store, (s) => s.showAttraction);
  const lg = useStore(store, (s) => s.logAxes);
  const attractionState = useStore(store, (s) => s.attraction);
  const attractionView = viewSpec(model, 'attraction');
  // Regions are drawn on their own plane only; the log axes belong to that plane too.
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
  const [field, setField] = useState<FieldSlice | null>(null);
  const domains = useRef<{ x: [number, number]; y: [number, number] } | null>(null);
  // Separate memos: an SGD chunk must not make the ODE table (and what depends on it) new.
  const ode = useMemo(
    () => odeTable({ model, params, ode: odeStatus, cosines: false }),
    [model, params, odeStatus],
  );
  const sgd = useMemo(
    () => sgdTable({ model, params, sgd: sgdState, cosines: false }),
    [model, params, sgdState],
  );
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 400, height: 300 });
  const names = ode?.names ?? [];

  useEffect(() => {
    const svg = svgRef.current;
    const ox = col(ode, xName);
    const oy = col(ode, yName);
    if (!svg || !ox || !oy || !ode) return;
    const sx = col(sgd, xName);
    const sy = col(sgd, yName);
    const cursor =
      tc === null
        ? null
        : ([
            valueAt(ode, ode.names.indexOf(xName), tc),
            valueAt(ode, ode.names.indexOf(yName), tc),
          ] as [number, number]);
    const { fixed, families } = fixedPointMarks(fixedPoints, xName, yName);
    const plane = att && onPlane && attractionView ? attractionView : null;
    const xDomain = extentOf(
      [
        ox,
        ...(sx ? [sx] : []),
        fixed.map((f) => f.x),
        families.flatMap((f) => f.points.map((p) => p.x)),
        plane ? plane.xRange : [],
      ],
      symlog ? 0 : undefined,
    );
    const yDomain = extentOf(
      [
        oy,
        ...(sy ? [sy] : []),
        fixed.map((f) => f.y),
        families.flatMap((f) => f.points.map((p) => p.y)),
        plane ? plane.yRange : [],
      ],
      symlog ? 0 : undefined,
    );
    domains.current = { x: xDomain, y: yDomain };
    drawPortrait(
      svg,
      {
        ode: { x: ox, y: oy },
        sgd: sx && sy ? { x: sx, y: sy } : null,
        cursor,
        fixed,
        families,
        field: vf ? field : null,
        attraction: regions?.cells ?? null,
      },
      {
        ...size,
        margin: { top: 14, right: 16, bottom: 48, left: 60 },
        xLabel: formatSeries(xName),
        yLabel: formatSeries(yName),
        xDomain,
        yDomain,
        color: seriesStyle(yName).color,
        symlog,
      },
    );
  }, [
    ode,
    sgd,
    xName,
    yName,
    size,
    tc,
    fixedPoints,
    field,
    vf,
    regions,
    symlog,
    att,
    onPlane,
    attractionView,
  ]);

  // The vector field on the shown slice, the other coordinates pinned at the cursor's state
  // (the end of the run without a cursor); computed in a worker.
  useEffect(() => {
    if (!vf || !requestField || !ode) {
      setField(null);
      return;
    }
    const m = ode.names.length;
    const t = tc ?? ode.t[ode.t.length - 1] ?? 0;
    const base = ode.names.map((_, i) => valueAt(ode, i, t));
    const d = domains.current;
    if (!d || base.some((v) => !Number.isFinite(v)) || m === 0) return;
    const pad = (r: [number, number]): [number, number] => [
      r[0] - 0.1 * (r[1] - r[0]),
      r[1] + 0.1 * (r[1] - r[0]),
    ];
    let live = true;
    void requestField(xName, yName, base, pad(d.x), pad(d.y)).then((f) => {
      if (live) setField(f);
    });
    return () => {
      live = false;
    };
    // fixedPoints: they widen the drawn domain the field must cover.
  }, [vf, requestField, ode, tc, xName, yName, fixedPoints]);

  const exp = exporters(
    () => ({
      svg: svgRef.current,
      state: store.getState(),
      ode,
      sgd,
      decor: {
        title: `Phase portrait: ${formatSeries(yName)} against ${formatSeries(xName)}`,
        legend: [
          { label: 'ODE', color: seriesStyle(yName).color },
          { label: 'SGD', color: seriesStyle(yName).color, dot: true },
        ],
      },
    }),
    'portrait',
  );

  const axisSelect = (axis: 'x' | 'y', value: string) => (
    <label className="axis-pick">
      {axis}
      <select
        aria-label={`Portrait ${axis} axis`}
        value={value}
        onChange={(e) => store.getState().setView({ [axis]: e.target.value })}
      >
        {names.map((n) => (
          <option key={n} value={n}>
            {formatSeries(n)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <ViewFrame
      id="portrait"
      failures={{ store, jobs: ['fixedPoints', 'attraction', 'field'] }}
      title="Phase portrait"
      note={
        <span>
          □ start · ★ end · ○ cursor · ● stable ◐ saddle ○ unstable
          {regions && (
            <span className="basin-legend">
              {' · regions '}
              {attractionState?.status === 'running'
                ? `${attractionState.done}/${attractionState.total}`
                : ''}
              {regions.labels.map((l) => (
                <span key={l}>
                  <span className="swatch" style={{ background: regions.color(l) }} />
                  {l}
                </span>
              ))}
            </span>
          )}
        </span>
      }
      maximised={maximised}
      onMaximise={onMaximise}
      exports={exp}
      tools={
        <>
          {requestField && (
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
                  .setView(
                    on
                      ? { showAttraction: true, x: attractionView.x, y: attractionView.y }
                      : { showAttraction: false },
                  )
              }
            />
          )}
          {attractionView?.log && (
            <Toggle
              label="log"
              title="Logarithmic axes (linear within the smallest grid value of 0): near the origin the boundary is a power law"
              checked={lg}
              onChange={(on) =>
                store
                  .getState()
                  .setView(
                    on
                      ? { logAxes: true, x: attractionView.x, y: attractionView.y }
                      : { logAxes: false },
                  )
              }
            />
          )}
          {axisSelect('x', xName)}
          {axisSelect('y', yName)}
        </>
      }
    >
      <div className="chart-box" ref={boxRef}>
        <svg ref={svgRef} className="chart" role="img" aria-label={`${yName} against ${xName}`} />
      </div>
    </ViewFrame>
  );
}
