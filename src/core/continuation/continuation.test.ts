/**
 * The continuation on systems whose bifurcations are known in closed form: the Hopf normal
 * form (l₁ = 2a with ⟨q, q⟩ = 1, see hopf.ts; cycle radius √(−μ/a), period 2π), a fold x' = μ + νx − x² (folds on
 * μ = −ν²/4) and a transcritical point x' = μx − x² (the branch x = μ crosses x = 0 at μ = 0).
 */
import { describe, expect, it } from 'vitest';

import { continueFoldCurve } from './curves';
import { continueEquilibrium, continueFromBranchPoint } from './equilibria';
import { periodicFromHopf } from './periodic';
import { toy } from './toyModel';

// x' = μx − y + a x r², y' = x + μy + a y r², z' = −z: ż = (μ + i)z + a|z|²z for z = x + iy.
const hopfNormalForm = toy(({ mu, a }) => (_t, s, out) => {
  const [x, y, z] = [s[0]!, s[1]!, s[2]!];
  const r2 = x * x + y * y;
  out[0] = mu * x - y + a * x * r2;
  out[1] = x + mu * y + a * y * r2;
  out[2] = -z;
});

const fold = toy(({ mu, nu }) => (_t, s, out) => {
  out[0] = mu + nu * s[0]! - s[0]! ** 2;
  out[1] = -s[1]!;
  out[2] = -2 * s[2]!;
});

const transcritical = toy(({ mu }) => (_t, s, out) => {
  out[0] = mu * s[0]! - s[0]! ** 2;
  out[1] = -s[1]!;
  out[2] = -s[2]! + s[0]! * s[1]!;
});

describe('Hopf points', () => {
  for (const a of [-1, 1]) {
    it(`normal form with a = ${a}: Hopf at μ = 0, ω = 1, l₁ = ${2 * a}`, () => {
      const b = continueEquilibrium(hopfNormalForm, { mu: -0.5, nu: 0, a }, new Float64Array(3), {
        axis: 'mu',
        range: [-0.5, 0.5],
      });
      const hopf = b.special.filter((s) => s.kind === 'hopf');
      expect(hopf).toHaveLength(1);
      expect(Math.abs(hopf[0]!.p)).toBeLessThan(1e-10);
      expect(hopf[0]!.omega).toBeCloseTo(1, 10);
      // Finite differences of F (steps 1e-4, 1e-3): l₁ to ~1e-6.
      expect(Math.abs(hopf[0]!.lyapunov! - 2 * a)).toBeLessThan(1e-5);
      expect(hopf[0]!.criticality).toBe(a < 0 ? 'supercritical' : 'subcritical');
      // Stable for μ < 0, unstable for μ > 0.
      expect(b.stability[0]).toBe('stable');
      expect(b.stability[b.stability.length - 1]).toBe('unstable');
    });
  }

  it('the cycles born at the supercritical Hopf point have radius √μ and period 2π', () => {
    const b = continueEquilibrium(hopfNormalForm, { mu: -0.5, nu: 0, a: -1 }, new Float64Array(3), {
      axis: 'mu',
      range: [-0.5, 0.5],
    });
    const hopf = b.special.find((s) => s.kind === 'hopf')!;
    const orbits = periodicFromHopf(hopfNormalForm, { mu: 0, nu: 0, a: -1 }, hopf, {
      axis: 'mu',
      range: [-0.1, 0.2],
      maxPoints: 60,
    });
    expect(orbits.p.length).toBeGreaterThan(5);
    for (let k = 0; k < orbits.p.length; k++) {
      const mu = orbits.p[k]!;
      expect(mu).toBeGreaterThan(0); // supercritical: cycles where the equilibrium is unstable
      expect(orbits.max[3 * k]!).toBeCloseTo(Math.sqrt(mu), 5);
      expect(orbits.period[k]!).toBeCloseTo(2 * Math.PI, 6);
      // Floquet multiplier of the radial direction: e^{−2μ·2π}.
      if (mu > 0.02) expect(orbits.multiplier[k]!).toBeCloseTo(Math.exp(-4 * Math.PI * mu), 3);
      expect(orbits.stability[k]).toBe('stable');
    }
    expect(orbits.ends[1]).toBe('range');
  });
});

describe('folds and branch points', () => {
  it('x′ = μ − x²: a fold at μ = 0, and the fold curve μ = −ν²/4 of x′ = μ + νx − x²', () => {
    const b = continueEquilibrium(fold, { mu: 1, nu: 0, a: 0 }, Float64Array.from([1, 0, 0]), {
      axis: 'mu',
      range: [-1, 1],
    });
    const folds = b.special.filter((s) => s.kind === 'fold');
    expect(folds).toHaveLength(1);
    expect(Math.abs(folds[0]!.p)).toBeLessThan(1e-12);
    expect(Math.abs(folds[0]!.x[0]!)).toBeLessThan(1e-6);
    // Both halves: x = +√μ stable, x = −√μ unstable, and the branch returns to μ = 1.
    expect(b.ends).toEqual(['range', 'range']);
    expect(new Set(b.stability)).toEqual(new Set(['stable', 'unstable']));
    const curve = continueFoldCurve(fold, { mu: 0, nu: 0, a: 0 }, folds[0]!, {
      axes: ['mu', 'nu'],
      ranges: [
        [-2, 2],
        [-2, 2],
      ],
    });
    expect(curve.p1.length).toBeGreaterThan(20);
    for (let k = 0; k < curve.p1.length; k++) {
      const nu = curve.p2[k]!;
      expect(Math.abs(curve.p1[k]! + (nu * nu) / 4)).toBeLessThan(1e-9);
      expect(Math.abs(curve.x[3 * k]! - nu / 2)).toBeLessThan(1e-6);
    }
    expect(Math.min(...curve.p2)).toBeCloseTo(-2, 9);
    expect(Math.max(...curve.p2)).toBeCloseTo(2, 9);
  });

  it('x′ = μx − x²: a branch point at μ = 0, and switching finds x = μ', () => {
    const b = continueEquilibrium(transcritical, { mu: -1, nu: 0, a: 0 }, new Float64Array(3), {
      axis: 'mu',
      range: [-1, 1],
    });
    const bps = b.special.filter((s) => s.kind === 'branch-point');
    expect(bps).toHaveLength(1);
    expect(Math.abs(bps[0]!.p)).toBeLessThan(1e-9);
    expect(b.special.filter((s) => s.kind === 'fold')).toHaveLength(0);
    const other = continueFromBranchPoint(transcritical, { mu: 0, nu: 0, a: 0 }, bps[0]!, {
      axis: 'mu',
      range: [-1, 1],
    });
    for (let k = 0; k < other.p.length; k++) {
      expect(Math.abs(other.x[3 * k]! - other.p[k]!)).toBeLessThan(1e-9);
    }
    expect(Math.min(...other.p)).toBeCloseTo(-1, 9);
    expect(Math.max(...other.p)).toBeCloseTo(1, 9);
    // Exchange of stability: x = μ is stable for μ > 0 only.
    other.p.forEach((mu, k) => {
      if (Math.abs(mu) > 1e-3) expect(other.stability[k]).toBe(mu > 0 ? 'stable' : 'unstable');
    });
  });
});
