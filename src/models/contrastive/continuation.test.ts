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
