/**
 * What the basins view shows, from the ensemble: the end points at T (SGD, and the ODE from each
 * run's measured start) classified by theory.basinOf, and the table's rows. Pure and tested, so
 * that every '–' in the table has a reason.
 */
import { type BasinCount, basinFractions } from '../../../core/basins';
import type { Model, ViewSpecOf } from '../../../core/model';
import type { Params } from '../../../core/params';
import type { EnsembleState } from '../../ensembleController';
import type { BasinPoint } from './chart';

export interface BasinsData {
  points: BasinPoint[];
  labels: string[];
  sgd: BasinCount[];
  ode: BasinCount[];
  /** Whether the ODE end points have been computed (they follow the SGD). */
  odeDone: boolean;
  expected: { label: string; fraction: number }[];
  runs: number;
}

export const pct = (f: number) => `${(100 * f).toFixed(1)} %`;

/** The end points and their counts per basin; null until the ensemble has its first chunk. */
export function basinsData(
  model: Model,
  params: Params,
  spec: ViewSpecOf<'basins'>,
  ensemble: EnsembleState | null,
): BasinsData | null {
  if (!ensemble || ensemble.names.length === 0) return null;
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
  const point = (kind: 'ode' | 'sgd', labels: (string | null)[]) => (x: Float64Array, k: number) =>
    ({ x: x[ix]!, y: x[iy]!, label: labels[k]!, kind }) as BasinPoint;
  const points = [
    ...odeFinals.map(point('ode', odeLabels)),
    ...sgdFinals.map(point('sgd', sgdLabels)),
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
  return {
    points,
    labels,
    sgd,
    ode,
    odeDone: ensemble.odeFinals !== null,
    expected,
    runs: sgdFinals.length,
  };
}

export interface BasinCell {
  text: string;
  /** Why there is no number (a tooltip), when there is none. */
  why?: string;
}

/** One basin's row: SGD fraction ± its standard error, the ODE's fraction, the theory's. */
export function basinRow(
  data: BasinsData,
  label: string,
  state: { odeSkipped: string | null },
): { label: string; sgd: BasinCell; ode: BasinCell; theory: BasinCell } {
  const s = data.sgd.find((c) => c.label === label);
  const o = data.ode.find((c) => c.label === label);
  const e = data.expected.find((c) => c.label === label);
  const sgd: BasinCell = s
    ? { text: `${pct(s.fraction)} ± ${pct(s.stderr)}` }
    : data.runs > 0
      ? { text: pct(0) }
      : { text: '…', why: 'no SGD run has reached T yet' };
  const ode: BasinCell = state.odeSkipped
    ? { text: 'not run', why: state.odeSkipped }
    : o
      ? { text: pct(o.fraction) }
      : data.odeDone
        ? { text: pct(0) }
        : { text: '…', why: 'the ODE from each run’s start follows once the SGD runs are done' };
  const theory: BasinCell = e
    ? { text: pct(e.fraction) }
    : { text: '–', why: 'the theory predicts no fraction for this basin at these parameters' };
  return { label, sgd, ode, theory };
}
