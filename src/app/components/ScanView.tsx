/**
 * The 1-parameter scan view (the VAE's Fig. 2): the settled value of the model's scan series
 * against one parameter, dots coloured by phase, the paper's marked values as rules, and the
 * current parameter value as a cursor. Computed in an analysis worker.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';

import { num } from '../../core/params';
import { captionOf } from '../caption';
import { drawScan } from '../charts/scan';
import { download, imageExports, standaloneSvg } from '../exportImage';
import { formatSeries } from '../format';
import type { AppStore } from '../store';
import { useSize } from '../useSize';
import { ViewFrame } from './ViewFrame';

export function ScanView({
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
  const scan = useStore(store, (s) => s.scan);
  const spec = model.views.scan;
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 400, height: 300 });

  useEffect(() => {
    if (!svgRef.current || !spec || !scan) return;
    const i = scan.names.indexOf(spec.series);
    const m = scan.names.length;
    drawScan(
      svgRef.current,
      {
        x: scan.values,
        y: scan.values.map((_, k) => (i >= 0 ? scan.final[k * m + i]! : Number.NaN)),
        labels: scan.labels,
        phases: model.theory?.phases ?? [],
        marks: model.theory?.scanMarks?.(params, spec.x) ?? [],
        current: num(params, spec.x),
      },
      {
        ...size,
        margin: { top: 14, right: 16, bottom: 46, left: 60 },
        xLabel: model.params.find((p) => p.key === spec.x)?.symbol ?? spec.x,
        yLabel: `settled ${formatSeries(spec.series)}`,
      },
    );
  }, [scan, spec, params, size, model]);

  if (!spec) return null;
  const svgText = () => {
    const s = store.getState();
    return svgRef.current
      ? standaloneSvg(svgRef.current, {
          title: `Settled ${formatSeries(spec.series)} against ${spec.x}`,
          caption: captionOf(s.model, s.params, s.runs),
          legend: (model.theory?.phases ?? []).map((p) => ({
            label: p.label,
            color: p.color,
            dot: true,
          })),
        })
      : null;
  };
  return (
    <ViewFrame
      id="scan"
      title="Settled state"
      note={
        scan
          ? `${formatSeries(spec.series)} at the end of the ODE, ${scan.values.length} values`
          : 'computing…'
      }
      maximised={maximised}
      onMaximise={onMaximise}
      exports={{
        ...imageExports(`macroscope-${model.id}-scan`, svgText),
        csv: () => {
          if (!scan) return;
          const rows = [`${spec.x},${scan.names.join(',')},phase`];
          scan.values.forEach((v, k) => {
            const row = Array.from(
              scan.final.subarray(k * scan.names.length, (k + 1) * scan.names.length),
            );
            rows.push(`${v},${row.join(',')},${scan.labels[k] ?? ''}`);
          });
          download(`macroscope-${model.id}-scan.csv`, rows.join('\n') + '\n', 'text/csv');
        },
        json: () => {
          if (scan)
            download(
              `macroscope-${model.id}-scan.json`,
              JSON.stringify({ ...scan, final: Array.from(scan.final) }),
              'application/json',
            );
        },
      }}
    >
      <div className="chart-box" ref={boxRef}>
        <svg
          ref={svgRef}
          className="chart"
          role="img"
          aria-label="Settled state against a parameter"
        />
      </div>
    </ViewFrame>
  );
}
