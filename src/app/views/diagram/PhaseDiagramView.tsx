/**
 * The phase-diagram view: two axes (parameters or derived axes such as α = τ̃/τ), cells filled
 * coarse-to-fine by the analysis worker, the model's analytic boundaries and marked points,
 * and the current parameters as a cross. Clicking a cell moves the parameters there.
 */
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';

import { axisValue } from '../../../core/continuation/problem';
import { plainText } from '../../../core/typeset';
import { captionOf } from '../../caption';
import { ViewFrame } from '../../components/ViewFrame';
import { download, imageExports, standaloneSvg } from '../../exportImage';
import { dotsFirst } from '../../runs/priority';
import { type AppState, type AppStore, diagramAxes } from '../../store';
import { useSize } from '../../useSize';
import { diagramKey } from './axes';
import { type DiagramFrame, drawDiagram, moveDiagramCurrent } from './chart';
import { AxisPick, DiagramProgress, PhaseLegend, RangeInputs } from './controls';
import { DiagramKey, exportLegend, OutsideNotice } from './DiagramKey';
import { axisLabel, diagramCsv, diagramJson, diagramNote, outsideNotice, paramsAt } from './plane';

export function PhaseDiagramView({
  store,
  maximised,
  onMaximise,
  onCancel,
  onRestart,
}: {
  store: AppStore;
  maximised: boolean;
  onMaximise(): void;
  onCancel(): void;
  onRestart(): void;
}) {
  const model = useStore(store, (s) => s.model);
  const diagram = useStore(store, (s) => s.diagram);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useSize(boxRef, { width: 400, height: 300 });
  const chart = useDiagramChart(store, svgRef, size);
  const curves = useStore(store, (s) => s.diagramCurves);
  const waitingForDots = useStore(store, (s) => dotsFirst(s, 'diagram'));
  const theory = model.theory;
  if (!theory || !chart) return null;
  const { axes, boundaries, marks, current } = chart;
  const phases = theory.phases ?? [];
  const outside = current ? outsideNotice(model, axes, current) : null;
  const exportsOf = diagramExports(store, svgRef, { axes, boundaries, marks });
  return (
    <ViewFrame
      id="diagram"
      failures={{ store, jobs: ['diagram', 'diagramCurves'] }}
      title="Phase diagram"
      note={diagramNote(model, diagram)}
      maximised={maximised}
      onMaximise={onMaximise}
      exports={exportsOf}
      tools={
        <>
          <AxisPick store={store} which="dx" current={axes.x.param} />
          <AxisPick store={store} which="dy" current={axes.y.param} />
        </>
      }
    >
      <div className="diagram-controls">
        <RangeInputs store={store} which="dx" axis={axes.x} />
        <RangeInputs store={store} which="dy" axis={axes.y} />
        <DiagramProgress store={store} onCancel={onCancel} onRestart={onRestart} />
      </div>
      <PhaseLegend phases={phases} />
      <DiagramKey
        curves={curves}
        boundaries={boundaries}
        marks={marks}
        outside={outside}
        waiting={waitingForDots}
      />
      <div className="chart-box" ref={boxRef}>
        <svg ref={svgRef} className="chart" role="img" aria-label="Phase diagram" />
        <OutsideNotice outside={outside} />
      </div>
    </ViewFrame>
  );
}

/**
 * Draws the cells, boundaries, continuation curves, marks and the current point; returns the
 * diagram's axes and what the key lists.
 */
function useDiagramChart(
  store: AppStore,
  svgRef: RefObject<SVGSVGElement | null>,
  size: { width: number; height: number },
) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const diagram = useStore(store, (s) => s.diagram);
  const dx = useStore(store, (s) => s.diagramX);
  const dy = useStore(store, (s) => s.diagramY);
  const curves = useStore(store, (s) => s.diagramCurves);
  const axes = useMemo(() => diagramAxes(model, { diagramX: dx, diagramY: dy }), [model, dx, dy]);
  // The boundaries and marks depend on the state without the diagram's axes (the cells' key):
  // a slider on an axis moves only the current point (moveDiagramCurrent).
  const key = axes ? diagramKey(model, params, axes.x, axes.y, 0) : null;
  const drawn = useMemo(() => {
    const theory = model.theory;
    if (!axes || !theory || key === null) return null;
    const [x, y] = [axes.x.param, axes.y.param];
    const p = paramsOf(store, model);
    if (!p) return null;
    return {
      boundaries: theory.boundaries?.(p, x, y, [axes.x.from, axes.x.to]) ?? [],
      marks: theory.marks?.(p, x, y) ?? [],
    };
  }, [model, key, axes, store]);
  const current = useMemo(
    () =>
      axes
        ? ([axisValue(model, params, axes.x.param), axisValue(model, params, axes.y.param)] as [
            number,
            number,
          ])
        : null,
    [model, params, axes],
  );
  const frameRef = useRef<DiagramFrame | null>(null);
  useEffect(() => {
    const theory = model.theory;
    if (!svgRef.current || !axes || !theory || !drawn) return;
    const [x, y] = [axes.x.param, axes.y.param];
    const p = paramsOf(store, model);
    if (!p) return;
    frameRef.current = drawDiagram(
      svgRef.current,
      {
        n: diagram?.n ?? 1,
        xRange: [axes.x.from, axes.x.to],
        yRange: [axes.y.from, axes.y.to],
        cells: diagram?.cells ?? [],
        phases: theory.phases ?? [],
        boundaries: drawn.boundaries,
        marks: drawn.marks,
        curves: curves?.curves ?? [],
        current: [axisValue(model, p, x), axisValue(model, p, y)],
      },
      {
        ...size,
        margin: { top: 12, right: 14, bottom: 46, left: 56 },
        xLabel: axisLabel(model, x),
        yLabel: axisLabel(model, y),
      },
      (xv, yv) =>
        store.getState().setParams(paramsAt(model, store.getState().params, { x, y }, [xv, yv])),
    );
    // Redraw when the cells, the curves, the boundaries, the axes or the size change.
  }, [diagram, curves, drawn, axes, size, model, store, svgRef]);
  useEffect(() => {
    if (frameRef.current) moveDiagramCurrent(frameRef.current, current);
  }, [current]);
  const lines = drawn && current ? { ...drawn, current } : null;
  return axes && lines ? { axes, ...lines } : null;
}

/**
 * The store's parameters, read when the diagram draws (so that a slider on an axis only moves the
 * current point), or null once the store holds another model: a link or a history step that
 * switches models can change the store between this view's render and its effect, and the old
 * model's derived axis read the new model's parameters ("parameter tau is not a number" from
 * the GAN's α = τ̃/τ on a GMM state, found by the browser fuzz under load).
 */
function paramsOf(store: AppStore, model: AppState['model']): AppState['params'] | null {
  const s = store.getState();
  return s.model === model ? s.params : null;
}

/** The diagram's exports: the picture with its legend and caption, its cells as CSV and JSON. */
function diagramExports(
  store: AppStore,
  svgRef: RefObject<SVGSVGElement | null>,
  chart: Pick<NonNullable<ReturnType<typeof useDiagramChart>>, 'axes' | 'boundaries' | 'marks'>,
) {
  const s = store.getState();
  const model = s.model;
  const { axes, boundaries, marks } = chart;
  const exportSvg = () => {
    if (!svgRef.current) return null;
    const now = store.getState();
    return standaloneSvg(svgRef.current, {
      title: plainText(
        `Phase diagram in (${axisLabel(model, axes.x.param)}, ${axisLabel(model, axes.y.param)})`,
      ),
      caption: captionOf(now.model, now.params, now.runs),
      legend: exportLegend(
        model.theory?.phases ?? [],
        now.diagramCurves,
        boundaries,
        marks,
        now.diagram && {
          n: now.diagram.n,
          xRange: [now.diagram.x.from, now.diagram.x.to],
          yRange: [now.diagram.y.from, now.diagram.y.to],
          cells: now.diagram.cells,
        },
      ),
    });
  };
  const name = `macroscope-${model.id}-diagram`;
  return {
    ...imageExports(name, exportSvg),
    csv: () => {
      const diagram = store.getState().diagram;
      if (diagram) download(`${name}.csv`, diagramCsv(diagram), 'text/csv');
    },
    json: () => {
      const now = store.getState();
      if (!now.diagram) return;
      const meta = { model: now.model.id, state: now.query, params: now.params };
      download(`${name}.json`, diagramJson(meta, now.diagram), 'application/json');
    },
  };
}
