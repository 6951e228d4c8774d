/**
 * Continuation of the d = 1 GAN (λ = ∞, Λ = Λ̃) against the closed forms of Table 1 / S-V.2, at
 * Λ values the paper does not use (it shows Λ = 1.2 and η = 1): the branch points at
 * α = 1 + τη̄²/Λ (type 1 → type 2) and α = β(τ) (S-57, type 2 → type 5), the Hopf points at
 * α = 2τη̄²/Λ on the type-3 line (S-59) and at α = 2 on type 2 (S-56), and the fold of type 5
 * where the two roots of (S-64) merge. The Hopf points are also checked against a scan of the
 * eigenvalues, and the oscillating phase's periodic orbits against long ODE integrations.
 */
import { describe, expect, it } from 'vitest';

import { continueFoldCurve, continueHopfCurve } from '../../core/continuation/curves';
import { bifurcationDiagram } from '../../core/continuation/diagram';
import { continueEquilibrium, transverse } from '../../core/continuation/equilibria';
import { continuePeriodicOrbit, periodicFromHopf } from '../../core/continuation/periodic';
import { eigenvalues, jacobian } from '../../core/fixedPoints';
import { solveOde, timeGrid } from '../../core/ode';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { ganModel } from '.';

function at(Lambda: number, tau: number, alpha: number, eta = 1) {
  return parseState(
    `d=1&lambda=inf&eta=${eta}&Lambda=${Lambda}&LambdaT=${Lambda}&tau=${tau}&taut=${alpha * tau}&P0=0.1&q0=0.1`,
    models,
  ).params;
}

/** β(τ) of Table 1 / (S-57). */
function beta(Lambda: number, tau: number): number {
  return ((tau / 2 - 1) * Lambda) / ((tau / 2 - 1) * Lambda + tau);
}

/** B² − 4AC of (S-64) (η = 1): zero where two type-5 roots merge (a fold). */
function s64Discriminant(Lambda: number, tau: number, alpha: number): number {
  const tt = alpha * tau;
  const A = Lambda * (tt - tau) * (0.5 - 1 / tau) + tt;
  const B = Lambda * ((tt / tau) * (1 + tau / 2) - 2);
  const C = Lambda * (1 + tau / 2);
  return B * B - 4 * A * C;
}

const ALPHA = { axis: 'alpha', range: [0.05, 6] as [number, number] };

describe('GAN d = 1: branch points and Hopf points against S-V.2', () => {
  for (const [Lambda, eta] of [
    [0.8, 1],
    [2.5, 1],
    [2.5, 1.3],
  ] as const) {
    const e2 = eta * eta;
    it(`Λ = ${Lambda}, η = ${eta}: type 1 branches at α = 1 + τη̄²/Λ, type 3 has its Hopf at α = 2τη̄²/Λ`, () => {
      for (const tau of [0.2, 0.45]) {
        const params = at(Lambda, tau, 1, eta);
        const origin = continueEquilibrium(ganModel, params, new Float64Array(3), ALPHA);
        expect(origin.family).toEqual({ dimension: 1, pinned: ['P11'] });
        const bp = origin.special.filter((s) => s.kind === 'branch-point');
        expect(bp).toHaveLength(1);
        expect(Math.abs(bp[0]!.p - (1 + (tau * e2) / Lambda))).toBeLessThan(1e-9);

        const line = continueEquilibrium(ganModel, params, Float64Array.from([1, 0, 0]), ALPHA);
        const hopf = line.special.filter((s) => s.kind === 'hopf');
        expect(hopf).toHaveLength(1);
        const h = hopf[0]!;
        expect(Math.abs(h.p - (2 * tau * e2) / Lambda)).toBeLessThan(1e-9);
        // ω² = det of the 2×2 block (S-66) at zero trace: τ²Λ² − τ²(Λ − τη̄²)².
        const a = tau * (Lambda - tau * e2);
        expect(h.omega!).toBeCloseTo(Math.sqrt(tau * tau * Lambda * Lambda - a * a), 9);
        // On a family a Hopf point is degenerate: no Lyapunov coefficient is claimed.
        expect(h.lyapunov).toBeNull();
      }
    });
  }

  it('type 2 at Λ = 2.5, τ = 1: branch points at α = 1 + τ/Λ and β(τ) = 5, a Hopf point at α = 2', () => {
    const [Lambda, tau, alpha] = [2.5, 1, 3];
    const r2 = (tau - alpha * tau + (tau * tau) / Lambda) / (tau - alpha * tau - (tau * tau) / 2);
    const b = continueEquilibrium(
      ganModel,
      at(Lambda, tau, alpha),
      Float64Array.from([0, 0, Math.sqrt(r2)]),
      ALPHA,
    );
    const kinds = (k: string) => b.special.filter((s) => s.kind === k).map((s) => s.p);
    const bps = kinds('branch-point').sort((x, y) => x - y);
    expect(bps.length).toBeGreaterThanOrEqual(2);
    expect(Math.abs(bps[0]! - (1 + tau / Lambda))).toBeLessThan(1e-9);
    expect(bps.some((p) => Math.abs(p - beta(Lambda, tau)) < 1e-9)).toBe(true);
    // The branch runs through r = +r* and r = −r* (the symmetry w → −w): one Hopf point each.
    const hopf = b.special.filter((s) => s.kind === 'hopf');
    expect(hopf).toHaveLength(2);
    for (const h of hopf) expect(Math.abs(h.p - 2)).toBeLessThan(1e-9);
    expect(hopf[0]!.x[2]! * hopf[1]!.x[2]!).toBeLessThan(0);
    // Stable exactly on 2 ≤ α ≤ β(τ) = 5 (Table 1), from the branch's own eigenvalues.
    b.p.forEach((p, k) => {
      if (Math.abs(p - 2) > 1e-6 && Math.abs(p - 5) > 1e-6 && b.x[3 * k + 2]! > 0)
        expect(b.stability[k], `α = ${p}`).toBe(p > 2 && p < 5 ? 'stable' : 'unstable');
    });
  });

  it('the Hopf points agree with a scan of the eigenvalues (type 3 at P = 1, Λ = 2.5)', () => {
    const [Lambda, tau] = [2.5, 0.45];
    const line = continueEquilibrium(
      ganModel,
      at(Lambda, tau, 1),
      Float64Array.from([1, 0, 0]),
      ALPHA,
    );
    const h = line.special.find((s) => s.kind === 'hopf')!;
    // max Re of the transverse eigenvalues at (1, 0, 0) on 2000 values of α, then bisection.
    const leading = (alpha: number) => {
      const rhs = ganModel.rhs(at(Lambda, tau, alpha));
      const eigs = eigenvalues(jacobian(rhs, Float64Array.from([1, 0, 0])), 3);
      return Math.max(...transverse(eigs, 1).map((e) => e.re));
    };
    let lo = Number.NaN;
    let hi = Number.NaN;
    for (let k = 0; k < 2000; k++) {
      const a0 = 0.05 + (k * 5.95) / 2000;
      const a1 = 0.05 + ((k + 1) * 5.95) / 2000;
      if (leading(a0) < 0 && leading(a1) > 0) [lo, hi] = [a0, a1];
    }
    for (let k = 0; k < 50; k++) {
      const mid = (lo + hi) / 2;
      if (leading(mid) < 0) lo = mid;
      else hi = mid;
    }
    expect(Math.abs(h.p - (lo + hi) / 2)).toBeLessThan(1e-9);
  });
});

describe('GAN d = 1: two-parameter curves in (α, τ)', () => {
  it('the Hopf curve of the type-3 point P = 1 is α = 2τη̄²/Λ (Λ = 2.5, η = 1.3)', () => {
    const [Lambda, eta] = [2.5, 1.3];
    const params = at(Lambda, 0.45, 1, eta);
    const line = continueEquilibrium(ganModel, params, Float64Array.from([1, 0, 0]), ALPHA);
    const h = line.special.find((s) => s.kind === 'hopf')!;
    const curve = continueHopfCurve(ganModel, params, h, {
      axes: ['alpha', 'tau'],
      ranges: [ALPHA.range, [0.05, 2]],
    });
    expect(curve.p1.length).toBeGreaterThan(20);
    for (let k = 0; k < curve.p1.length; k++) {
      expect(Math.abs(curve.p1[k]! - (2 * curve.p2[k]! * eta * eta) / Lambda)).toBeLessThan(1e-9);
    }
    expect(Math.min(...curve.p2)).toBeLessThan(0.06);
    expect(Math.max(...curve.p2)).toBeGreaterThan(1.99);
  });

  it('the fold curve of type 5 is where the roots of (S-64) merge (Λ = 2.5)', () => {
    const Lambda = 2.5;
    // The stable type-5 point at Fig. 4(d)'s rates, continued down to its fold.
    const params = at(Lambda, 0.3, 3);
    const root = (() => {
      const tt = 0.9;
      const tau = 0.3;
      const A = Lambda * (tt - tau) * (0.5 - 1 / tau) + tt;
      const B = Lambda * ((tt / tau) * (1 + tau / 2) - 2);
      const C = Lambda * (1 + tau / 2);
      const u = (-B - Math.sqrt(B * B - 4 * A * C)) / (2 * A);
      const qInv2 = -(Lambda * (tau / 2 - 1) * u + Lambda * (1 + tau / 2)) / tau;
      const P = 1 / Math.sqrt(u);
      const q = 1 / Math.sqrt(qInv2);
      return Float64Array.from([P, q, q / P]);
    })();
    const branch = continueEquilibrium(ganModel, params, root, ALPHA);
    const fold = branch.special.find((s) => s.kind === 'fold');
    expect(fold, JSON.stringify(branch.special.map((s) => [s.kind, s.p]))).toBeDefined();
    expect(Math.abs(s64Discriminant(Lambda, 0.3, fold!.p))).toBeLessThan(1e-9);
    const curve = continueFoldCurve(ganModel, params, fold!, {
      axes: ['alpha', 'tau'],
      ranges: [ALPHA.range, [0.05, 2]],
    });
    expect(curve.p1.length).toBeGreaterThan(10);
    for (let k = 0; k < curve.p1.length; k++) {
      const d = s64Discriminant(Lambda, curve.p2[k]!, curve.p1[k]!);
      expect(Math.abs(d), `τ = ${curve.p2[k]}`).toBeLessThan(1e-9);
    }
  });
});

describe('GAN d = 1: the oscillating phase’s periodic orbits (Fig. 4(b), Λ = 1.2, τ = 0.3)', () => {
  const [Lambda, tau] = [1.2, 0.3];
  it('shooting agrees with long integrations, and the orbits are born at α = 2τ/Λ from P_c', () => {
    const params = at(Lambda, tau, 0.6);
    const rhs = ganModel.rhs(params);
    const long = solveOde(rhs, ganModel.initialState(params), timeGrid(0, 2000, 2), {
      rtol: 1e-10,
      atol: 1e-12,
    });
    const onOrbit = long.y.slice(3, 6);
    const orbits = continuePeriodicOrbit(ganModel, params, onOrbit, 40.5, {
      axis: 'alpha',
      range: [0.5, 0.9],
      maxPoints: 40,
    });
    // Stable cycles (the onset orbit itself has a multiplier 1 − O(amplitude²): marginal).
    orbits.p.forEach((_, k) => {
      if (orbits.max[3 * k + 1]! > 0.01) expect(orbits.stability[k]).toBe('stable');
    });
    // Three orbits of the branch against the ODE run for t ∈ [0, 6000] at the same α from
    // Fig. 4's start: max q over the last 1200 time units, and the mean period between upward
    // crossings of q = 0.
    const picks = [0.55, 0.7, 0.85].map((target) =>
      orbits.p.reduce(
        (best, p, k) => (Math.abs(p - target) < Math.abs(orbits.p[best]! - target) ? k : best),
        0,
      ),
    );
    for (const k of picks) {
      const alpha = orbits.p[k]!;
      const { qMax, period } = cycleByIntegration(Lambda, tau, alpha);
      expect(Math.abs(orbits.max[3 * k + 1]! - qMax), `q amplitude at α = ${alpha}`).toBeLessThan(
        1e-4,
      );
      expect(Math.abs(orbits.period[k]! - period), `period at α = ${alpha}`).toBeLessThan(0.01);
    }
    // Onset: the smallest orbit sits at α → 2τ/Λ around P_c = √(1 − τη̄²/Λ), period 2π/ω_c with
    // ω_c² = τ³η̄²(Λ − τη̄²) (docs/models/gan.md, "The oscillating phase").
    const first = orbits.p.indexOf(Math.min(...orbits.p));
    const amp = orbits.max[3 * first + 1]!;
    expect(amp).toBeLessThan(0.05);
    expect(Math.abs(orbits.p[first]! - (2 * tau) / Lambda)).toBeLessThan(2 * amp * amp);
    const Pc = Math.sqrt(1 - tau / Lambda);
    expect(Math.abs((orbits.min[3 * first]! + orbits.max[3 * first]!) / 2 - Pc)).toBeLessThan(
      amp * amp,
    );
    const omega = Math.sqrt(tau ** 3 * (Lambda - tau));
    expect(Math.abs(orbits.period[first]! - (2 * Math.PI) / omega)).toBeLessThan(0.01);
  });
});

/**
 * The cycle an ODE run settles on: from `start`, `settle` time units, then a window of `window`
 * units at `samples` samples; the max of state variable `i` over the window and the mean period
 * between its upward crossings of 0 (NaN with fewer than two).
 */
function lateCycle(
  p: ReturnType<typeof at>,
  start: Float64Array,
  [settle, window, samples]: [number, number, number],
  i: number,
) {
  const tol = { rtol: 1e-10, atol: 1e-12 };
  const sol = solveOde(ganModel.rhs(p), start, timeGrid(0, settle, 2), tol);
  const late = solveOde(ganModel.rhs(p), sol.y.slice(3, 6), timeGrid(0, window, samples), tol);
  let max = Number.NEGATIVE_INFINITY;
  const ups: number[] = [];
  for (let j = 0; j < late.t.length; j++) {
    max = Math.max(max, late.y[3 * j + i]!);
    if (j > 0 && late.y[3 * (j - 1) + i]! < 0 && late.y[3 * j + i]! >= 0) ups.push(late.t[j]!);
  }
  const period = ups.length >= 2 ? (ups[ups.length - 1]! - ups[0]!) / (ups.length - 1) : Number.NaN;
  return { max, period };
}

/** Fig. 4's oscillating cycle at α: t ∈ [0, 6000] from Fig. 4's start, q over the last 1200. */
function cycleByIntegration(Lambda: number, tau: number, alpha: number) {
  const p = at(Lambda, tau, alpha);
  const { max, period } = lateCycle(p, ganModel.initialState(p), [4800, 1200, 24001], 1);
  return { qMax: max, period };
}

describe('GAN d = 1: the bifurcation diagram starts the oscillating phase’s cycles itself', () => {
  it('the family’s Hopf points test supercritical, and their cycles match integrations', () => {
    const [Lambda, tau] = [1.2, 0.3];
    const d = bifurcationDiagram(ganModel, at(Lambda, tau, 2 / 3), {
      axis: 'alpha',
      range: [0.1, 4],
      orbits: true,
    });
    const hopfs = d.branches.flatMap((b) => b.special.filter((s) => s.kind === 'hopf'));
    expect(hopfs.length).toBeGreaterThan(0);
    for (const h of hopfs) {
      expect(Math.abs(h.p - (2 * tau) / Lambda)).toBeLessThan(1e-9);
      expect(h.lyapunov).toBeNull();
      expect(h.criticality, h.criticalityTest).toBe('supercritical');
    }
    // The members P = ±1 give the two mirror cycles, around ±P_c, P_c = √(1 − τη̄²/Λ).
    const Pc = Math.sqrt(1 - tau / Lambda);
    expect(d.periodic).toHaveLength(2);
    const centres = d.periodic.map((o) => (o.min[0]! + o.max[0]!) / 2).sort((a, b) => a - b);
    expect(Math.abs(centres[0]! + Pc)).toBeLessThan(0.02);
    expect(Math.abs(centres[1]! - Pc)).toBeLessThan(0.02);
    for (const o of d.periodic) {
      // From near the Hopf line up to the homoclinic end, where the period has grown 2.5-fold.
      expect(Math.min(...o.p)).toBeLessThan(0.53);
      expect(o.ends[1]).toMatch(/period grew/);
      const k = o.p.reduce((b, p, j) => (Math.abs(p - 0.7) < Math.abs(o.p[b]! - 0.7) ? j : b), 0);
      const { qMax, period } = cycleByIntegration(Lambda, tau, o.p[k]!);
      expect(Math.abs(o.max[3 * k + 1]! - qMax)).toBeLessThan(1e-4);
      expect(Math.abs(o.period[k]! - period)).toBeLessThan(0.01);
      expect(o.stability[k]).toBe('stable');
    }
  });
});

describe('GAN d = 1: cycles born at the Hopf point of type 2 (Λ = 2.5, τ = 1, α = 2)', () => {
  it('supercritical (l₁ < 0), ω² = τ̃τΛ²r² − (τ̃Λr²)², stable cycles for α < 2 as integrations show', () => {
    const [Lambda, tau] = [2.5, 1];
    const params = at(Lambda, tau, 3);
    const r2 = (tau - 3 * tau + (tau * tau) / Lambda) / (tau - 3 * tau - (tau * tau) / 2);
    const b = continueEquilibrium(
      ganModel,
      params,
      Float64Array.from([0, 0, Math.sqrt(r2)]),
      ALPHA,
    );
    const h = b.special.find((s) => s.kind === 'hopf' && s.x[2]! > 0)!;
    // The upper-left block of (S-53) at zero trace: ω² = its determinant.
    const [tt, r] = [2 * tau, h.x[2]!];
    const omega2 = tt * tau * Lambda * Lambda * r * r - (tt * Lambda * r * r) ** 2;
    expect(h.omega!).toBeCloseTo(Math.sqrt(omega2), 9);
    expect(h.lyapunov!).toBeLessThan(0);
    expect(h.criticality).toBe('supercritical');
    const orbits = periodicFromHopf(ganModel, params, h, {
      axis: 'alpha',
      range: [1.5, 2.5],
      maxPoints: 30,
    });
    // Supercritical: the cycles exist where type 2 is unstable (α < 2), and are stable.
    orbits.p.forEach((alpha, k) => {
      expect(alpha).toBeLessThanOrEqual(2 + 1e-9);
      if (orbits.max[3 * k]! > 0.01) expect(orbits.stability[k]).toBe('stable');
    });
    const picks = [1.95, 1.8, 1.6].map((target) =>
      orbits.p.reduce(
        (best, p, k) => (Math.abs(p - target) < Math.abs(orbits.p[best]! - target) ? k : best),
        0,
      ),
    );
    for (const k of picks) {
      const alpha = orbits.p[k]!;
      const start = Float64Array.from([0.05, 0.05, Math.sqrt(r2)]);
      const pMax = lateCycle(at(Lambda, tau, alpha), start, [600, 60, 60001], 0).max;
      expect(Math.abs(orbits.max[3 * k]! - pMax), `P amplitude at α = ${alpha}`).toBeLessThan(1e-4);
    }
  });
});

describe('GAN d = 1: the Hopf curve of type 2 in (α, τ) (Λ = 2.5)', () => {
  it('is α = 2 (S-56) and ends at the Bogdanov–Takens point where β(τ) = 2, τ = 2Λ/(Λ + 4)', () => {
    const [Lambda, tau] = [2.5, 1];
    const params = at(Lambda, tau, 3);
    const r2 = (tau - 3 * tau + (tau * tau) / Lambda) / (tau - 3 * tau - (tau * tau) / 2);
    const b = continueEquilibrium(
      ganModel,
      params,
      Float64Array.from([0, 0, Math.sqrt(r2)]),
      ALPHA,
    );
    const h = b.special.find((s) => s.kind === 'hopf' && s.x[2]! > 0)!;
    const curve = continueHopfCurve(ganModel, params, h, {
      axes: ['alpha', 'tau'],
      ranges: [ALPHA.range, [0.05, 2]],
    });
    expect(curve.ends).toContain('ω² = 0 (a Bogdanov–Takens point or a neutral saddle)');
    curve.p1.forEach((alpha, k) => {
      // Near the end ω → 0 and the augmented system turns singular: α there is looser.
      if (curve.omega![k]! > 0.1) expect(Math.abs(alpha - 2)).toBeLessThan(1e-9);
    });
    const last = curve.p2.indexOf(Math.min(...curve.p2));
    expect(Math.abs(curve.p2[last]! - (2 * Lambda) / (Lambda + 4))).toBeLessThan(1e-4);
    expect(Math.abs(beta(Lambda, curve.p2[last]!) - 2)).toBeLessThan(1e-3);
  });
});
