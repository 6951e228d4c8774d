/**
 * The rate view (the rate ViewSpec; the contrastive model's Fig. 2(b)): the right-hand side of a
 * 1-D ODE against its state, computed in an analysis worker at every change, so it moves live
 * with the sliders. Zeros are the fixed points, the slope there their stability.
 */
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';

import { viewSpec, type ViewSpecOf } from '../../../core/model';
import type { RateCurve } from '../../../core/rate';
import { captionOf } from '../../caption';
import { seriesStyle } from '../../charts/style';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import { download, imageExports, standaloneSvg } from '../../exportImage';
import { formatSeries } from '../../format';
import { useSize } from '../../useSize';
import { drawRate } from './chart';

export type RateRequest = (modelQuery: string) => Promise<RateCurve | null>;

export function RateView({
  store,
  maximised,
  onMaximise,
  requestRate,
}: ViewProps & { requestRate: RateRequest }) {
  const model = useStore(store, (s) => s.model);
  const modelQuery = useStore(store, (s) => s.modelQuery);
  const ode = useStore(store, (s) => s.ode);
  const spec = viewSpec(model, 'rate');
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 400, height: 300 });
  const curve = useRateCurve(spec !== undefined, modelQuery, requestRate);
  const result = ode.kind === 'done' || ode.kind === 'diverged' ? ode.result : null;
  useRateChart(svgRef, spec, curve, result, size);

  if (!spec) return null;
  const zerosNote = curve
    ? curve.zeros
        .map((z) => `${z.stable ? '●' : '○'} ${formatSeries(spec.x)} = ${z.x.toPrecision(3)}`)
        .join(' · ') || 'no zero in range'
    : 'computing…';
  const svgText = () => {
    if (!svgRef.current) return null;
    const s = store.getState();
    return standaloneSvg(svgRef.current, {
      title: `${spec.label} against ${formatSeries(spec.x)}`,
      caption: `${captionOf(s.model, s.params, s.runs)} · fixed points: ${zerosNote}`,
      legend: [{ label: 'ODE right-hand side', color: seriesStyle(spec.x).color }],
    });
  };
  return (
    <ViewFrame
      id="rate"
      failures={{ store, jobs: ['rate'] }}
      title="Rate"
      note={<span>{zerosNote} (● stable ○ unstable)</span>}
      maximised={maximised}
      onMaximise={onMaximise}
      exports={{
        ...imageExports(`macroscope-${model.id}-rate`, svgText),
        csv: () => {
          if (!curve) return;
          const rows = [`${spec.x},h`];
          curve.x.forEach((v, k) => rows.push(`${v},${curve.y[k]}`));
          download(`macroscope-${model.id}-rate.csv`, rows.join('\n') + '\n', 'text/csv');
        },
        json: () => {
          if (!curve) return;
          download(
            `macroscope-${model.id}-rate.json`,
            JSON.stringify({ x: Array.from(curve.x), h: Array.from(curve.y), zeros: curve.zeros }),
            'application/json',
          );
        },
      }}
    >
      <div className="chart-box" ref={boxRef}>
        <svg ref={svgRef} className="chart" role="img" aria-label={spec.label} />
      </div>
    </ViewFrame>
  );
}

/** The right-hand side h along the spec's axis, from a worker, for the model's state. */
function useRateCurve(
  shown: boolean,
  modelQuery: string,
  requestRate: RateRequest,
): RateCurve | null {
  const [curve, setCurve] = useState<RateCurve | null>(null);
  useEffect(() => {
    if (!shown) return;
    let live = true;
    void requestRate(modelQuery).then((c) => {
      if (live && c) setCurve(c);
    });
    return () => {
      live = false;
    };
  }, [modelQuery, shown, requestRate]);
  return curve;
}

/** Draws h with its zeros, and the ODE run's start and end on the axis. */
function useRateChart(
  svgRef: RefObject<SVGSVGElement | null>,
  spec: ViewSpecOf<'rate'> | undefined,
  curve: RateCurve | null,
  result: { names: string[]; t: Float64Array; y: Float64Array } | null,
  size: { width: number; height: number },
) {
  useEffect(() => {
    if (!spec || !curve || !svgRef.current) return;
    const i = result ? result.names.indexOf(spec.x) : -1;
    const m = result?.names.length ?? 0;
    const rows = result?.t.length ?? 0;
    drawRate(
      svgRef.current,
      {
        x: curve.x,
        y: curve.y,
        zeros: curve.zeros,
        start: i >= 0 && rows > 0 ? result!.y[i]! : null,
        end: i >= 0 && rows > 0 ? result!.y[(rows - 1) * m + i]! : null,
        color: seriesStyle(spec.x).color,
      },
      {
        ...size,
        margin: { top: 14, right: 16, bottom: 48, left: 64 },
        xLabel: formatSeries(spec.x),
        yLabel: spec.label,
      },
    );
  }, [spec, curve, result, size, svgRef]);
}
