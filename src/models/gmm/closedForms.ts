/**
 * Closed forms of the GMM model at λ = ∞ (Ben Arous–Gheissari–Jagannath, Prop. 4.2): its fixed
 * points and the fractions of random starts that reach each basin (Figs. 6–7).
 */
import type { Params } from '../../core/params';
import { cAlpha, gmmParamsOf } from './params';

export const BASIN_OPTIMAL = 'optimal (m1·m2 < 0)';
export const BASIN_QUARTER = 'quarter circle (m1·m2 > 0)';
export const BASIN_ORIGIN = 'origin';

/** The state (v1, v2, m1, m2, R11, R12, R22) with v = m = (a, b) and R⊥ = r·I. */
function point(a: number, b: number, r = 0): Float64Array {
  return Float64Array.from([a, b, a, b, r, 0, r]);
}

/** Prop. 4.2's fixed points at λ = ∞ (quarter circles sampled at `perArc` angles). */
export function prop42Points(alpha: number, perArc = 3, r = 0): Float64Array[] {
  const out = [point(0, 0, r)];
  if (alpha >= 0.25) return out;
  const c = Math.sqrt(cAlpha(alpha));
  out.push(point(c, -c, r), point(-c, c, r));
  out.push(point(c, 0, r), point(-c, 0, r), point(0, c, r), point(0, -c, r));
  for (let k = 1; k <= perArc; k++) {
    const th = (Math.PI / 2) * (k / (perArc + 1));
    for (const sign of [1, -1])
      out.push(point(sign * c * Math.cos(th), sign * c * Math.sin(th), r));
  }
  return out;
}

/**
 * Fig. 7's prediction for random starts: the sign of v1·v2 picks the basin, ½ each (λ = ∞, Prop.
 * 4.2). At low SNR the basins differ (λ = 1: 0.64 optimal, docs/models/gmm.md), so no prediction
 * is shown below λ = 10, nor for a given start.
 */
export function expectedBasins(p: Params): { label: string; fraction: number }[] {
  const g = gmmParamsOf(p);
  if (p['init'] !== 'random' || g.lambda < 10) return [];
  return g.alpha < 0.25
    ? [
        { label: BASIN_OPTIMAL, fraction: 0.5 },
        { label: BASIN_QUARTER, fraction: 0.5 },
      ]
    : [{ label: BASIN_ORIGIN, fraction: 1 }];
}
