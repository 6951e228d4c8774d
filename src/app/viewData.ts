/**
 * The data every view draws, derived from the store: the ODE and SGD tables (optionally
 * mapped through the model's derived 'cosines'), and the export helpers shared by the views.
 */
import { type DerivedSeries, type Model, viewSpec } from '../core/model';
import type { Params } from '../core/params';
import { captionOf } from './caption';
import { type SeriesTable, toCsv, toJson } from './exportData';
import { download, type ExportDecor, imageExports, standaloneSvg } from './exportImage';
import type { AppState } from './store';

/** Map a table row by row through a derived-series set. */
export function mapDerived(
  derived: DerivedSeries,
  params: Params,
  table: SeriesTable,
): SeriesTable {
  const names = derived.names(params);
  const m = table.names.length;
  const k = names.length;
  const y = new Float64Array(table.t.length * k);
  const out = new Float64Array(k);
  for (let j = 0; j < table.t.length; j++) {
    derived.compute(params, table.names, table.y.subarray(j * m, (j + 1) * m), out);
    y.set(out, j * k);
  }
  // A std of a ratio is not the ratio of stds: derived SGD series carry no band.
  return { names, t: table.t, y, std: null };
}

export function cosinesOf(model: Model, params: Params): DerivedSeries | null {
  const d = viewSpec(model, 'trajectories')?.derived?.find((x) => x.id === 'cosines');
  return d && d.available(params) ? d : null;
}

/**
 * The ODE result to show: the result, or the previous one while a new one is computed. A
 * selector: its identity survives the status going from done to running, so a slider move
 * redraws nothing until its new ODE arrives (one redraw per step, not two).
 */
export function shownOdeResult(ode: AppState['ode']): OdeResultLike | null {
  return ode.kind === 'done' || ode.kind === 'diverged'
    ? ode.result
    : ode.kind === 'running'
      ? ode.previous
      : null;
}
type OdeResultLike = Pick<SeriesTable, 'names' | 't' | 'y'>;

/** The ODE's own table, of shownOdeResult. */
export function odeTableOf(r: OdeResultLike | null): SeriesTable | null {
  return r ? { names: r.names, t: r.t, y: r.y } : null;
}

/** The ODE's own table: the result, or the previous one while a new one is computed. */
export function odeResultTable(ode: AppState['ode']): SeriesTable | null {
  return odeTableOf(shownOdeResult(ode));
}

/** The SGD's own table: the mean, and the std over runs. */
export function sgdSummaryTable(sgd: AppState['sgd']): SeriesTable | null {
  const summary = sgd.summary;
  return summary ? { names: summary.names, t: summary.t, y: summary.mean, std: summary.std } : null;
}

/**
 * The parameters a table's drawing depends on: those of the derived series when they are
 * shown (and available), else none. A view memoises on this, so that a slider move redraws
 * nothing until its new ODE arrives (a redraw with the stale curves was half of a storm's work).
 */
export function derivedParams(s: Pick<AppState, 'model' | 'params' | 'cosines'>): Params | null {
  return s.cosines && cosinesOf(s.model, s.params) ? s.params : null;
}

/** A table as drawn: itself, or mapped through the derived series at `params` (derivedParams). */
export function withDerived(
  model: Model,
  params: Params | null,
  table: SeriesTable | null,
): SeriesTable | null {
  const cos = params ? cosinesOf(model, params) : null;
  return table && cos && params ? mapDerived(cos, params, table) : table;
}

/** The ODE table to draw (the previous result while a new one is computed). */
export function odeTable(
  s: Pick<AppState, 'model' | 'params' | 'ode' | 'cosines'>,
): SeriesTable | null {
  return withDerived(s.model, derivedParams(s), odeResultTable(s.ode));
}

/** The SGD table to draw (mean, and std over runs). */
export function sgdTable(
  s: Pick<AppState, 'model' | 'params' | 'sgd' | 'cosines'>,
): SeriesTable | null {
  return withDerived(s.model, derivedParams(s), sgdSummaryTable(s.sgd));
}

export function tables(s: Pick<AppState, 'model' | 'params' | 'ode' | 'sgd' | 'cosines'>): {
  ode: SeriesTable | null;
  sgd: SeriesTable | null;
} {
  return { ode: odeTable(s), sgd: sgdTable(s) };
}

/** Export actions for a view drawn into `svg` (and optionally a canvas). */
export function exporters(
  get: () => {
    svg: SVGSVGElement | null;
    decor: Omit<ExportDecor, 'caption'>;
    state: AppState;
    ode: SeriesTable | null;
    sgd: SeriesTable | null;
  },
  basename: string,
) {
  const svgText = (scale: number) => {
    const { svg, decor, state } = get();
    if (!svg) return null;
    return standaloneSvg(
      svg,
      { ...decor, caption: captionOf(state.model, state.params, state.runs, state.sgd) },
      scale,
    );
  };
  const name = () => `macroscope-${get().state.model.id}-${basename}`;
  const image = () => imageExports(name(), svgText);
  return {
    svg: () => image().svg(),
    png: (scale: number) => image().png(scale),
    csv() {
      const { ode, sgd } = get();
      download(`${name()}.csv`, toCsv(ode, sgd), 'text/csv');
    },
    json() {
      const { ode, sgd, state } = get();
      download(
        `${name()}.json`,
        toJson({ model: state.model.id, state: state.query, params: state.params }, ode, sgd),
        'application/json',
      );
    },
  };
}
