/**
 * The CLI's commands for the views built on many runs or many starts, on the same core code as
 * the browser's workers:
 *   basins       end points of R random initialisations (SGD, and the ODE from each run's start)
 *                with the fraction per basin and its standard error (GMM Figs. 6–7)
 *   fluctuation  scale·(series − centre) of R runs at a time against the diffusive law (PCA Prop. 3.3)
 *   attraction   the basin reached from each cell of a grid on the attraction plane (Fig. 3)
 *   rate         a 1-D right-hand side against the state, with its zeros (Fig. 2(b))
 */
import {
  attractionGrid,
  basinFractions,
  boundaryCells,
  labelCells,
  odeFinals,
  sgdEnsemble,
  subdivide,
} from '../core/basins';
import {
  fluctuationId,
  fluctuationSpec,
  type FluctuationView,
  type Model,
  viewSpec,
  viewSpecs,
} from '../core/model';
import { num, type Params } from '../core/params';
import { rateCurve } from '../core/rate';
import { intFlag, jsonNumber, UsageError } from './json';

export const MANY_RUN_COMMANDS: Record<
  string,
  { flags: Record<string, 'number' | 'string'>; help: string }
> = {
  basins: {
    flags: { state: 'string', runs: 'number' },
    help: "end points of --runs random initialisations (SGD, and the ODE from each run's start) and the fraction per basin",
  },
  fluctuation: {
    flags: { state: 'string', runs: 'number', at: 'number', series: 'string' },
    help: 'scale·(series − centre) of --runs SGD runs at time --at (default T) against the diffusive limit law; --series r2: PCA’s radial √n(r⊥² − r*)',
  },
  attraction: {
    flags: { state: 'string', n: 'number', log: 'string', refine: 'number' },
    help: 'the basin reached from each cell of an --n × --n grid of starts (--log 1: geometric grid)',
  },
  rate: {
    flags: { state: 'string' },
    help: "a 1-D model's right-hand side against its state, with the zeros and their stability",
  },
};

const need = (model: Model, what: string, has: boolean) => {
  if (!has) throw new UsageError(`model ${model.id} has no ${what} view`);
};

/** The model's fluctuation spec named by --series (its id), or its first without --series. */
function chosenFluctuation(model: Model, series: string | undefined): FluctuationView {
  const specs = viewSpecs(model, 'fluctuation');
  need(model, 'fluctuation', specs.length > 0);
  const spec = fluctuationSpec(model, series ?? null);
  if (series !== undefined && (!spec || fluctuationId(spec) !== series))
    throw new UsageError(
      `--series: ${model.id} has fluctuation specs for ${specs.map(fluctuationId).join(', ')}; got ${series}`,
    );
  return spec!;
}

export function manyRunsJson(
  command: string,
  model: Model,
  params: Params,
  flags: Record<string, string>,
): unknown {
  const base = { model: model.id };
  if (command === 'rate') {
    need(model, 'rate', viewSpec(model, 'rate') !== undefined);
    const r = rateCurve(model, params);
    return {
      ...base,
      x: r.name,
      values: Array.from(r.x),
      h: Array.from(r.y, jsonNumber),
      zeros: r.zeros,
    };
  }
  if (command === 'attraction') {
    const view = viewSpec(model, 'attraction');
    need(model, 'attraction', view !== undefined);
    const n = intFlag(flags, 'n', 40, 2, 400);
    const refine = intFlag(flags, 'refine', 0, 0, 8);
    const log = flags['log'] === '1' || flags['log'] === 'true';
    if (log && !view!.log)
      throw new UsageError(`--log: the attraction plane of ${model.id} is linear`);
    const grid = attractionGrid(view!, n, log);
    const coarse = labelCells(model, params, grid, { log });
    const fine =
      refine > 1
        ? labelCells(
            model,
            params,
            boundaryCells(
              coarse.map((c) => c.label),
              n,
            ).flatMap((k) => subdivide(grid[k]!, refine, log)),
            { log },
          )
        : [];
    const counts = basinFractions(coarse.map((c) => c.label));
    return {
      ...base,
      x: view!.x,
      y: view!.y,
      n,
      log,
      basins: counts,
      cells: coarse,
      refined: fine,
    };
  }
  const runs = intFlag(flags, 'runs', 200, 2, 10000);
  const streams = Array.from({ length: runs }, (_, r) => r);
  const T = num(params, 'T');
  if (command === 'basins') {
    const view = viewSpec(model, 'basins');
    need(model, 'basins', view !== undefined);
    const dim = model.stateNames(params).length;
    const e = sgdEnsemble(model, params, streams, 2);
    const m = e.names.length;
    const sgdFinal = e.runs.map((r) => r.slice(m, m + dim));
    const odeFinal = odeFinals(
      model,
      params,
      e.runs.map((r) => r.slice(0, dim)),
      T,
    );
    const label = (x: Float64Array) => model.theory?.basinOf?.(params, x) ?? null;
    const names = model.stateNames(params);
    return {
      ...base,
      runs,
      T,
      expected: view!.expected?.(params) ?? [],
      sgd: basinFractions(sgdFinal.map(label)),
      ode: basinFractions(odeFinal.map(label)),
      endPoints: {
        names,
        sgd: sgdFinal.map((x) => Array.from(x, jsonNumber)),
        ode: odeFinal.map((x) => Array.from(x, jsonNumber)),
      },
    };
  }
  // fluctuation
  const view = chosenFluctuation(model, flags['series']);
  const at = flags['at'] === undefined ? T : Number(flags['at']);
  if (!(at >= 0 && at <= T))
    throw new UsageError(`--at must be in [0, T = ${T}]; got ${flags['at']}`);
  const e = sgdEnsemble(model, params, streams, 2 + Math.round((100 * at) / T));
  const j = e.t.length - 1;
  const i = e.names.indexOf(view.series);
  const scale = view.scale(params);
  const centre = view.centre?.(params) ?? 0;
  const values = e.runs.map((r) => (r[j * e.names.length + i]! - centre) * scale);
  const mean = values.reduce((a, b) => a + b, 0) / runs;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (runs - 1);
  return {
    ...base,
    series: view.series,
    label: view.label,
    centre,
    runs,
    t: e.t[j],
    sample: {
      mean,
      variance,
      stderrMean: Math.sqrt(variance / runs),
      stderrVariance: variance * Math.sqrt(2 / (runs - 1)),
    },
    law: view.law(params, e.t[j]!),
    lawNote: view.lawNote,
    values,
  };
}
