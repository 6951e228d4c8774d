/**
 * Prop. 4.2's fixed points (λ = ∞) and the basins of Figs. 6–7, as hooks for the generic engine.
 * All fixed points have R⊥ = 0 and m = v; in (v1, v2), with C_α = log(1 − 2α) − log(2α):
 *   the origin, stable iff α > 1/4;
 *   for α < 1/4, the quarter-circles v1² + v2² = C_α with v1 v2 > 0 (the network misclassifies
 *   half the data there) and the stable points ±(√C_α, −√C_α) (the optimal classifiers), plus
 *   the ends (±√C_α, 0), (0, ±√C_α) of the quarter-circles.
 * NOTES.md: the interior of a quarter-circle attracts its neighbours (eigenvalues −2α, −2α,
 * −2C_α(α − 2α²) and 0 along the circle, with −2α thrice for R⊥); only the ends on the axes repel
 * (the proof's direction ε(σ(−ε²)/2 − α) > 0). Prop. 4.2 calls the whole set "unstable".
 * At finite λ the same structure persists with R⊥ > 0 (the corrector feeds it); the engine finds
 * those points from the λ = ∞ candidates.
 */
import type { ModelTheory } from '../../core/model';
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

/** The basin label of an end state: the sign pattern of m (Fig. 7 counts m1·m2 < 0). */
export function gmmBasinOf(p: Params, final: Float64Array): string | null {
  const { alpha } = gmmParamsOf(p);
  const m1 = final[2]!;
  const m2 = final[3]!;
  if (!Number.isFinite(m1) || !Number.isFinite(m2)) return null;
  const r = Math.hypot(m1, m2);
  if (alpha >= 0.25) return r < 0.1 ? BASIN_ORIGIN : null;
  // Still near the unstable origin: not settled.
  if (r < 0.2 * Math.sqrt(cAlpha(alpha))) return null;
  return m1 * m2 < 0 ? BASIN_OPTIMAL : BASIN_QUARTER;
}

export const gmmTheory: ModelTheory = {
  fixedPointStarts(p) {
    const { alpha, lambda } = gmmParamsOf(p);
    const r = lambda === Number.POSITIVE_INFINITY ? 0 : 0.01;
    return {
      lo: [-2, -2, -2, -2, 0, -0.1, 0],
      hi: [2, 2, 2, 2, 0.2, 0.1, 0.2],
      candidates: prop42Points(alpha, 3, r),
      // Prop. 4.2 classifies every fixed point (origin, ±(√C_α, −√C_α), the quarter circles):
      // its candidates find them all in ~1 s, where a 3⁷ grid takes minutes at finite λ.
      complete: true,
    };
  },

  admissible(_p, x) {
    const R11 = x[4]!;
    const R12 = x[5]!;
    const R22 = x[6]!;
    return R11 >= -1e-9 && R22 >= -1e-9 && R12 * R12 <= R11 * R22 + 1e-9;
  },

  fixedPointType(_p, x) {
    const m1 = x[2]!;
    const m2 = x[3]!;
    const tol = 1e-4;
    if (Math.abs(m1) < tol && Math.abs(m2) < tol) return 'origin';
    if (Math.abs(m1) < tol || Math.abs(m2) < tol) return 'quarter-circle end';
    return m1 * m2 < 0 ? 'optimal' : 'quarter circle';
  },

  // The sign pattern of m, which basinOf reads, is set within t ≈ 20 from m ≈ 0 (ṁ_i = v_i/4
  // there); near α = 1/4 the origin's rate ±(1/4 − α) is slow, so allow 10 of its time scales.
  settleTime: (p) => Math.min(1000, 50 + 10 / Math.abs(0.25 - gmmParamsOf(p).alpha)),

  basinOf: gmmBasinOf,
};

/** The fractions Prop. 4.2 predicts from v ~ N(0, I₂), m = 0: the sign of v1·v2 decides. */
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
