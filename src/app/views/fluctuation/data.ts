/**
 * What the fluctuation view draws, from the ensemble and its spec: every run's
 * scale·(series − centre) against t, the limit law, and the runs' values at the histogram's time.
 * Pure, so that the view's wording (no runs yet, how many have reached t) is tested.
 */
import type { FluctuationView } from '../../../core/model';
import { num, type Params } from '../../../core/params';
import type { EnsembleState } from '../../ensembleController';

export interface FluctuationData {
  t: Float64Array;
  runs: Float64Array[];
  law: ({ mean: number; sd: number } | null)[];
  /** The sample index of the histogram's time, and that time. */
  j: number;
  tAt: number;
  /** The runs' values at tAt (only the runs that have reached it). */
  values: number[];
  mean: number;
  variance: number;
  lawAt: { mean: number; sd: number } | null;
}

export const formatStat = (v: number) =>
  Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '–';

/** The view's data; null until the ensemble holds the spec's series. */
export function fluctuationData(
  spec: FluctuationView,
  ensemble: EnsembleState | null,
  params: Params,
  histogramTime: number | null,
): FluctuationData | null {
  if (!ensemble || ensemble.names.length === 0) return null;
  const i = ensemble.names.indexOf(spec.series);
  if (i < 0) return null;
  const m = ensemble.names.length;
  const scale = spec.scale(params);
  const centre = spec.centre?.(params) ?? 0; // the law is that of scale·(series − centre)
  const t = ensemble.t;
  const started = ensemble.runs.map((r, k) => ({ r, k })).filter(({ r }) => r.length > 0);
  const runs = started.map(({ r }) =>
    Float64Array.from(t, (_, j) => (r[j * m + i]! - centre) * scale),
  );
  const law = lawOnTimes(spec, params, t);
  const T = num(params, 'T');
  const at = histogramTime ?? T;
  const j = Math.max(0, Math.min(t.length - 1, Math.round((at / T) * (t.length - 1))));
  // A run counts at t only once it has reached it (rows past `reached` are not yet computed).
  const values = runs
    .filter((_, k) => (ensemble.reached[started[k]!.k] ?? 0) > j)
    .map((r) => r[j]!)
    .filter(Number.isFinite);
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { t, runs, law, j, tAt: t[j]!, values, mean, variance, lawAt: law[j] ?? null };
}

/**
 * The limit law at every time of the grid (in one integration where the spec can: lawOnGrid),
 * kept for the spec's last (params, grid). Each `law` value integrated the law's moment ODE from
 * 0 (PCA: 121 solves at rtol 10⁻⁹, 7 ms in Node, several times that in the page), on every
 * state change and again on every publish of the ensemble (every 250 ms): the longest tasks of
 * the main thread in a PCA storm (docs/reliability.md).
 */
function lawOnTimes(
  spec: FluctuationView,
  params: Params,
  t: Float64Array,
): FluctuationData['law'] {
  const last = lawCache.get(spec);
  if (last && last.params === params && sameGrid(last.t, t)) return last.law;
  const law = spec.lawOnGrid?.(params, t) ?? Array.from(t, (tv) => spec.law(params, tv));
  lawCache.set(spec, { params, t, law });
  return law;
}

const lawCache = new WeakMap<
  FluctuationView,
  { params: Params; t: Float64Array; law: FluctuationData['law'] }
>();

function sameGrid(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}

/**
 * The note's statistics: the runs' mean and variance at the histogram's time beside the law's;
 * "no runs yet" while none has reached that time (not a mean of 0 over 0 runs).
 */
export function fluctuationStats(data: FluctuationData | null): string {
  if (!data) return 'computing…';
  const at = `t = ${formatStat(data.tAt)}`;
  const law = data.lawAt;
  const lawText = law
    ? ` · law: mean ${formatStat(law.mean)}, variance ${formatStat(law.sd * law.sd)}`
    : ' · no diffusive-limit law here (the model gives none for this state)';
  if (data.values.length === 0) return `no runs at ${at} yet${lawText}`;
  const n = data.values.length;
  const variance = n > 1 ? formatStat(data.variance) : '– (one run)';
  return `${n} run${n === 1 ? '' : 's'} at ${at}: mean ${formatStat(data.mean)}, variance ${variance}${lawText}`;
}
