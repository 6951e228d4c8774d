/**
 * Fig. 5 (d = 2) cells labelled from the stable fixed point the ODE settles at and its eigenvalues
 * (theory.settle and d2Phase in theory.ts): the cells issue 14 measured, and a setting that
 * appears in no paper, against Claim 1 (15).
 */
import { describe, expect, it } from 'vitest';

import { phaseCell } from '../../core/analysis';
import { runOde } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { ganModel } from '.';

const fig5 = ganModel.presets.find((p) => p.id === 'fig5')!.state;

function cell(base: string, tau: number, alpha: number) {
  const { params } = parseState(`model=gan&${base}&tau=${tau}&taut=${tau * alpha}`, models);
  return { params, cell: phaseCell(ganModel, params) };
}

describe('Fig. 5: cells settle before they are labelled', () => {
  it('τ = 0.05, α = 0.05: info-1, although at t = 1000 the ODE is still learning feature 2', () => {
    const { params, cell: c } = cell(fig5, 0.05, 0.05);
    expect(c.label).toBe('info-1');
    expect(c.settled?.status).toBe('fixed');
    expect(c.settled!.T).toBeGreaterThan(1000);
    // The fixed horizon T = 1000 ends mid-transition (q₂ ≈ −0.91, P₂₂ ≈ 0.47): read there, the
    // end state has q ≠ 0 and would pass for info-2.
    const early = runOde(ganModel, { ...params, T: 1000 }, { samples: 2 });
    const at = (name: string) => early.y[early.names.length + early.names.indexOf(name)]!;
    expect(Math.abs(at('q2'))).toBeGreaterThan(0.5);
    expect(at('P22')).toBeLessThan(0.6);
  });

  it('τ = 0.332, α = 0.614: a mixed state, q = r = 0 with a P that mixes the features', () => {
    const { cell: c } = cell(fig5, 0.332, 0.614);
    expect(c.label).toBe('mixed');
    const x = c.settled!.final;
    const names = ganModel.stateNames(parseState(`model=gan&${fig5}`, models).params);
    const at = (n: string) => x[names.indexOf(n)]!;
    // The state issue 14 measured: P = [[0.823, 0.499], [−0.197, 0.652]], S₁₂ = 0.31.
    expect(at('P11')).toBeCloseTo(0.823, 2);
    expect(at('P12')).toBeCloseTo(0.499, 2);
    expect(at('P21')).toBeCloseTo(-0.197, 2);
    expect(at('P22')).toBeCloseTo(0.652, 2);
    expect(at('S12')).toBeCloseTo(0.314, 2);
    for (const n of ['q1', 'q2', 'r1', 'r2']) expect(Math.abs(at(n))).toBeLessThan(1e-6);
    expect(c.settled!.status).toBe('fixed');
    expect(c.settled!.residual).toBeLessThanOrEqual(1e-7);
  });

  it('τ = 1.2364, α = 0.05 (τη̄² = 4.95, 1% below Λ₁ = 5): too slow to settle by 8000, so unsettled', () => {
    const { cell: c } = cell(fig5, 1.2364, 0.05);
    expect(c.label).toBe('unsettled');
    expect(c.settled?.T).toBe(8000);
    // Still creeping at t = 8000 (critical slowing down at the learnability edge of (15)).
    expect(c.settled!.residual).toBeGreaterThan(1e-7);
  });
});

describe('a d = 2 setting in no paper: Λ = Λ̃ = diag(4, 2), η = 1.5, against Claim 1 (15)', () => {
  // τη̄² = 2.25τ. Left inequality: 2.25τ ≥ ½αΛ₁ = 2α; learnable features: 2.25τ < Λ_ℓ.
  const base =
    'lambda=inf&d=2&Lambda=4,2&LambdaT=4,2&P0=0.1,0.1&q0=0.1,0.1&etaT=1.5&etaG=1.5&T=600';
  const cases: [number, number, string][] = [
    [0.3, 0.2, 'info-1'], // 0.675 ≥ 0.4, both learnable
    [0.6, 0.5, 'info-1'], // 1.35 ≥ 1
    [0.3, 1, 'oscillating'], // 0.675 < 2: the left inequality fails
    [1.2, 0.3, 'half-info'], // 2 ≤ 2.7 < 4: only feature 1
    [2, 0.3, 'noninfo-1'], // 4.5 ≥ 4: neither
  ];
  for (const [tau, alpha, phase] of cases) {
    it(`τ = ${tau}, α = ${alpha}: ${phase}`, () => {
      expect(cell(base, tau, alpha).cell.label).toBe(phase);
    });
  }
});
