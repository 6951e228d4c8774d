/**
 * The fluctuation view (the fluctuation ViewSpec; the PCA's diffusive limit, Prop. 3.3): the same
 * SGD seen at a finer scale. Left: scale·(series − centre) (√n·m; √n(r⊥² − r_eq)) of every run against t,
 * over the limit law's mean and ±1σ/±2σ bands. Right: the runs' histogram at a chosen time (click
 * the left chart; URL key ht) against the law's Gaussian. The note compares the sample mean and
 * variance with the law's. A model with several fluctuation specs gets a picker (URL key fl).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { fluctuationSpec } from '../../../core/model';
import { num } from '../../../core/params';
import { captionOf } from '../../caption';
import { RunsPicker } from '../../components/RunsPicker';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import { download, imageExports, sideBySide, standaloneSvg } from '../../exportImage';
import { useSize } from '../../useSize';
import { drawFluctuationPaths, drawHistogram } from './chart';
import { FluctuationPicker } from './FluctuationPicker';

const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '–');

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

  const data = useMemo(() => {
    if (!spec || !ensemble || ensemble.names.length === 0) return null;
    const i = ensemble.names.indexOf(spec.series);
    if (i < 0) return null;
    const m = ensemble.names.length;
    const scale = spec.scale(params);
    const centre = spec.centre?.(params) ?? 0; // the law is that of scale·(series − centre)
    const t = ensemble.t;
    const runs = ensemble.runs
      .filter((r) => r.length > 0)
      .map((r) => Float64Array.from(t, (_, j) => (r[j * m + i]! - centre) * scale));
    const law = Array.from(t, (tv) => spec.law(params, tv));
    const T = num(params, 'T');
    const at = ht ?? T;
    const j = Math.max(0, Math.min(t.length - 1, Math.round((at / T) * (t.length - 1))));
    const values = runs.map((r) => r[j]!).filter(Number.isFinite);
    const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    const variance =
      values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1);
    return { t, runs, law, j, tAt: t[j]!, values, mean, variance, lawAt: law[j] ?? null };
  }, [spec, ensemble, params, ht]);

  const pathsWidth = Math.max(200, Math.floor(size.width * 0.62));
  const histWidth = Math.max(150, size.width - pathsWidth);
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
        xLabel: `at t = ${fmt(data.tAt)}`,
        yLabel: 'runs',
      },
    );
  }, [spec, data, size, pathsWidth, histWidth, store]);

  if (!spec) return null;
  const total = ensemble?.runs.length ?? 0;
  const done = ensemble?.reached.filter((r) => r >= (ensemble?.t.length ?? 1)).length ?? 0;
  const law = data?.lawAt;
  const stats = data
    ? `${data.values.length} runs at t = ${fmt(data.tAt)}: mean ${fmt(data.mean)}, variance ${fmt(data.variance)}` +
      (law
        ? ` · law: mean ${fmt(law.mean)}, variance ${fmt(law.sd * law.sd)}`
        : ' · no diffusive-limit law here (the model gives none for this state)')
    : 'computing…';
  const svgText = () => {
    if (!pathsRef.current || !histRef.current) return null;
    const s = store.getState();
    const decor = { caption: '', legend: [] };
    const left = standaloneSvg(pathsRef.current, {
      ...decor,
      title: `${spec.label} of ${total} SGD runs against t; band: ${spec.lawNote}`,
    });
    const right = standaloneSvg(histRef.current, {
      ...decor,
      title: `Histogram at t = ${fmt(data?.tAt ?? 0)}`,
    });
    return sideBySide([left, right], `${captionOf(s.model, s.params, total)} · ${stats}`);
  };
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
      exports={{
        ...imageExports(`macroscope-${model.id}-fluctuation`, svgText),
        csv: () => {
          if (!data) return;
          const rows = [`t,law_mean,law_sd,${data.runs.map((_, r) => `run${r}`).join(',')}`];
          data.t.forEach((t, j) => {
            const l = data.law[j];
            rows.push(
              `${t},${l?.mean ?? ''},${l?.sd ?? ''},${data.runs.map((r) => r[j]).join(',')}`,
            );
          });
          download(`macroscope-${model.id}-fluctuation.csv`, rows.join('\n') + '\n', 'text/csv');
        },
        json: () => {
          if (!data) return;
          download(
            `macroscope-${model.id}-fluctuation.json`,
            JSON.stringify({
              series: spec.series,
              label: spec.label,
              law: spec.lawNote,
              t: Array.from(data.t),
              runs: data.runs.map((r) => Array.from(r)),
              lawMean: data.law.map((l) => l?.mean ?? null),
              lawSd: data.law.map((l) => l?.sd ?? null),
            }),
            'application/json',
          );
        },
      }}
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
