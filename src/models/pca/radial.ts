/**
 * The law of the radial fluctuations √n(r⊥² − r_eq) near the equator m = 0: (3.5)/(7.8) of
 * Ben Arous–Gheissari–Jagannath with the misprints corrected (the corrected law: drift −4k·r̃,
 * noise 4k dB at c_δ = 1), rederived for δ = c_δ/n, from any O(1) start r0, and with the §7 ridge α. Derivation:
 * docs/models/pca.md, "Radial fluctuations".
 *
 * Near m = 0, R² = r⊥² + O(1/n) and r⊥² follows u̇ = f(u) with
 *   f(u) = −4k u^{k−1}(u − c_δ) − 2αu          (ode.ts at m = 0),
 * while its noise per step, 4δ x⊥·G, has Var(x⊥·G) = k²‖x‖^{2k} at m = 0, i.e. 16c_δk²u^k per unit
 * time for √n·u. The linear-noise expansion r⊥²(t) = ρ(t) + ζ(t)/√n about the ODE solution ρ then
 * gives the Gaussian ζ with
 *   dζ = f′(ρ)ζ dt + 4k(c_δρ^k)^{1/2} dB,   E ζ = 0,   V̇ = 2f′(ρ)V + 16c_δk²ρ^k,
 * from V(0) = 2r0² (random start: r⊥²(0) = (r0/n)χ²_{n−1}) or 0 (informed). So
 *   √n(r⊥² − r_eq) ~ N(√n(ρ(t) − r_eq), V(t)),
 * r_eq the stable equator radius (c_δ at α = 0, c_δ − α/4 at k = 2). At ρ = r_eq the drift is
 * f′(r_eq) = −4kc_δ^{k−1} (α = 0) and the stationary variance 16c_δk²r_eq^k/(2|f′(r_eq)|): 2kc_δ²
 * at α = 0, 4c_δ(c_δ − α/4) at k = 2.
 */
import { solveOde } from '../../core/ode';
import {
  BALLISTIC_FRACTION,
  equatorCoefficients,
  equatorLaws,
  equatorStart,
  ridgeEquatorRadii,
} from './closedForms';
import type { PcaParams } from './params';

/**
 * The radius the fluctuations are centred on: the radially stable equator point r_eq (the upper
 * root of ridgeEquatorRadii; c_δ without the ridge), or null past α_c(k), where r⊥² collapses.
 */
export function radialCentre(p: PcaParams): number | null {
  const roots = ridgeEquatorRadii(p.k, p.cdelta, p.alpha);
  return roots.length > 0 ? roots[roots.length - 1]! : null;
}

/** The drift f(u) of r⊥² = u at m = 0 and its derivatives f′(u), f″(u). */
export function radialDrift(
  p: Pick<PcaParams, 'k' | 'cdelta' | 'alpha'>,
  u: number,
): { f: number; slope: number; curvature: number } {
  const { k, cdelta, alpha } = p;
  const uk2 = Math.pow(u, k - 2); // u^{k−2} (1 at k = 2, also at u = 0)
  const uk1 = uk2 * u;
  // f = −4k(u^k − c_δu^{k−1}) − 2αu; the u^{k−3} term of f″ has the factor (k − 2).
  const uk3 = k === 2 ? 0 : Math.pow(u, k - 3);
  return {
    f: -4 * k * uk1 * (u - cdelta) - 2 * alpha * u,
    slope: -4 * k * ((k - 1) * uk2 * (u - cdelta) + uk1) - 2 * alpha,
    curvature: -4 * k * (k - 1) * (k * uk2 - cdelta * (k - 2) * uk3),
  };
}

/** The noise variance per unit time of √n·r⊥² at m = 0, r⊥² = u: 16c_δk²u^k. */
export function radialNoiseVariance(p: Pick<PcaParams, 'k' | 'cdelta'>, u: number): number {
  return 16 * p.cdelta * p.k * p.k * Math.pow(u, p.k);
}

/**
 * The first finite-n correction g(u)/n of the drift of r⊥² = u at m = 0, from the Gram chain's
 * exact one-step mean (docs/models/pca.md): g = c_δ[4k(k − 2)u^{k−1} + u(α + 2ku^{k−1})²].
 */
export function radialDriftCorrection(p: Pick<PcaParams, 'k' | 'cdelta' | 'alpha'>, u: number) {
  const { k, cdelta, alpha } = p;
  const uk1 = Math.pow(u, k - 1);
  return cdelta * (4 * k * (k - 2) * uk1 + u * (alpha + 2 * k * uk1) ** 2);
}

/**
 * The law (mean, sd) of √n(r⊥² − r_eq) at time t from the start, the n → ∞ limit, with `bias`,
 * the O(1/√n) correction of its mean at the run's n (the sample mean is ≈ mean + bias). Null
 * where it does not hold: past α_c (no equator), and wherever √n·m has no OU law near the equator
 * (the tensor option at k ≥ 3, an informed m0 outside the O(1/√n) window) or has grown
 * ballistic (the same cut as the √n·m view): once m = O(1), R² ≠ r⊥² and both the drift and the
 * noise of r⊥² change.
 *
 * The bias b/√n solves ḃ = f′(ρ)b + f″(ρ)V/2 + g(ρ) + ∂_{m²}f·E[(√n m)²], the second-order Itô
 * term, the finite-δ drift and the equator's own spread in R² = m² + r⊥², with
 * ∂_{m²}f = −4k(k − 1)ρ^{k−2}(ρ − c_δ); b(0) = −r0 from a random start (E χ²_{n−1} = n − 1), 0
 * informed.
 */
export function radialLaw(
  p: PcaParams,
  t: number,
): { mean: number; sd: number; bias: number } | null {
  return radialLaws(p, [t])[0] ?? null;
}

/** radialLaw at each of `times` (increasing, from 0 on), from one integration (equatorLaws). */
export function radialLaws(
  p: PcaParams,
  times: ArrayLike<number>,
): ({ mean: number; sd: number; bias: number } | null)[] {
  const centre = radialCentre(p);
  if (centre === null) return Array.from(times, () => null);
  const mLaws = equatorLaws(p, times);
  const { k, cdelta } = p;
  const rootN = Math.sqrt(p.n);
  const m0 = equatorStart(p);
  const var0 = p.informed ? 0 : 2 * p.r0 * p.r0;
  const bias0 = p.informed ? 0 : -p.r0;
  const grid = [0, ...Array.from(times).filter((t) => t > 0)];
  const sol = solveOde(
    (_s, y, dy) => {
      const u = Math.max(y[0]!, 0);
      const { f, slope, curvature } = radialDrift(p, u);
      const viaM2 = -4 * k * (k - 1) * Math.pow(u, k - 2) * (u - cdelta);
      const m = equatorCoefficients(p, u);
      dy[0] = f;
      dy[1] = 2 * slope * y[1]! + radialNoiseVariance(p, u);
      dy[2] =
        slope * y[2]! +
        0.5 * curvature * y[1]! +
        radialDriftCorrection(p, u) +
        viaM2 * (y[3]! * y[3]! + y[4]!);
      dy[3] = m.drift * y[3]!;
      dy[4] = 2 * m.drift * y[4]! + m.noise;
    },
    [p.r0, var0, bias0, m0.mean, m0.variance],
    grid,
    { rtol: 1e-9, atol: 1e-12, blowUp: 1e300 },
  );
  const reached = sol.status === 'done' ? grid.length : sol.t.length;
  let row = 0;
  return Array.from(times, (t, j) => {
    const mLaw = mLaws[j];
    if (!mLaw || Math.abs(mLaw.mean) + mLaw.sd > BALLISTIC_FRACTION * rootN) {
      if (t > 0) row++;
      return null;
    }
    if (!(t > 0))
      return { mean: rootN * (p.r0 - centre), sd: Math.sqrt(var0), bias: bias0 / rootN };
    row++;
    if (row >= reached) return null;
    const y = sol.y.subarray(5 * row, 5 * row + 5);
    return {
      mean: rootN * (y[0]! - centre),
      sd: Math.sqrt(Math.max(y[1]!, 0)),
      bias: y[2]! / rootN,
    };
  });
}
