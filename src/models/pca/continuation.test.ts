/**
 * Continuation of the spiked-tensor ODE (3.1) in λ against Prop. 3.2 / (7.4)–(7.5), at c_δ
 * values the paper does not use: for k ≥ 3 the branches m† and m* are the two halves of one
 * branch folding at λ_c(k) = (c_δ/k)^{k/2}(2k − 2)^{k−1}/(k − 2)^{(k−2)/2} with
 * m_c² = ρ_c − c_δ, ρ_c = 2(k − 1)c_δ/k (docs/models/pca.md); for k = 2 the equator point (0, c_δ)
 * has a branch point at λ = c_δ, where m*² = λ − c_δ is born.
 */
import { describe, expect, it } from 'vitest';

import { continueEquilibrium, continueFromBranchPoint } from '../../core/continuation/equilibria';
import { jacobian } from '../../core/stability';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { pcaModel } from '.';
import { fixedCorrelations, lambdaC } from './closedForms';

function at(k: number, lambda: number, cdelta: number) {
  return parseState(`model=pca&k=${k}&lambda=${lambda}&cdelta=${cdelta}`, models).params;
}

describe('PCA: the k ≥ 3 barrier by continuation (Prop. 3.2)', () => {
  for (const [k, cdelta] of [
    [3, 0.7],
    [3, 1.3],
    [4, 0.8],
  ] as const) {
    it(`k = ${k}, c_δ = ${cdelta}: m* folds into m† at λ_c, and the halves are m* (stable) and m† (saddle)`, () => {
      const lc = lambdaC(k, cdelta);
      const lambda = 1.5 * lc;
      const star = fixedCorrelations(k, lambda, cdelta)!.star;
      const b = continueEquilibrium(
        pcaModel,
        at(k, lambda, cdelta),
        Float64Array.from([star, cdelta]),
        {
          axis: 'lambda',
          range: [0.5 * lc, 3 * lc],
        },
      );
      const folds = b.special.filter((s) => s.kind === 'fold');
      expect(folds).toHaveLength(1);
      expect(Math.abs(folds[0]!.p / lc - 1)).toBeLessThan(1e-10);
      const rhoC = (2 * (k - 1) * cdelta) / k;
      expect(Math.abs(folds[0]!.x[0]! - Math.sqrt(rhoC - cdelta))).toBeLessThan(1e-6);
      // Every point is m† or m* of (7.5) at its λ, r⊥² = c_δ; stable exactly on the m* half.
      const mc = Math.sqrt(rhoC - cdelta);
      b.p.forEach((lam, j) => {
        const m = b.x[2 * j]!;
        expect(Math.abs(b.x[2 * j + 1]! - cdelta)).toBeLessThan(1e-9);
        if (Math.abs(lam / lc - 1) < 1e-6) return;
        const closed = fixedCorrelations(k, lam, cdelta)!;
        const expected = m > mc ? closed.star : closed.dagger;
        expect(Math.abs(m - expected), `λ = ${lam}`).toBeLessThan(1e-8);
        expect(b.stability[j]).toBe(m > mc ? 'stable' : 'unstable');
      });
    });
  }
});

describe('PCA: k = 2, the equator loses stability at λ = c_δ', () => {
  it('c_δ = 0.6: a branch point at λ = c_δ, and the switched branch is m*² = λ − c_δ', () => {
    const cdelta = 0.6;
    const eq = continueEquilibrium(pcaModel, at(2, 0.3, cdelta), Float64Array.from([0, cdelta]), {
      axis: 'lambda',
      range: [0.1, 2],
    });
    const bps = eq.special.filter((s) => s.kind === 'branch-point');
    expect(bps).toHaveLength(1);
    expect(Math.abs(bps[0]!.p - cdelta)).toBeLessThan(1e-9);
    eq.p.forEach((lam, j) => {
      if (Math.abs(lam - cdelta) > 1e-6)
        expect(eq.stability[j]).toBe(lam < cdelta ? 'stable' : 'unstable');
    });
    const star = continueFromBranchPoint(pcaModel, at(2, 0.3, cdelta), bps[0]!, {
      axis: 'lambda',
      range: [0.1, 2],
    });
    star.p.forEach((lam, j) => {
      expect(Math.abs(star.x[2 * j]! ** 2 - (lam - cdelta))).toBeLessThan(1e-9);
    });
    expect(Math.max(...star.p)).toBeCloseTo(2, 9);
  });
});

describe('PCA: the analytic Jacobian of (3.1)', () => {
  it('equals central differences (k = 2, 3, 4) and vanishes at the origin for k ≥ 3', () => {
    // α = 0.6: the §7 ridge's terms too (they were missing once the ridge came in).
    for (const [k, alpha] of [
      [2, 0],
      [3, 0],
      [4, 0],
      [2, 0.6],
      [3, 0.6],
    ] as const) {
      const params = { ...at(k, 2.7, 0.8), alpha };
      const rhs = pcaModel.rhs(params);
      const analytic = pcaModel.jacobian!(params);
      for (const x of [
        [0.3, 0.5],
        [0.9, 0.8],
        [-0.4, 1.3],
        [1.2, 0.05],
      ]) {
        const X = Float64Array.from(x);
        const J = new Float64Array(4);
        analytic(0, X, J);
        const fd = jacobian(rhs, X);
        for (let i = 0; i < 4; i++) {
          expect(Math.abs(J[i]! - fd[i]!), `k = ${k}, x = ${x}, entry ${i}`).toBeLessThan(
            1e-7 * Math.max(1, Math.abs(J[i]!)),
          );
        }
      }
      if (k >= 3) {
        const J = new Float64Array(4);
        analytic(0, new Float64Array(2), J);
        // Only the ridge's own −α, −2α remain on the diagonal.
        expect(Array.from(J, (v) => v + 0)).toEqual([-alpha, 0, 0, -2 * alpha].map((v) => v + 0));
      }
    }
  });
});
