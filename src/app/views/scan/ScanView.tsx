/**
 * The 1-parameter scan view (the VAE's Fig. 2, settled ε_g against β; its Fig. 3, convergence
 * time against γ): the spec's measure against one parameter, dots coloured by phase, the paper's
 * marked values as rules, a reference as a horizontal rule and the current parameter value as a
 * cursor. A picker chooses among the model's scans (URL key sc). Computed in the analysis pool.
 */
import { type RefObject, useEffect, useRef } from 'react';
import { useStore } from 'zustand';

import { scansOf, type ScanSpec } from '../../../core/model';
import { num } from '../../../core/params';
import { plainText } from '../../../core/typeset';
import type { ScanResult } from '../../../workers/protocol';
import { captionOf } from '../../caption';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import { download, imageExports, standaloneSvg } from '../../exportImage';
import { axisSymbol, formatSeries } from '../../format';
import type { AppStore } from '../../store';
import { useSize } from '../../useSize';
import { drawScan } from './chart';

/** The y-axis label of a scan: what its measure is. */
export function scanMeasureLabel(spec: ScanSpec): string {
  const m = spec.measure ?? { kind: 'settled' };
  if (m.kind === 'settled') return `settled ${formatSeries(spec.series)}`;
  if (m.kind === 'leadingEigenvalue')
    return m.per === undefined ? 'max Re λ of the Jacobian' : `max Re λ / ${m.per}`;
  return `time to ${formatSeries(spec.series)}* ± ${m.tolerance}`;
}

export function ScanView({ store, maximised, onMaximise }: ViewProps) {
  const model = useStore(store, (s) => s.model);
  const scan = useStore(store, (s) => s.scan);
  const sc = useStore(store, (s) => s.scanId);
  const specs = scansOf(model);
  const index = Math.max(
    0,
    specs.findIndex((s, k) => (s.id ?? String(k)) === sc),
  );
  const spec = specs[index];
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 400, height: 300 });
  useScanChart(store, svgRef, spec, size);

  if (!spec) return null;
  const symbolOf = (key: string) => axisSymbol(model, key);
  const title = spec.title ?? `${scanMeasureLabel(spec)} against ${symbolOf(spec.x)}`;
  const fixedNote = Object.entries(spec.fixed ?? {})
    .map(([k, v]) => `${symbolOf(k)} = ${v}`)
    .join(', ');
  const svgText = () => {
    const s = store.getState();
    return svgRef.current
      ? standaloneSvg(svgRef.current, {
          title,
          caption: captionOf(s.model, s.params, s.runs),
          legend: (model.theory?.phases ?? [])
            .filter((p) => scan?.labels.includes(p.id))
            .map((p) => ({ label: p.label, color: p.color, dot: true })),
        })
      : null;
  };
  const name = `macroscope-${model.id}-scan-${spec.id ?? index}`;
  return (
    <ViewFrame
      id="scan"
      failures={{ store, jobs: ['scan'] }}
      title={specs.length > 1 ? 'Scans' : title}
      note={
        scan
          ? `ODE at ${scan.values.length} values${fixedNote ? `, with ${fixedNote}` : ''}`
          : 'computing…'
      }
      maximised={maximised}
      onMaximise={onMaximise}
      tools={
        specs.length > 1 ? (
          <ScanPicker store={store} specs={specs} value={spec.id ?? String(index)} />
        ) : null
      }
      exports={{
        ...imageExports(name, svgText),
        csv: () => {
          if (scan) download(`${name}.csv`, scanCsv(scan, spec), 'text/csv');
        },
        json: () => {
          if (!scan) return;
          const json = {
            scan: spec.id ?? index,
            x: spec.x,
            ...scan,
            final: Array.from(scan.final),
          };
          download(`${name}.json`, JSON.stringify(json), 'application/json');
        },
      }}
    >
      <div className="chart-box" ref={boxRef}>
        <svg ref={svgRef} className="chart" role="img" aria-label={title} />
      </div>
    </ViewFrame>
  );
}

/** Draws the scan whenever its result, spec, parameters or size change. */
function useScanChart(
  store: AppStore,
  svgRef: RefObject<SVGSVGElement | null>,
  spec: ScanSpec | undefined,
  size: { width: number; height: number },
) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const scan = useStore(store, (s) => s.scan);
  useEffect(() => {
    if (!svgRef.current || !spec || !scan) return;
    const at = typeof params[spec.x] === 'number' ? num(params, spec.x) : null;
    drawScan(
      svgRef.current,
      {
        x: scan.values,
        y: scan.measured,
        labels: scan.labels,
        phases: model.theory?.phases ?? [],
        marks: model.theory?.scanMarks?.(params, spec.x) ?? [],
        current: at,
        currentLabel:
          at === null
            ? undefined
            : `${plainText(axisSymbol(model, spec.x))} = ${Number(at.toPrecision(4))} now`,
        reference:
          spec.reference && scan.reference !== null
            ? { label: spec.reference.label, y: scan.reference }
            : null,
      },
      {
        ...size,
        margin: { top: 14, right: 16, bottom: 46, left: 60 },
        xLabel: axisSymbol(model, spec.x),
        yLabel: scanMeasureLabel(spec),
        logX: spec.scale === 'log',
        // Convergence times span decades (∝ 1/γ for slow annealing): log-log, like Fig. 3.
        logY: spec.measure?.kind === 'convergenceTime',
      },
    );
  }, [scan, spec, params, size, model, svgRef]);
}

/** The picker among a model's scans (URL key sc). */
function ScanPicker({
  store,
  specs,
  value,
}: {
  store: AppStore;
  specs: readonly ScanSpec[];
  value: string;
}) {
  const model = useStore(store, (s) => s.model);
  return (
    <select
      aria-label="Scan"
      value={value}
      onChange={(e) => store.getState().setView({ scanId: e.target.value })}
    >
      {specs.map((s, k) => (
        <option key={s.id ?? k} value={s.id ?? String(k)}>
          {s.title ?? `${scanMeasureLabel(s)} against ${axisSymbol(model, s.x)}`}
        </option>
      ))}
    </select>
  );
}

/** The scan as CSV: one row per value (final state, measure, phase), then the reference. */
export function scanCsv(scan: ScanResult, spec: ScanSpec): string {
  const m = scan.names.length;
  const rows = [`${spec.x},${scan.names.join(',')},measure,phase`];
  scan.values.forEach((v, k) => {
    const row = Array.from(scan.final.subarray(k * m, (k + 1) * m));
    rows.push(`${v},${row.join(',')},${scan.measured[k]},${scan.labels[k] ?? ''}`);
  });
  if (scan.reference !== null)
    rows.push(`# reference (${spec.reference?.label}): ${scan.reference}`);
  return rows.join('\n') + '\n';
}
