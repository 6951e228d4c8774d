/**
 * The criticality test at a Hopf point on a line of equilibria, on a system where the answer is
 * known: in (x, y, z) with r² = x² + y²,
 *   x' = μx − y + a x r² − x r⁴,  y' = x + μy + a y r² − y r⁴,  z' = 10 r²(c − z),
 * every point of r = 0 is an equilibrium (a line along z), each with the transverse pair μ ± i:
 * every member has its Hopf point at μ = 0. The radius obeys r' = μr + ar³ − r⁵, so for a = −1
 * a stable cycle r² = (√(1 + 4μ) − 1)/2 ≈ μ is born for μ > 0 (supercritical) and z settles at c;
 * for a = +1 no small cycle exists for μ > 0, and the run leaves for the large cycle
 * r² = (1 + √(1 + 4μ))/2 ≈ 1 (subcritical).
 */
import { describe, expect, it } from 'vitest';

import { continueEquilibrium } from './equilibria';
import { familyHopfTest, familyOrbits, unstableSide } from './familyHopf';
import { toy } from './toyModel';

const C = 0.3;

const line = toy(({ mu, a }) => (_t, s, out) => {
  const [x, y, z] = [s[0]!, s[1]!, s[2]!];
  const r2 = x * x + y * y;
  out[0] = mu * x - y + a * x * r2 - x * r2 * r2;
  out[1] = x + mu * y + a * y * r2 - y * r2 * r2;
  out[2] = 10 * r2 * (C - z);
});

const RANGE: [number, number] = [-0.5, 0.5];

function hopfOnLine(a: number, member: number) {
  const params = { mu: -0.3, nu: 0, a };
  const branch = continueEquilibrium(line, params, Float64Array.from([0, 0, member]), {
    axis: 'mu',
    range: RANGE,
  });
  const hopf = branch.special.find((s) => s.kind === 'hopf');
  return { params, branch, hopf: hopf! };
}

describe('a Hopf point on a line of equilibria', () => {
  it('is found on the family, at μ = 0, with l₁ left null', () => {
    const { branch, hopf } = hopfOnLine(-1, 0.8);
    expect(branch.family?.dimension).toBe(1);
    expect(hopf).toBeDefined();
    expect(Math.abs(hopf.p)).toBeLessThan(1e-9);
    expect(hopf.lyapunov).toBeNull();
    expect(unstableSide(branch, hopf)).toBe(1);
  });

  it('a = −1: supercritical, the two amplitudes grow like √δ, the cycle sits at z = c', () => {
    const { params, branch, hopf } = hopfOnLine(-1, 0.8);
    const test = familyHopfTest(line, params, branch, hopf, 'mu', RANGE);
    expect(test.criticality, test.why).toBe('supercritical');
    test.p.forEach((mu, k) => {
      const radius = Math.sqrt((Math.sqrt(1 + 4 * mu) - 1) / 2);
      // The swing is read from samples of the run: ≤ (π/100)²/2 ≈ 5·10⁻⁴ low (familyHopf.ts).
      expect(Math.abs(test.amplitude[k]! - radius)).toBeLessThan(1e-3 * radius);
    });
    expect(Math.abs(test.cycle!.centre[2]! - C)).toBeLessThan(1e-3);
    expect(Math.abs(test.cycle!.period - 2 * Math.PI)).toBeLessThan(1e-3);
  });

  it('a = −1: the continued cycles have the closed-form radius and are stable', () => {
    const { params, branch, hopf } = hopfOnLine(-1, 0.8);
    const test = familyHopfTest(line, params, branch, hopf, 'mu', RANGE);
    const orbits = familyOrbits(line, params, test.cycle!, { axis: 'mu', range: RANGE });
    expect(orbits.p.length).toBeGreaterThan(5);
    expect(Math.max(...orbits.p)).toBeGreaterThan(0.49);
    orbits.p.forEach((mu, k) => {
      const radius = Math.sqrt((Math.sqrt(1 + 4 * mu) - 1) / 2);
      expect(Math.abs(orbits.max[3 * k]! - radius), `μ = ${mu}`).toBeLessThan(1e-4);
      if (mu > 0.01) expect(orbits.stability[k]).toBe('stable');
    });
  });

  it('a = +1: subcritical, the run leaves for the large cycle', () => {
    const { params, branch, hopf } = hopfOnLine(1, 0.8);
    const test = familyHopfTest(line, params, branch, hopf, 'mu', RANGE);
    expect(test.criticality, test.why).toBe('subcritical');
    expect(test.cycle).toBeNull();
    // Both runs end on the large cycle, of radius about 1 whatever δ.
    for (const [k, mu] of test.p.entries()) {
      const big = Math.sqrt((1 + Math.sqrt(1 + 4 * mu)) / 2);
      expect(Math.abs(test.amplitude[k]! - big)).toBeLessThan(1e-3);
    }
  });
});
