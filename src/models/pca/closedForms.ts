/**
 * Closed forms of Section 3 and Appendix 7 with general c_δ: the fixed points of (3.1) and their
 * Jacobian eigenvalues (Prop. 3.2, (7.4)–(7.5)), λ_c(k), and the Ornstein–Uhlenbeck law of
 * √n·m near the equator (Prop. 3.3, rederived for δ = c_δ/n in docs/models/pca.md).
 */
import { solveOde } from '../../core/ode';
import type { PcaParams } from './params';

/**
 * λ_c(k) of (7.4): the smallest λ with a fixed point off the equator,
 * (c_δ/k)^{k/2}(2k − 2)^{k−1}/(k − 2)^{(k−2)/2}; λ_c(2) = c_δ (0⁰ = 1).
 */
export function lambdaC(k: number, cdelta: number): number {
  if (k === 2) return cdelta;
  return Math.pow(cdelta / k, k / 2) * (Math.pow(2 * k - 2, k - 1) / Math.pow(k - 2, (k - 2) / 2));
}

/** The c_δ at which λ = λ_c(k, c_δ): the inverse of (7.4) in c_δ. */
export function cdeltaAtThreshold(k: number, lambda: number): number {
  if (k === 2) return lambda;
  const A = Math.pow(2 * k - 2, k - 1) / Math.pow(k - 2, (k - 2) / 2);
  return k * Math.pow(lambda / A, 2 / k);
}

/**
 * ρ† ≤ ρ* of (7.5): the roots R² > c_δ of λ(R² − c_δ)^{(k−2)/2} = R^{2(k−1)} (k ≥ 3), which lie on
 * either side of ρ_c = 2(k−1)c_δ/k, the minimiser of R^{2(k−1)}/(R² − c_δ)^{(k−2)/2}. For k = 2,
 * ρ† = ρ* = λ. Null when λ ≤ λ_c.
 */
export function fixedRadii(
  k: number,
  lambda: number,
  cdelta: number,
): { dagger: number; star: number } | null {
  if (!(lambda > lambdaC(k, cdelta))) return null;
  if (k === 2) return { dagger: lambda, star: lambda };
  // f(ρ) = (k−1)ln ρ − ((k−2)/2)ln(ρ − c_δ) − ln λ: +∞ at c_δ⁺ and at ∞, negative at ρ_c.
  const f = (r: number) =>
    (k - 1) * Math.log(r) - ((k - 2) / 2) * Math.log(r - cdelta) - Math.log(lambda);
  const rhoC = (2 * (k - 1) * cdelta) / k;
  const bisect = (lo: number, hi: number) => {
    const up = f(lo) > 0;
    for (let i = 0; i < 200; i++) {
      const mid = 0.5 * (lo + hi);
      if (f(mid) > 0 === up) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  };
  let hi = 2 * rhoC;
  while (f(hi) < 0) hi *= 2;
  return { dagger: bisect(cdelta * (1 + 1e-15) + 1e-300, rhoC), star: bisect(rhoC, hi) };
}

/** m† ≤ m* of (7.5): √(ρ − c_δ) at the two radii (k = 2: both √(λ − c_δ)); null below λ_c. */
export function fixedCorrelations(
  k: number,
  lambda: number,
  cdelta: number,
): { dagger: number; star: number } | null {
  const r = fixedRadii(k, lambda, cdelta);
  if (!r) return null;
  return { dagger: Math.sqrt(r.dagger - cdelta), star: Math.sqrt(r.star - cdelta) };
}

/**
 * α_c(k) of Appendix 7.1: the largest ridge α with a fixed point (0, u₂), u₂ > 0, i.e. the maximum
 * over u ≥ 0 of k·u^{k−2}(2c_δ − 2u), at u = c_δ(k−2)/(k−1):
 *   α_c(k) = 2c_δ^{k−1}k(k−1)^{−(k−1)}(k−2)^{k−2}   (0⁰ = 1, so α_c(2) = 4c_δ).
 * The appendix's own k = 2 statement, "u₂ = c_δ − α/2, α < α_c(2) = 2c_δ", misses a factor 2 in
 * both; its equation gives u₂ = c_δ − α/4 (docs/models/pca.md).
 */
export function alphaC(k: number, cdelta: number): number {
  const zeroPow = (x: number, e: number) => (e === 0 ? 1 : Math.pow(x, e));
  return (2 * Math.pow(cdelta, k - 1) * k * zeroPow(k - 2, k - 2)) / Math.pow(k - 1, k - 1);
}

/**
 * The equator's fixed points with the ridge: the roots u ∈ (0, c_δ) of k·u^{k−2}(2c_δ − 2u) = α
 * (ṙ⊥² = 2u[2k u^{k−2}(c_δ − u) − α] at m = 0), ascending. k = 2: c_δ − α/4 for α < 4c_δ; k ≥ 3:
 * two roots either side of c_δ(k−2)/(k−1) for 0 < α < α_c(k), the upper radially stable; none
 * above α_c. α = 0 gives [c_δ].
 */
export function ridgeEquatorRadii(k: number, cdelta: number, alpha: number): number[] {
  if (alpha <= 0) return [cdelta];
  if (k === 2) return alpha < 4 * cdelta ? [cdelta - alpha / 4] : [];
  if (!(alpha < alphaC(k, cdelta))) return [];
  const g = (u: number) => k * Math.pow(u, k - 2) * (2 * cdelta - 2 * u) - alpha;
  const peak = (cdelta * (k - 2)) / (k - 1);
  const bisect = (lo: number, hi: number) => {
    const up = g(lo) > 0;
    for (let i = 0; i < 200; i++) {
      const mid = 0.5 * (lo + hi);
      if (g(mid) > 0 === up) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  };
  return [bisect(0, peak), bisect(peak, cdelta)];
}

export interface ClosedFormPoint {
  type: 'origin' | 'equator' | 'm†' | 'm*';
  m: number;
  r2: number;
  /** Eigenvalues of the Jacobian of (3.1) (it is triangular at every fixed point). */
  eigenvalues: [number, number];
  stability: 'stable' | 'unstable' | 'marginal';
}

/**
 * All fixed points of (3.1) with their eigenvalues (Prop. 3.2 for general c_δ; derivation in
 * docs/models/pca.md). Off the equator the ∂ṁ/∂m eigenvalue is 2kρ^{k−2}(2(k−1)c_δ − kρ), so
 * ρ < ρ_c (m†) is a saddle and ρ > ρ_c (m*) stable; ∂ṙ²/∂r² = −4kρ^{k−1}. Odd k has m > 0 only.
 */
export function closedFormFixedPoints(
  k: number,
  lambda: number,
  cdelta: number,
): ClosedFormPoint[] {
  const classify = (e: [number, number]): ClosedFormPoint['stability'] =>
    e[0] > 0 || e[1] > 0 ? 'unstable' : e[0] < 0 && e[1] < 0 ? 'stable' : 'marginal';
  const out: ClosedFormPoint[] = [];
  // The origin: for k = 2 both directions grow (4λ and 8c_δ); for k ≥ 3 the Jacobian vanishes,
  // but ṙ² = 4kc_δR^{2(k−1)} > 0 pushes away: unstable, not marginal.
  const origin: [number, number] = k === 2 ? [4 * lambda, 8 * cdelta] : [0, 0];
  out.push({ type: 'origin', m: 0, r2: 0, eigenvalues: origin, stability: 'unstable' });
  const ck1 = Math.pow(cdelta, k - 1);
  const eq: [number, number] = [k === 2 ? 4 * (lambda - cdelta) : -2 * k * ck1, -4 * k * ck1];
  out.push({ type: 'equator', m: 0, r2: cdelta, eigenvalues: eq, stability: classify(eq) });
  const radii = fixedRadii(k, lambda, cdelta);
  if (!radii) return out;
  const signs = k % 2 === 0 ? [1, -1] : [1];
  const pairs: ['m†' | 'm*', number][] =
    k === 2
      ? [['m*', radii.star]]
      : [
          ['m†', radii.dagger],
          ['m*', radii.star],
        ];
  for (const [type, rho] of pairs) {
    const e: [number, number] = [
      2 * k * Math.pow(rho, k - 2) * (2 * (k - 1) * cdelta - k * rho),
      -4 * k * Math.pow(rho, k - 1),
    ];
    for (const sign of signs)
      out.push({
        type,
        m: sign * Math.sqrt(rho - cdelta),
        r2: cdelta,
        eigenvalues: e,
        stability: classify(e),
      });
  }
  return out;
}

/**
 * The limit's stationary variance of √n·m at the equator for λ fixed: c_δ²/(c_δ − λ) for k = 2
 * and λ < c_δ (1/(1 − λ) at c_δ = 1), c_δ for k ≥ 3; null where the OU process is unstable.
 */
export function stationaryVariance(k: number, lambda: number, cdelta: number): number | null {
  if (k >= 3) return cdelta;
  return lambda < cdelta ? (cdelta * cdelta) / (cdelta - lambda) : null;
}

/**
 * The law of √n·m at time t from the start (Prop. 3.3 with δ = c_δ/n): near m = 0,
 *   d(√n m) = a(t)·√n m dt + b(t) dB,  a = 2(kλ·1_{k=2} − k r⊥^{2(k−1)}),  b² = 4c_δ k r⊥^{2(k−1)},
 * with r⊥²(t) following ṙ⊥² = −4k r⊥^{2(k−1)}(r⊥² − c_δ). The mean and variance solve
 * μ̇ = aμ, V̇ = 2aV + b², from μ = √n·m0, V = 0 (informed) or μ = 0, V = r0 (random start).
 * Null for the tensor option at k ≥ 3, where the drift 2kΛ(√n m)^{k−1} is not linear, and for
 * an informed start outside the O(1/√n) window (√n·|m0| > 5, e.g. the k = 3 barrier presets):
 * there the ballistic ODE, not the linearised OU process, describes m.
 */
/** How far from the equator (in units of 1/√n) an informed start may be for the OU law. */
export const EQUATOR_WINDOW = 5;
/** The OU law stops where its spread in m reaches this (|m| ≈ 0.2 is no longer near the equator). */
export const BALLISTIC_FRACTION = 0.2;

/** The mean and variance of √n·m at t = 0: (√n·m0, 0) informed, (0, r0) from a random start. */
export function equatorStart(p: PcaParams): { mean: number; variance: number } {
  return p.informed ? { mean: Math.sqrt(p.n) * p.m0, variance: 0 } : { mean: 0, variance: p.r0 };
}

/**
 * The OU coefficients of √n·m at the equator with r⊥² = r2: the drift a = 2(kλ1_{k=2} − k r2^{k−1})
 * − α (the §7 ridge adds −α) and the noise variance b² = 4c_δ k r2^{k−1} per unit time.
 */
export function equatorCoefficients(p: PcaParams, r2: number): { drift: number; noise: number } {
  const { k, lambda, cdelta, alpha } = p;
  const rk = Math.pow(Math.max(r2, 0), k - 1);
  return { drift: 2 * ((k === 2 ? k * lambda : 0) - k * rk) - alpha, noise: 4 * cdelta * k * rk };
}

export function equatorLaw(p: PcaParams, t: number): { mean: number; sd: number } | null {
  return equatorLaws(p, [t])[0] ?? null;
}

/**
 * equatorLaw at each of `times` (increasing, from 0 on), from one integration sampled on them:
 * the fluctuation view draws the law at every sample time, and 121 integrations from 0 took the
 * page's main thread tens of ms on every state change (docs/reliability.md). A time the moment
 * ODE does not reach gets null.
 */
export function equatorLaws(
  p: PcaParams,
  times: ArrayLike<number>,
): ({ mean: number; sd: number } | null)[] {
  const { k, cdelta, alpha } = p;
  if (p.tensor && k >= 3) return Array.from(times, () => null);
  if (p.informed && Math.sqrt(p.n) * Math.abs(p.m0) > EQUATOR_WINDOW)
    return Array.from(times, () => null);
  const { mean: mean0, variance: var0 } = equatorStart(p);
  const grid = [0, ...Array.from(times).filter((t) => t > 0)];
  const sol = solveOde(
    (_s, y, dy) => {
      const rk = Math.pow(Math.max(y[0]!, 0), k - 1);
      const { drift: a, noise } = equatorCoefficients(p, y[0]!);
      dy[0] = -4 * k * rk * (y[0]! - cdelta) - 2 * alpha * y[0]!;
      dy[1] = a * y[1]!;
      dy[2] = 2 * a * y[2]! + noise;
    },
    [p.r0, mean0, var0],
    grid,
    { rtol: 1e-9, atol: 1e-12, blowUp: 1e300 },
  );
  // A stopped solve keeps the rows it reached (sol.t is a prefix of the grid); t = 0 is the start.
  const reached = sol.status === 'done' ? grid.length : sol.t.length;
  let row = 0;
  return Array.from(times, (t) => {
    if (!(t > 0)) return { mean: mean0, sd: Math.sqrt(var0) };
    row++;
    if (row >= reached) return null;
    return { mean: sol.y[3 * row + 1]!, sd: Math.sqrt(Math.max(sol.y[3 * row + 2]!, 0)) };
  });
}

/**
 * The first finite-n correction b of the stationary variance of √n·m at k = 2, λ < c_δ:
 * Var = V₀(1 + b/n) + O(1/n²) with V₀ = c_δ²/(c_δ − λ). From the exact one-step balance
 *   E[m²(s − λ)] = 2δE[m²(s − λ)²] + δE[s + m²]   (s = ‖x‖²),
 * with E[s] = c_δ + ε/n, ε = (2c_δ⁴ + c_δ² + λV₀ − w)/c_δ, w = 4c_δ² the variance of √n(s − c_δ),
 * and the O(n^{-1/2}) covariance of n·m² with √n(s − c_δ) from the coupled linear equations
 * (derivation in docs/models/pca.md). Measured: it holds at λ = 0.5; at λ = 0.8 and n ≤ 2000 the
 * O(1/n²) terms are still visible (docs).
 */
export function equatorVarianceCorrection(lambda: number, cdelta: number): number {
  const c = cdelta;
  const V0 = (c * c) / (c - lambda);
  const w = 4 * c * c;
  const eps = (2 * c ** 4 + c * c + lambda * V0 - w) / c;
  const theta = 4 * (c - lambda); // the m̃ relaxation rate
  const thetaS = 8 * c; // the √n(s − c_δ) relaxation rate
  const Y =
    (-16 * V0 * w +
      8 * c * c * eps +
      8 * c * w +
      24 * lambda * V0 * V0 +
      (16 * c ** 4 + 8 * c * c) * V0 +
      64 * c * c * V0) /
    (2 * theta + thetaS);
  const V1 = (2 * c * V0 * (c - lambda) ** 2 + c * eps + c * V0 - Y) / (c - lambda);
  return V1 / V0;
}
