/**
 * The bifurcation view (issue 15; docs/continuation.md): an order parameter, or the leading
 * eigenvalue's real part, against a parameter or derived axis, by continuation from the fixed
 * points of the state. Stable branches solid, unstable dashed, special points named with their
 * eigenvalues on hover; the current parameter is the vertical rule and the SGD ensemble's
 * late-time mean ± std sits on it. A click moves the parameter there (sliders, curves and SGD
 * follow). Pickers choose the axis and y (URL keys ba, by).
 */
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { setAxis } from '../../../core/analysis';
import { axisValue } from '../../../core/continuation/equilibria';
import { plainText } from '../../../core/typeset';
import { stateNamesOrNone } from '../../appKeys';
import { captionOf } from '../../caption';
import { NEUTRAL_COLOR, seriesStyle } from '../../charts/style';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import { download, imageExports, standaloneSvg } from '../../exportImage';
import { axisSymbol, formatSeries } from '../../format';
import type { AppStore } from '../../store';
import { useSize } from '../../useSize';
import { bifurcationAxis, bifurcationY, continuableAxes, LEADING, rangeAround } from './axes';
import { drawBifurcation } from './chart';
import { bifurcationPicture, lateTime, SPECIAL_NAMES } from './data';

export function BifurcationView({ store, maximised, onMaximise }: ViewProps) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const urlAxis = useStore(store, (s) => s.bifurcationAxis);
  const urlY = useStore(store, (s) => s.bifurcationY);
  const state = useStore(store, (s) => s.bifurcation);
  const summary = useStore(store, (s) => s.sgd.summary);
  const names = useMemo(() => stateNamesOrNone(model, params), [model, params]);
  const axis = bifurcationAxis(model, params, urlAxis);
  const y = bifurcationY(model, names, urlY);
  const current = axis ? axisValue(model, params, axis.param) : null;
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 480, height: 320 });
  const picture = useMemo(
    () => (state?.diagram ? bifurcationPicture(state.diagram, y) : null),
    [state, y],
  );
  const yLabel = y === LEADING ? 'Re λₘₐₓ' : formatSeries(y);
  const xLabel = axis ? axisSymbol(model, axis.param) : '';
  const color = y === LEADING ? NEUTRAL_COLOR : seriesStyle(y, names).color;

  const sgd = useMemo(() => (summary ? lateTime(summary, y) : null), [summary, y]);

  useBifurcationChart(store, svgRef, { picture, current, sgd, color, size, xLabel, yLabel });

  if (!axis) return null;
  const specialNote = picture
    ? [
        ...new Set(picture.special.map((s) => `${SPECIAL_NAMES[s.kind]} ${s.p.toPrecision(4)}`)),
      ].join(' · ') || 'no special point in range'
    : '';
  const note =
    !state || state.status === 'running'
      ? 'computing…'
      : `${xLabel} ∈ [${state.range[0]}, ${state.range[1]}] · ${specialNote}`;
  const svgText = () =>
    svgRef.current
      ? standaloneSvg(svgRef.current, {
          title: `${yLabel} against ${xLabel}`,
          caption: `${captionOf(model, params, store.getState().runs)} · ${note}`,
          legend: [{ label: 'stable ⎯⎯  unstable - - -', color }],
        })
      : null;
  const stem = `macroscope-${model.id}-bifurcation`;
  return (
    <ViewFrame
      id="bifurcation"
      failures={{ store, jobs: ['bifurcation'] }}
      title="Bifurcation"
      note={note}
      maximised={maximised}
      onMaximise={onMaximise}
      tools={<BifurcationPickers store={store} axis={axis.param} y={y} names={names} />}
      exports={{
        ...imageExports(stem, svgText),
        csv: () => {
          if (picture) download(`${stem}.csv`, bifurcationCsv(picture), 'text/csv');
        },
        json: () => {
          if (state?.diagram)
            download(`${stem}.json`, JSON.stringify(state.diagram), 'application/json');
        },
      }}
    >
      <div className="chart-box" ref={boxRef}>
        <svg ref={svgRef} className="chart" role="img" aria-label="Bifurcation diagram" />
      </div>
    </ViewFrame>
  );
}

type Picture = ReturnType<typeof bifurcationPicture>;

/** Draws the diagram whenever its picture, the current value, the SGD or the size change. */
function useBifurcationChart(
  store: AppStore,
  svgRef: RefObject<SVGSVGElement | null>,
  drawn: {
    picture: Picture | null;
    current: number | null;
    sgd: ReturnType<typeof lateTime> | null;
    color: string;
    size: { width: number; height: number };
    xLabel: string;
    yLabel: string;
  },
) {
  const state = useStore(store, (s) => s.bifurcation);
  const { picture, current, sgd, color, size, xLabel, yLabel } = drawn;
  useEffect(() => {
    if (!svgRef.current || !picture || !state) return;
    drawBifurcation(
      svgRef.current,
      {
        picture,
        color,
        range: state.range,
        current: current !== null && Number.isFinite(current) ? current : null,
        sgd,
      },
      {
        ...size,
        margin: { top: 14, right: 16, bottom: 48, left: 64 },
        xLabel,
        yLabel,
        onPick(value) {
          // A click moves the continued parameter there (sliders, curves and SGD follow).
          const s = store.getState();
          const p = { ...s.params };
          setAxis(s.model, p, state.axis, Number(value.toPrecision(6)));
          s.setParams(p);
        },
      },
    );
  }, [picture, state, current, sgd, color, size, xLabel, yLabel, store, svgRef]);
}

/** The continued parameter's and the plotted quantity's pickers (URL keys ba, by). */
function BifurcationPickers(props: {
  store: AppStore;
  axis: string;
  y: string;
  names: readonly string[];
}) {
  const { store, axis, y, names } = props;
  const model = useStore(store, (s) => s.model);
  const setAxisKey = (param: string) => {
    const s = store.getState();
    const v = axisValue(model, s.params, param);
    const [from, to] = rangeAround(model, param, Number.isFinite(v) ? v : 1);
    s.setView({ bifurcationAxis: { param, from, to } });
  };
  return (
    <>
      <select
        aria-label="Continued parameter"
        value={axis}
        onChange={(e) => setAxisKey(e.target.value)}
      >
        {continuableAxes(model).map((k) => (
          <option key={k} value={k}>
            {plainText(axisSymbol(model, k))}
          </option>
        ))}
      </select>
      <select
        aria-label="Plotted quantity"
        value={y}
        onChange={(e) => store.getState().setView({ bifurcationY: e.target.value })}
      >
        {names.map((n) => (
          <option key={n} value={n}>
            {formatSeries(n)}
          </option>
        ))}
        <option value={LEADING}>leading eigenvalue (Re)</option>
      </select>
    </>
  );
}

/** The diagram's branches as CSV: one row per point (branch, stable, p, y). */
export function bifurcationCsv(picture: Picture): string {
  const rows = ['branch,stable,p,y'];
  for (const r of picture.runs)
    for (const [p, v] of r.points) rows.push(`${r.branch},${r.stable ? 1 : 0},${p},${v}`);
  return rows.join('\n') + '\n';
}
