/**
 * The presets of Figs. 2, 4 and 5 against the numbers the paper states: Theorems 5.1 and 5.3
 * (settled ε_g), Supplement C.1 and Theorem 5.4 (eigenvalues), and the convergence times of
 * linear and tanh annealing (Supplement D.1).
 */
import { describe, expect, it } from 'vitest';

import { scan1d } from '../../core/analysis';
import { scansOf } from '../../core/model';
import { runOde, series } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { vaeModel } from '.';
import { jMaxTheorem } from './annealing';

function preset(id: string) {
  return parseState(`model=vae&${vaeModel.presets.find((p) => p.id === id)!.state}`, models).params;
}
const spec = (id: string) => scansOf(vaeModel).find((s) => s.id === id)!;
const scanAt = (id: string, scanId: string, values: number[]) =>
  scan1d(vaeModel, preset(id), { param: spec(scanId).x, values }, spec(scanId));

describe("Fig. 1: ε_g's early peak for small β", () => {
  // From the fig1-matched preset (random start, decoder norm Q₀ = 0.01): on the plateau (m ≈ 0)
  // Q relaxes to ≈ 0.22 at β = 0.5 (the decoder fits the noise through the encoder), so ε_g ≈ ρ + Q
  // rises before m escapes and it falls. Larger β fits less noise: the peak shrinks.
  const rise = (extra: string) => {
    const { params } = parseState(
      `model=vae&${vaeModel.presets.find((p) => p.id === 'fig1-matched')!.state}&${extra}&T=600`,
      models,
    );
    const run = runOde(vaeModel, params, { samples: 601 });
    const e = series(run, 'epsg');
    let j = 0;
    for (let k = 0; k < e.length; k++) if (e[k]! > e[j]!) j = k;
    return { rise: e[j]! - e[0]!, at: run.t[j]! };
  };

  it('peaks near t ≈ 170 at β = 0.5, less at each larger β, and not from a unit-norm decoder', () => {
    const r = [0.5, 1, 1.5, 2].map((b) => rise(`beta=${b}`));
    expect(r[0]!.rise).toBeGreaterThan(0.1); // 1.003 → 1.138
    expect(r[0]!.at).toBeGreaterThan(100);
    expect(r[0]!.at).toBeLessThan(250);
    for (let k = 1; k < r.length; k++) expect(r[k]!.rise).toBeLessThan(r[k - 1]!.rise);
    // Q(0) = 1 lies above the plateau's Q: ε_g only falls (its maximum is at t = 0).
    expect(rise('beta=0.5&Q0=1').rise).toBe(0);
  });
});

describe('Fig. 2: the settled ε_g against β (τ = 0.001)', () => {
  // ρ = η = 1, P = 2: ε* = ρ − √(P − β)(2√ρ − √(P − β)) (16); beyond β = P, ε* = ρ.
  const eps51 = (b: number) => (b < 2 ? 1 - Math.sqrt(2 - b) * (2 - Math.sqrt(2 - b)) : 1);
  it('matched (solid): Theorem 5.1', () => {
    const betas = [0.5, 1, 1.5, 2.5];
    const r = scanAt('fig2-matched', 'beta', betas);
    r.measured.forEach((e, k) => expect(e).toBeCloseTo(eps51(betas[k]!), 2));
  });
  it('mismatched (dashed): Theorem 5.3, + (η − β) for β < η', () => {
    const betas = [0.5, 1.5];
    const r = scanAt('fig2-mismatched', 'beta', betas);
    expect(r.measured[0]).toBeCloseTo(eps51(0.5) + 0.5, 2); // 0.5505
    expect(r.measured[1]).toBeCloseTo(eps51(1.5), 2); // 0.0858
    expect(r.labels).toEqual(['overfitting', 'learnable']);
  });
});

describe('Fig. 4: λ_max/τ at the stable point against β (τ = 0.001)', () => {
  it("at β = 1, Theorem 5.4's J_max/τ in all three panels (ρ = 2 − ν, η = ν)", () => {
    for (const [id, nu] of [
      ['fig4-left', 1.5],
      ['fig4-middle', 1],
      ['fig4-right', 0.05],
    ] as const) {
      const [value] = scanAt(id, 'fig4', [1]).measured;
      // (√5 − 3)/2 = −0.382 for ν ∈ [0.102, 1.516]; −(2ν + 1) + √(4ν(2ν − 1) + 1) = −0.1945 at ν = 0.05.
      expect(value, id).toBeCloseTo(jMaxTheorem(1, nu), 2);
    }
  });

  it('beyond β = ρ + η, the collapsed point of C.1: λ₆/τ = −½(1 + βP − √((1 + βP)² + 4P(P − β)))', () => {
    const betas = [2.5, 2.95];
    const r = scanAt('fig4-middle', 'fig4', betas);
    r.measured.forEach((v, k) => {
      const b = betas[k]!;
      const P = 2;
      expect(v).toBeCloseTo(-0.5 * (1 + b * P - Math.sqrt((1 + b * P) ** 2 + 4 * P * (P - b))), 3);
    });
    expect(r.labels).toEqual(['collapsed', 'collapsed']);
  });

  it('matched: λ_max/τ → 0 from both sides of β = ρ + η = 2 (Theorem 5.1: marginal there)', () => {
    const r = scanAt('fig4-middle', 'fig4', [1.95, 2.05, 1.5]);
    for (const v of r.measured.slice(0, 2)) {
      expect(v).toBeLessThan(0);
      expect(v).toBeGreaterThan(-0.04);
    }
    expect(r.measured[2]).toBeLessThan(-0.25);
  });

  it('mismatched: λ_max/τ → 0 at β = η as well (Theorem 5.3: marginal at β = η)', () => {
    const r = scanAt('fig4-middle-mismatched', 'fig4', [0.95, 1.05, 1.35]);
    for (const v of r.measured.slice(0, 2)) {
      expect(v).toBeLessThan(0);
      expect(v).toBeGreaterThan(-0.06);
    }
    expect(r.measured[2]).toBeLessThan(-0.2);
    expect(r.labels).toEqual(['overfitting', 'learnable', 'learnable']);
  });
});

describe('Fig. 5: convergence time against γ at τ = 0.001 (Supplement D.1)', () => {
  it('linear annealing β(t) = γt: ∝ 1/γ when slow, an optimum below constant β, constant β when fast', () => {
    const r = scanAt('fig5-linear', 'gamma-linear', [1e-5, 1.34e-4, 0.1]);
    const [slow, best, fast] = r.measured as [number, number, number];
    const constant = r.reference!;
    // β needs 1/γ to reach 1; the time to ε* + 0.001 is about that when the ramp sets the pace.
    expect(1e-5 * slow).toBeGreaterThan(0.9);
    expect(1e-5 * slow).toBeLessThan(1.05);
    expect(best).toBeLessThan(0.92 * constant);
    expect(fast / constant).toBeCloseTo(1, 2);
  });

  it('tanh annealing: the same shape, slower than constant β below −J_max/2 (Theorem 5.4)', () => {
    const r = scanAt('fig5-tanh', 'fig5-tanh', [1e-4, 2.4e-4, 0.1]);
    const [slow, best, fast] = r.measured as [number, number, number];
    const constant = r.reference!;
    expect(-jMaxTheorem(0.001, 1) / 2).toBeGreaterThan(1e-4); // 1.9e-4
    expect(slow).toBeGreaterThan(constant);
    expect(best).toBeLessThan(0.92 * constant);
    expect(fast / constant).toBeCloseTo(1, 2);
  });
});
