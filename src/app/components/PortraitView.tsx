/**
 * Phase portrait: any two order parameters as axes; the ODE path with arrowheads, the SGD path
 * as dots, start (□) and end (★) markers, and the shared time cursor.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { extentOf, valueAt } from '../charts/options';
import { drawPortrait } from '../charts/portrait';
import { seriesStyle } from '../charts/style';
import type { SeriesTable } from '../exportData';
import { formatSeries } from '../format';
import type { AppStore } from '../store';
import { useSize } from '../useSize';
import { exporters, tables } from '../viewData';
import { ViewFrame } from './ViewFrame';

function col(table: SeriesTable | null, name: string): Float64Array | null {
  if (!table) return null;
  const i = table.names.indexOf(name);
  if (i < 0) return null;
  const m = table.names.length;
  return Float64Array.from({ length: table.t.length }, (_, j) => table.y[j * m + i]!);
}

export function PortraitView({
  store,
  maximised,
  onMaximise,
}: {
  store: AppStore;
  maximised: boolean;
  onMaximise(): void;
}) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const odeStatus = useStore(store, (s) => s.ode);
  const sgdState = useStore(store, (s) => s.sgd);
  const xName = useStore(store, (s) => s.x);
  const yName = useStore(store, (s) => s.y);
  const tc = useStore(store, (s) => s.tc);
  const { ode, sgd } = useMemo(
    () => tables({ model, params, ode: odeStatus, sgd: sgdState, cos: false }),
    [model, params, odeStatus, sgdState],
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
    drawPortrait(
      svg,
      { ode: { x: ox, y: oy }, sgd: sx && sy ? { x: sx, y: sy } : null, cursor },
      {
        ...size,
        margin: { top: 14, right: 16, bottom: 48, left: 60 },
        xLabel: formatSeries(xName),
        yLabel: formatSeries(yName),
        xDomain: extentOf(sx ? [ox, sx] : [ox]),
        yDomain: extentOf(sy ? [oy, sy] : [oy]),
        color: seriesStyle(yName).color,
      },
    );
  }, [ode, sgd, xName, yName, size, tc]);

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
      title="Phase portrait"
      note="□ start · ★ end · ○ cursor"
      maximised={maximised}
      onMaximise={onMaximise}
      exports={exp}
      tools={
        <>
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
