/**
 * Microscopic point cloud: one point per coordinate at a snapshot time, with a scrubber across
 * the snapshots and the 1σ/2σ/3σ ellipses the model predicts from the ODE state at that time.
 */
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';

import { viewSpec } from '../../../core/model';
import type { MicroSnapshotData } from '../../../workers/protocol';
import { nearestIndex, valueAt } from '../../charts/options';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import { viewCursor } from '../../play/actions';
import { currentCursor, followCursor, type ViewCursor } from '../../play/followCursor';
import { dotsFirst } from '../../runs/priority';
import type { AppStore } from '../../store';
import { useSize } from '../../useSize';
import { odeTableOf, shownOdeResult } from '../../viewData';
import { drawCloud } from './chart';
import { cloudExports } from './exports';
import { cloudDomain, morphSnapshot } from './snapshots';

export function CloudView({ store, maximised, onMaximise }: ViewProps) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const micro = useStore(store, (s) => s.cloud.micro);
  const waiting = useStore(store, (s) => s.cloud.status === 'idle' && dotsFirst(s, 'cloud'));
  const spec = useMemo(() => viewSpec(model, 'cloud'), [model]);
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
  // The scrubber follows the cursor (and play) snapshot by snapshot, not frame by frame.
  const index = useStore(store, (s) =>
    times.length ? nearestIndex(times, viewCursor(s).cursor ?? T) : -1,
  );
  const colour = spec?.color;
  const snapAt = useMemo(
    () => snapshotAt(micro, times, T, [xCol, yCol, ...(colour ? [colour] : [])]),
    [micro, times, T, xCol, yCol, colour],
  );
  useCloudChart(store, canvasRef, svgRef, { snapAt, xCol, yCol, size });
  const snap = () => snapAt(viewCursor(store.getState()));

  if (!spec) return null;
  const columnNames = micro[0] ? Object.keys(micro[0].columns) : [];
  const plotted = [xCol, yCol, ...(spec.color ? [spec.color] : [])];
  const exportsOf = cloudExports(store, { svg: svgRef }, spec, snap, plotted);

  return (
    <ViewFrame
      id="cloud"
      failures={{ store, jobs: ['sgd'] }}
      title="Microscopic cloud"
      note={[
        isDefault ? spec.gaussianNote : 'the ellipses belong to the default columns',
        strideNote(micro),
      ]
        .filter(Boolean)
        .join(' · ')}
      maximised={maximised}
      onMaximise={onMaximise}
      exports={exportsOf}
      tools={
        columnNames.length > 2 ? (
          <ColumnPicks names={columnNames} x={xCol} y={yCol} onPick={setCols} />
        ) : null
      }
    >
      <SnapshotScrubber store={store} times={times} index={index} />
      <div className="chart-box" ref={boxRef}>
        {waiting ? (
          <p className="placeholder">
            The cloud&rsquo;s own O(n) run starts when the SGD dots are done: they get every core
            first.
          </p>
        ) : null}
        <canvas ref={canvasRef} className="chart-canvas" />
        <svg ref={svgRef} className="chart" role="img" aria-label="Microscopic point cloud" />
      </div>
    </ViewFrame>
  );
}

/**
 * Draws the snapshot's points, coloured by the model's colour column, and on the default
 * columns the ellipses the model predicts from the ODE state at the snapshot's time.
 */
function useCloudChart(
  store: AppStore,
  canvasRef: RefObject<HTMLCanvasElement | null>,
  svgRef: RefObject<SVGSVGElement | null>,
  { snapAt, xCol, yCol, size }: CloudInputs,
) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const micro = useStore(store, (s) => s.cloud.micro);
  const odeShown = useStore(store, (s) => shownOdeResult(s.ode));
  const spec = useMemo(() => viewSpec(model, 'cloud'), [model]);
  const isDefault = xCol === spec?.x && yCol === spec?.y;
  const ode = useMemo(() => odeTableOf(odeShown), [odeShown]);

  // A fixed domain for the whole run, so that scrubbing does not rescale the axes.
  const domain = useMemo(() => cloudDomain(micro, [xCol, yCol]), [micro, xCol, yCol]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const svg = svgRef.current;
    if (!spec || !canvas || !svg) return;
    const draw = (at: ViewCursor) => {
      const snap = snapAt(at);
      const x = snap?.columns[xCol];
      const y = snap?.columns[yCol];
      if (!snap || !x || !y) return;
      const gaussian =
        isDefault && spec.gaussian && ode
          ? spec.gaussian(params, (name) => valueAt(ode, ode.names.indexOf(name), snap.t))
          : null;
      drawCloud(
        canvas,
        svg,
        {
          x,
          y,
          color: spec.color ? (snap.columns[spec.color] ?? null) : null,
          colorLabel: spec.colorLabel ?? spec.color,
          gaussian,
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
      // The recorder waits for this before it grabs a frame (record/frames.ts).
      svg.dataset['reveal'] = at.reveal === null ? '' : String(at.reveal);
    };
    const drawn = currentCursor(store);
    draw(drawn);
    // Play morphs the cloud every frame without a React render (play/followCursor.ts).
    return followCursor(store, drawn, draw);
  }, [store, spec, snapAt, ode, params, size, domain, xCol, yCol, isDefault, canvasRef, svgRef]);
}

/**
 * The snapshot the cloud shows at a cursor: while playing, the cloud morphed between the
 * snapshots around the moving time; otherwise the snapshot nearest the cursor (T without one).
 */
function snapshotAt(
  micro: readonly MicroSnapshotData[],
  times: Float64Array,
  T: number,
  columns: readonly string[],
) {
  return ({ cursor, reveal }: ViewCursor): MicroSnapshotData | undefined => {
    if (reveal !== null) return morphSnapshot(micro, reveal, columns);
    return times.length ? micro[nearestIndex(times, cursor ?? T)] : undefined;
  };
}

interface CloudInputs {
  /** The snapshot to draw at a cursor (snapshotAt). */
  snapAt: (at: ViewCursor) => MicroSnapshotData | undefined;
  xCol: string;
  yCol: string;
  size: { width: number; height: number };
}

/** Picks the snapshot columns on the x and y axes. */
function ColumnPicks(props: {
  names: readonly string[];
  x: string;
  y: string;
  onPick(cols: { x: string; y: string }): void;
}) {
  return (
    <>
      {(['x', 'y'] as const).map((axis) => (
        <label key={axis} className="axis-pick">
          {axis}
          <select
            aria-label={`Cloud ${axis} column`}
            value={props[axis]}
            onChange={(e) => props.onPick({ x: props.x, y: props.y, [axis]: e.target.value })}
          >
            {props.names.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      ))}
    </>
  );
}

/** A slider across the snapshot times; it moves the shared time cursor. */
function SnapshotScrubber(props: { store: AppStore; times: Float64Array; index: number }) {
  const { times, index } = props;
  const t = index >= 0 ? times[index] : undefined;
  return (
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
        aria-valuetext={t !== undefined ? `t = ${t}` : 'no snapshot yet'}
        onChange={(e) =>
          props.store.getState().setView({ timeCursor: times[Number(e.target.value)] ?? null })
        }
      />
      <span className="scrub-time">{t !== undefined ? `t = ${t}` : 'waiting for the SGD…'}</span>
    </div>
  );
}

/** Beyond the memory bound (core/microSample.ts), say how many coordinates are drawn. */
function strideNote(micro: readonly MicroSnapshotData[]): string {
  const first = micro[0];
  const drawn = first ? (Object.values(first.columns)[0]?.length ?? 0) : 0;
  const n = first?.coordinates ?? drawn;
  if (n <= drawn) return '';
  const fmt = (k: number) => k.toLocaleString('en-US');
  return `${fmt(drawn)} of ${fmt(n)} coordinates drawn (an even stride: the cloud's memory bound)`;
}
