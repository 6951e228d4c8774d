/**
 * Continuation of the contrastive model's learnability threshold (Prop. 3, d₁ = 1, η = 0): the
 * non-learning state Q = 0 loses stability at a branch point m₂* = 1 + 10τ/m for σ = x² and
 * 1 + τ/m for ReLU (docs/models/contrastive.md), where the recovery branch crosses it; for ReLU
 * that branch is Q* = (ν − τ/m)/(ν(1 + τ/m)), ν = m₂ − 1.
 */
import { describe, expect, it } from 'vitest';

import { continueEquilibrium, continueFromBranchPoint } from '../../core/continuation/equilibria';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { contrastiveModel } from '.';

function at(sigma: string, tauOverM: number, m2: number) {
  return parseState(
    `model=contrastive&d1=1&c1=gauss:${m2}&tau=${8 * tauOverM}&batch=8&sigma=${sigma}`,
    models,
  ).params;
}

// The rhs extends dQ/dt oddly to Q < 0 through |Q| (docs/models/contrastive.md, "Domain"), so
// its second derivative jumps at Q = 0 and central differences of step h there carry an O(h)
// bias in ∂F/∂Q: the branch point is located to ~1e-7, not to round-off. The m2 axis is also
// written into the law's text with 10 digits, so Newton is asked for 1e-9 only.
const TOL = { tol: 1e-9 };

describe('contrastive: Prop. 3 threshold as a branch point', () => {
  for (const [sigma, kappa] of [
    ['square', 10],
    ['relu', 1],
  ] as const) {
    for (const tm of [0.004, 0.03]) {
      it(`σ = ${sigma}, τ/m = ${tm}: Q = 0 branches at m₂* = 1 + ${kappa}τ/m`, () => {
        const params = at(sigma, tm, 1);
        const b = continueEquilibrium(contrastiveModel, params, new Float64Array(1), {
          axis: 'm2',
          range: [0.6, 1.6],
          ...TOL,
        });
        const bps = b.special.filter((s) => s.kind === 'branch-point');
        expect(bps).toHaveLength(1);
        expect(Math.abs(bps[0]!.p - (1 + kappa * tm))).toBeLessThan(1e-6);
        b.p.forEach((m2, k) => {
          if (Math.abs(m2 - 1 - kappa * tm) > 1e-4)
            expect(b.stability[k]).toBe(m2 < 1 + kappa * tm ? 'stable' : 'unstable');
        });
        const other = continueFromBranchPoint(contrastiveModel, params, bps[0]!, {
          axis: 'm2',
          range: [0.6, 1.6],
          ...TOL,
        });
        // Only Q ≥ 0 is admissible: the branch ends on that side at the domain or the range.
        const inside = other.p.filter((_, k) => other.x[k]! > 1e-3);
        expect(inside.length).toBeGreaterThan(5);
        if (sigma === 'relu') {
          other.p.forEach((m2, k) => {
            const nu = m2 - 1;
            const Q = other.x[k]!;
            if (Q > 1e-3) expect(Math.abs(Q - (nu - tm) / (nu * (1 + tm)))).toBeLessThan(1e-6);
          });
        }
      });
    }
  }
});

describe('contrastive: the Q₁ + Q₂ line of two equal features does not break the continuation', () => {
  const state = (tm: number) =>
    `model=contrastive&d1=2&c1=gauss:1.2&c2=gauss:1.2&tau=${8 * tm}&batch=8&sigma=square`;
  it('along τ/m the line is pinned at Q₁ and Q₁ + Q₂ follows the one-feature recovery state', () => {
    const { params } = parseState(state(0.009), models);
    const start = Float64Array.from([0.1, 0.0]);
    // A member: Q₁ = 0.1 with Q₂ from the one-feature recovery state Q* (Q₁ + Q₂ = Q*).
    const one = parseState(
      `model=contrastive&d1=1&c1=gauss:1.2&tau=0.072&batch=8&sigma=square`,
      models,
    ).params;
    const single = continueEquilibrium(contrastiveModel, one, Float64Array.from([0.75]), {
      axis: 'tauOverM',
      range: [0.002, 0.02],
    });
    const qStar = (tm: number) => {
      // Linear interpolation on the one-feature branch (its upper, stable half).
      let best = Number.NaN;
      for (let k = 0; k + 1 < single.p.length; k++) {
        const [a, b] = [single.p[k]!, single.p[k + 1]!];
        if ((tm - a) * (tm - b) <= 0 && single.stability[k] === 'stable') {
          best = single.x[k]! + ((tm - a) / (b - a)) * (single.x[k + 1]! - single.x[k]!);
        }
      }
      return best;
    };
    start[1] = qStar(0.009) - 0.1;
    const b = continueEquilibrium(contrastiveModel, params, start, {
      axis: 'tauOverM',
      range: [0.002, 0.02],
      maxStep: 2e-4,
    });
    expect(b.family).toEqual({ dimension: 1, pinned: ['Q1'] });
    let checked = 0;
    b.p.forEach((tm, k) => {
      expect(b.x[2 * k]!).toBeCloseTo(0.1, 12);
      const q = qStar(tm);
      if (Number.isFinite(q) && b.stability[k] === 'stable') {
        expect(Math.abs(b.x[2 * k]! + b.x[2 * k + 1]! - q), `τ/m = ${tm}`).toBeLessThan(1e-4);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(10);
  });

  it('along m₂ of one feature the line exists at the start value only: reported, not folds', () => {
    const { params } = parseState(state(0.009), models);
    const b = continueEquilibrium(contrastiveModel, params, Float64Array.from([0.1, 0.314]), {
      axis: 'm2',
      range: [0.8, 1.6],
    });
    expect(b.ends).toContain('a continuum of equilibria at this parameter value only');
    expect(b.special.filter((s) => s.kind === 'fold')).toHaveLength(0);
  });
});
