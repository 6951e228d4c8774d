/**
 * The fluctuation view (the fluctuation ViewSpec; the PCA's diffusive limit, Prop. 3.3): the same
 * SGD seen at a finer scale. Left: scale·(series − centre) (√n·m; √n(r⊥² − r_eq)) of every run against t,
 * over the limit law's mean and ±1σ/±2σ bands. Right: the runs' histogram at a chosen time (click
 * the left chart; URL key ht) against the law's Gaussian. The note compares the sample mean and
 * variance with the law's. A model with several fluctuation specs gets a picker (URL key fl).
 */
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { fluctuationSpec, type ViewSpecOf } from '../../../core/model';
import { RunsPicker } from '../../components/RunsPicker';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import type { AppStore } from '../../store';
import { useSize } from '../../useSize';
import { drawFluctuationPaths, drawHistogram } from './chart';
import { type FluctuationData, fluctuationData, fluctuationStats, formatStat } from './data';
import { fluctuationExports } from './exports';
import { FluctuationPicker } from './FluctuationPicker';

export function FluctuationView({ store, maximised, onMaximise }: ViewProps) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const ensemble = useStore(store, (s) => s.ensemble);
  const ht = useStore(store, (s) => s.histogramTime);
  const fl = useStore(store, (s) => s.fluctuationId);
  const spec = fluctuationSpec(model, fl);
  const pathsRef = useRef<SVGSVGElement>(null);
  const histRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 500, height: 300 });
  const data = useMemo(
    () => (spec ? fluctuationData(spec, ensemble, params, ht) : null),
    [spec, ensemble, params, ht],
  );
  const pathsWidth = Math.max(200, Math.floor(size.width * 0.62));
  const histWidth = Math.max(150, size.width - pathsWidth);
  useFluctuationCharts(store, spec, data, { pathsRef, histRef, size, pathsWidth, histWidth });

  if (!spec) return null;
  const total = ensemble?.runs.length ?? 0;
  const done = ensemble?.reached.filter((r) => r >= (ensemble?.t.length ?? 1)).length ?? 0;
  const stats = fluctuationStats(data);
  const exports = fluctuationExports(() => ({
    store,
    spec,
    data,
    paths: pathsRef.current,
    histogram: histRef.current,
    stats,
    total,
  }));
  return (
    <ViewFrame
      id="fluctuation"
      failures={{ store, jobs: ['ensemble'] }}
      title={`Fluctuations: ${spec.label}`}
      note={
        <span>
          {ensemble?.status === 'running' ? `${done}/${total} runs · ` : ''}
          {stats}
        </span>
      }
      maximised={maximised}
      onMaximise={onMaximise}
      tools={
        <>
          <FluctuationPicker store={store} model={model} shown={spec} />
          <RunsPicker store={store} defaultRuns={spec.runs} />
        </>
      }
      exports={exports}
    >
      <div className="chart-box chart-pair" ref={boxRef}>
        <svg
          ref={pathsRef}
          className="chart"
          role="img"
          aria-label={`${spec.label} of each run against t`}
          style={{ width: pathsWidth }}
        />
        <svg
          ref={histRef}
          className="chart"
          role="img"
          aria-label={`Histogram of ${spec.label}`}
          style={{ left: pathsWidth, width: histWidth }}
        />
      </div>
    </ViewFrame>
  );
}

interface ChartLayout {
  pathsRef: RefObject<SVGSVGElement | null>;
  histRef: RefObject<SVGSVGElement | null>;
  size: { width: number; height: number };
  pathsWidth: number;
  histWidth: number;
}

/** Draws the runs against t and the histogram at the chosen time (a click on the runs sets it). */
function useFluctuationCharts(
  store: AppStore,
  spec: ViewSpecOf<'fluctuation'> | undefined,
  data: FluctuationData | null,
  { pathsRef, histRef, size, pathsWidth, histWidth }: ChartLayout,
) {
  useEffect(() => {
    if (!spec || !data || !pathsRef.current || !histRef.current) return;
    const margin = { top: 12, right: 12, bottom: 46, left: 56 };
    drawFluctuationPaths(
      pathsRef.current,
      { t: data.t, runs: data.runs, law: data.law, cursor: data.tAt },
      {
        width: pathsWidth,
        height: size.height,
        margin,
        xLabel: 't',
        yLabel: spec.label,
        onPick: (t) => store.getState().setView({ histogramTime: Number(t.toPrecision(4)) }),
      },
    );
    drawHistogram(
      histRef.current,
      { values: data.values, law: data.lawAt },
      {
        width: histWidth,
        height: size.height,
        margin: { ...margin, left: 44 },
        // The series is on the paths' y axis; the narrow histogram says only when.
        xLabel: `at t = ${formatStat(data.tAt)}`,
        yLabel: 'runs',
      },
    );
  }, [spec, data, size, pathsWidth, histWidth, store, pathsRef, histRef]);
}
