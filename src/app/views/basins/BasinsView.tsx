/**
 * The basins view (the basins ViewSpec; the GMM's Figs. 6–7): the end points at T of the
 * ensemble's runs (random initialisations, one per stream) on the model's (x, y) plane, SGD as
 * dots and the ODE from each run's measured start as circles, coloured by basin
 * (theory.basinOf). A table gives each basin's fraction with its binomial standard error, for
 * SGD and ODE, beside the theory's prediction.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { basinFractions } from '../../../core/basins';
import { viewSpec } from '../../../core/model';
import { captionOf } from '../../caption';
import { RunsPicker } from '../../components/RunsPicker';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import { download, imageExports, standaloneSvg } from '../../exportImage';
import { formatSeries } from '../../format';
import { useSize } from '../../useSize';
import { basinColor, type BasinPoint, drawBasins } from './chart';

const pct = (f: number) => `${(100 * f).toFixed(1)} %`;

export function BasinsView({ store, maximised, onMaximise }: ViewProps) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const ensemble = useStore(store, (s) => s.ensemble);
  const spec = viewSpec(model, 'basins');
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 400, height: 300 });

  const data = useMemo(() => {
    if (!spec || !ensemble || ensemble.names.length === 0) return null;
    const names = model.stateNames(params);
    const m = ensemble.names.length;
    const last = ensemble.t.length - 1;
    const classify = (x: Float64Array) =>
      x.some((v) => !Number.isFinite(v)) ? null : (model.theory?.basinOf?.(params, x) ?? null);
    const sgdFinals = ensemble.runs
      .filter((r, k) => r.length > 0 && ensemble.reached[k]! > last)
      .map((r) => r.slice(last * m, last * m + names.length));
    const odeFinals = ensemble.odeFinals ?? [];
    const sgdLabels = sgdFinals.map(classify);
    const odeLabels = odeFinals.map(classify);
    const ix = names.indexOf(spec.x);
    const iy = names.indexOf(spec.y);
    const points: BasinPoint[] = [
      ...odeFinals.map((x, k) => ({
        x: x[ix]!,
        y: x[iy]!,
        label: odeLabels[k]!,
        kind: 'ode' as const,
      })),
      ...sgdFinals.map((x, k) => ({
        x: x[ix]!,
        y: x[iy]!,
        label: sgdLabels[k]!,
        kind: 'sgd' as const,
      })),
    ];
    const expected = spec.expected?.(params) ?? [];
    const sgd = basinFractions(sgdLabels);
    const ode = basinFractions(odeLabels);
    const labels = [
      ...new Set([
        ...expected.map((e) => e.label),
        ...sgd.map((c) => c.label),
        ...ode.map((c) => c.label),
      ]),
    ];
    return { points, labels, sgd, ode, expected, runs: sgdFinals.length };
  }, [spec, ensemble, model, params]);

  useEffect(() => {
    if (!spec || !data || !svgRef.current) return;
    drawBasins(svgRef.current, data, {
      ...size,
      margin: { top: 12, right: 12, bottom: 46, left: 56 },
      xLabel: formatSeries(spec.x),
      yLabel: formatSeries(spec.y),
    });
  }, [spec, data, size]);

  if (!spec) return null;
  const total = ensemble?.runs.length ?? 0;
  const finished = data?.runs ?? 0;
  const color = basinColor(data?.labels ?? []);
  const rows = (data?.labels ?? []).map((label) => {
    const s = data!.sgd.find((c) => c.label === label);
    const o = data!.ode.find((c) => c.label === label);
    const e = data!.expected.find((c) => c.label === label);
    return { label, s, o, e };
  });
  const svgText = () => {
    if (!svgRef.current || !data) return null;
    const s = store.getState();
    return standaloneSvg(svgRef.current, {
      title: `End points at t = ${String(params['T'])} of ${finished} random initialisations`,
      caption: `${captionOf(s.model, s.params, finished)} · ${rows
        .map(
          (r) =>
            `${r.label}: SGD ${r.s ? pct(r.s.fraction) : '–'}${r.e ? ` (theory ${pct(r.e.fraction)})` : ''}`,
        )
        .join('; ')}`,
      legend: [
        ...data.labels.map((l) => ({ label: l, color: color(l), dot: true })),
        { label: 'ODE from the same start (circles)', color: '#333' },
      ],
    });
  };
  return (
    <ViewFrame
      id="basins"
      failures={{ store, jobs: ['ensemble'] }}
      title="Basins"
      note={
        <span>
          {ensemble?.status === 'running'
            ? `${finished}/${total} runs done`
            : `${finished} runs · dots: SGD · ${
                spec.skipOde?.(params)
                  ? `no ODE circles: ${spec.skipOde(params)}`
                  : "circles: ODE from each run's start"
              }`}
        </span>
      }
      maximised={maximised}
      onMaximise={onMaximise}
      tools={<RunsPicker store={store} defaultRuns={spec.runs} />}
      exports={{
        ...imageExports(`macroscope-${model.id}-basins`, svgText),
        csv: () => {
          if (!data) return;
          const lines = ['kind,x,y,basin'];
          for (const p of data.points) lines.push(`${p.kind},${p.x},${p.y},${p.label ?? ''}`);
          download(`macroscope-${model.id}-basins.csv`, lines.join('\n') + '\n', 'text/csv');
        },
        json: () => {
          if (!data) return;
          download(
            `macroscope-${model.id}-basins.json`,
            JSON.stringify({
              x: spec.x,
              y: spec.y,
              sgd: data.sgd,
              ode: data.ode,
              expected: data.expected,
              points: data.points,
            }),
            'application/json',
          );
        },
      }}
    >
      <div className="basins-body">
        <div className="chart-box" ref={boxRef}>
          <svg ref={svgRef} className="chart" role="img" aria-label="End points of the runs" />
        </div>
        <table className="basin-table" aria-label="Fraction of runs per basin">
          <thead>
            <tr>
              <th>basin</th>
              <th>SGD</th>
              <th>ODE</th>
              <th>theory</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <td>
                  <span className="swatch" style={{ background: color(r.label) }} />
                  {r.label}
                </td>
                <td>{r.s ? `${pct(r.s.fraction)} ± ${pct(r.s.stderr)}` : '–'}</td>
                <td>{r.o ? pct(r.o.fraction) : '–'}</td>
                <td>{r.e ? pct(r.e.fraction) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ViewFrame>
  );
}
