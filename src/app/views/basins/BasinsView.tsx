/**
 * The basins view (the basins ViewSpec; the GMM's Figs. 6–7): the end points at T of the
 * ensemble's runs (random initialisations, one per stream) on the model's (x, y) plane, SGD as
 * dots and the ODE from each run's measured start as circles, coloured by basin
 * (theory.basinOf). A table gives each basin's fraction with its binomial standard error, for
 * SGD and ODE, beside the theory's prediction; a cell without a number says why on hover.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { viewSpec } from '../../../core/model';
import { RunsPicker } from '../../components/RunsPicker';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import { formatSeries } from '../../format';
import { useSize } from '../../useSize';
import { basinColor, drawBasins } from './chart';
import { type BasinCell, basinRow, basinsData } from './data';
import { basinsExports } from './exports';

export function BasinsView({ store, maximised, onMaximise }: ViewProps) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const ensemble = useStore(store, (s) => s.ensemble);
  const spec = viewSpec(model, 'basins');
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 400, height: 300 });
  const data = useMemo(
    () => (spec ? basinsData(model, params, spec, ensemble) : null),
    [spec, ensemble, model, params],
  );
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
  const running = ensemble?.status === 'running';
  const odeSkipped = spec.skipOde?.(params) ?? null;
  const rows = data ? data.labels.map((label) => basinRow(data, label, { odeSkipped })) : [];
  return (
    <ViewFrame
      id="basins"
      failures={{ store, jobs: ['ensemble'] }}
      title="Basins"
      note={
        <span>
          {running
            ? `${finished}/${total} runs done`
            : `${finished} runs · dots: SGD · ${
                odeSkipped ? `no ODE circles: ${odeSkipped}` : "circles: ODE from each run's start"
              }`}
        </span>
      }
      maximised={maximised}
      onMaximise={onMaximise}
      tools={<RunsPicker store={store} defaultRuns={spec.runs} />}
      exports={basinsExports(store, spec, data, () => svgRef.current)}
    >
      <div className="basins-body">
        <div className="chart-box" ref={boxRef}>
          <svg ref={svgRef} className="chart" role="img" aria-label="End points of the runs" />
        </div>
        <BasinTable rows={rows} color={basinColor(data?.labels ?? [])} />
      </div>
    </ViewFrame>
  );
}

function Cell({ cell }: { cell: BasinCell }) {
  return <td title={cell.why}>{cell.text}</td>;
}

function BasinTable(props: {
  rows: ReturnType<typeof basinRow>[];
  color: (label: string | null) => string;
}) {
  return (
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
        {props.rows.map((r) => (
          <tr key={r.label}>
            <td>
              <span className="swatch" style={{ background: props.color(r.label) }} />
              {r.label}
            </td>
            <Cell cell={r.sgd} />
            <Cell cell={r.ode} />
            <Cell cell={r.theory} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
