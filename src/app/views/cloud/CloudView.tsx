/**
 * Microscopic point cloud: one point per coordinate at a snapshot time, with a scrubber across
 * the snapshots and the 1σ/2σ/3σ ellipses the model predicts from the ODE state at that time.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';

import { viewSpec } from '../../../core/model';
import { nearestIndex, valueAt } from '../../charts/options';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import { useSize } from '../../useSize';
import { exporters, tables } from '../../viewData';
import { drawCloud } from './chart';

export function CloudView({ store, maximised, onMaximise }: ViewProps) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const micro = useStore(store, (s) => s.cloud.micro);
  const odeStatus = useStore(store, (s) => s.ode);
  const tc = useStore(store, (s) => s.timeCursor);
  const spec = viewSpec(model, 'cloud');
  // Which snapshot columns to plot: the model's default (with its predicted ellipses) or any other.
  const [cols, setCols] = useState<{ x: string; y: string } | null>(null);
  const xCol = cols?.x ?? spec?.x ?? '';
  const yCol = cols?.y ?? spec?.y ?? '';
  const isDefault = xCol === spec?.x && yCol === spec?.y;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 400, height: 300 });
  const times = useMemo(() => Float64Array.from(micro, (s) => s.t), [micro]);
  const T = params['T'] as number;
  const index = times.length ? nearestIndex(times, tc ?? T) : -1;
  const snap = index >= 0 ? micro[index] : undefined;
  const ode = useMemo(
    () => tables({ ...store.getState(), ode: odeStatus, cosines: false }).ode,
    [odeStatus, store],
  );

  // A fixed domain for the whole run, so that scrubbing does not rescale the axes.
  const domain = useMemo(() => {
    if (!spec || micro.length === 0)
      return { x: [-3, 3] as [number, number], y: [-3, 3] as [number, number] };
    let m = 0;
    for (const s of micro) {
      for (const key of [xCol, yCol]) {
        const c = s.columns[key];
        if (!c) continue;
        let ss = 0;
        let mean = 0;
        for (let i = 0; i < c.length; i++) mean += c[i]! / c.length;
        for (let i = 0; i < c.length; i++) ss += (c[i]! - mean) ** 2 / c.length;
        m = Math.max(m, Math.abs(mean) + 3.5 * Math.sqrt(ss));
      }
    }
    const r = Math.max(1, Math.ceil(m * 2) / 2);
    return { x: [-r, r] as [number, number], y: [-r, r] as [number, number] };
  }, [micro, spec, xCol, yCol]);

  const gaussian = useMemo(() => {
    if (!spec?.gaussian || !ode || !snap) return null;
    return spec.gaussian(params, (name) => valueAt(ode, ode.names.indexOf(name), snap.t));
  }, [spec, ode, snap, params]);

  useEffect(() => {
    if (!spec || !canvasRef.current || !svgRef.current || !snap) return;
    const x = snap.columns[xCol];
    const y = snap.columns[yCol];
    if (!x || !y) return;
    drawCloud(
      canvasRef.current,
      svgRef.current,
      {
        x,
        y,
        color: spec.color ? (snap.columns[spec.color] ?? null) : null,
        gaussian: isDefault ? gaussian : null,
      },
      {
        ...size,
        margin: { top: 14, right: 16, bottom: 48, left: 60 },
        xLabel: xCol === spec.x ? spec.xLabel : `√n column ${xCol}`,
        yLabel: yCol === spec.y ? spec.yLabel : `√n column ${yCol}`,
        domain,
        pixelRatio: window.devicePixelRatio || 1,
      },
    );
  }, [spec, snap, gaussian, size, domain, xCol, yCol, isDefault]);

  if (!spec) return null;
  const columnNames = micro[0] ? Object.keys(micro[0].columns) : [];
  const exp = exporters(
    () => ({
      svg: svgRef.current,
      state: store.getState(),
      ode: null,
      sgd: snap
        ? {
            names: [xCol, yCol, ...(spec.color ? [spec.color] : [])],
            t: Float64Array.from(snap.columns[xCol] ?? [], (_, i) => i + 1),
            y: interleave([
              snap.columns[xCol],
              snap.columns[yCol],
              ...(spec.color ? [snap.columns[spec.color]] : []),
            ]),
          }
        : null,
      decor: {
        title: `Microscopic state at t = ${snap?.t ?? 0}`,
        legend: [
          { label: 'coordinates i', color: '#D55E00', dot: true },
          { label: '1σ, 2σ, 3σ (PDE)', color: '#0072B2' },
        ],
        canvas: canvasRef.current,
      },
    }),
    'cloud',
  );

  return (
    <ViewFrame
      id="cloud"
      failures={{ store, jobs: ['sgd'] }}
      title="Microscopic cloud"
      note={isDefault ? spec.gaussianNote : 'the ellipses belong to the default columns'}
      maximised={maximised}
      onMaximise={onMaximise}
      exports={exp}
      tools={
        columnNames.length > 2 ? (
          <>
            {(['x', 'y'] as const).map((axis) => (
              <label key={axis} className="axis-pick">
                {axis}
                <select
                  aria-label={`Cloud ${axis} column`}
                  value={axis === 'x' ? xCol : yCol}
                  onChange={(e) => setCols({ x: xCol, y: yCol, [axis]: e.target.value })}
                >
                  {columnNames.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </>
        ) : null
      }
    >
      <div className="scrubber">
        <label htmlFor="cloud-time">t</label>
        <input
          id="cloud-time"
          type="range"
          min={0}
          max={Math.max(0, times.length - 1)}
          step={1}
          value={Math.max(0, index)}
          disabled={times.length === 0}
          aria-label="Snapshot time"
          aria-valuetext={snap ? `t = ${snap.t}` : 'no snapshot yet'}
          onChange={(e) =>
            store.getState().setView({ timeCursor: times[Number(e.target.value)] ?? null })
          }
        />
        <span className="scrub-time">{snap ? `t = ${snap.t}` : 'waiting for the SGD…'}</span>
      </div>
      <div className="chart-box" ref={boxRef}>
        <canvas ref={canvasRef} className="chart-canvas" />
        <svg ref={svgRef} className="chart" role="img" aria-label="Microscopic point cloud" />
      </div>
    </ViewFrame>
  );
}

function interleave(cols: (Float64Array | undefined)[]): Float64Array {
  const present = cols.filter((c): c is Float64Array => c !== undefined);
  const n = present[0]?.length ?? 0;
  const k = present.length;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = present[j]![i]!;
  return out;
}
