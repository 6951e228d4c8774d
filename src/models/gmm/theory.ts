/**
 * Prop. 4.2's fixed points (λ = ∞) and the basins of Figs. 6–7, as hooks for the generic engine.
 * All fixed points have R⊥ = 0 and m = v; in (v1, v2), with C_α = log(1 − 2α) − log(2α):
 *   the origin, stable iff α > 1/4;
 *   for α < 1/4, the quarter-circles v1² + v2² = C_α with v1 v2 > 0 (the network misclassifies
 *   half the data there) and the stable points ±(√C_α, −√C_α) (the optimal classifiers), plus
 *   the ends (±√C_α, 0), (0, ±√C_α) of the quarter-circles.
 * docs/models/gmm.md: the interior of a quarter-circle attracts its neighbours (eigenvalues −2α, −2α,
 * −2C_α(α − 2α²) and 0 along the circle, with −2α thrice for R⊥); only the ends on the axes repel
 * (the proof's direction ε(σ(−ε²)/2 − α) > 0). Prop. 4.2 calls the whole set "unstable".
 * At finite λ the same structure persists with R⊥ > 0 (the corrector feeds it); the engine finds
 * those points from the λ = ∞ candidates.
 */
import type { ModelTheory } from '../../core/model';
import type { Params } from '../../core/params';
import { BASIN_OPTIMAL, BASIN_ORIGIN, BASIN_QUARTER, prop42Points } from './closedForms';
import { cAlpha, gmmParamsOf } from './params';

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
