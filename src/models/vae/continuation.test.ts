/**
 * Continuation of the linear VAE (M = M* = 1, λ = 0) in β: the learnable branch of Theorem 5.1
 * (m*² = ρ + η − β) meets the collapsed branch m = 0 at the branch point β* = ρ + η (posterior
 * collapse as an exchange of stability), and its leading eigenvalue (Fig. 4) equals Theorem
 * 5.4's J_max (as corrected in docs/models/vae.md) and the Jacobian's leading eigenvalue.
 */
import { describe, expect, it } from 'vitest';

import { continueEquilibrium, continueFromBranchPoint } from '../../core/continuation/equilibria';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { vaeModel } from '.';
import { jMaxNumeric, jMaxTheorem } from './annealing';
import { vaeParamsOf } from './params';

function learnable(rho: number, eta: number, beta: number): Float64Array {
  // (m, d, Q, E, R, D) at Theorem 5.1's point (Supplement C.2, type (3)).
  const P = rho + eta;
  const m = Math.sqrt(P - beta);
  return Float64Array.from([m, m / P, m * m, (P - beta) / (P * P), (P - beta) / P, beta / P]);
}

describe('VAE: posterior collapse at β* = ρ + η by continuation', () => {
  for (const [rho, eta] of [
    [0.7, 0.6],
    [1.4, 0.25],
  ] as const) {
    it(`ρ = ${rho}, η = ${eta}: the learnable branch meets m = 0 at β = ρ + η, and they exchange stability`, () => {
      const { params } = parseState(
        `model=vae&M=1&Mstar=1&rho=${rho}&eta=${eta}&lambda=0&beta=0.5&tau=0.001`,
        models,
      );
      const b = continueEquilibrium(vaeModel, params, learnable(rho, eta, 0.5), {
        axis: 'beta',
        range: [0.05, 3],
      });
      const bps = b.special.filter((s) => s.kind === 'branch-point');
      expect(bps).toHaveLength(1);
      expect(Math.abs(bps[0]!.p - (rho + eta))).toBeLessThan(1e-9);
      // m*² = ρ + η − β along the branch: Theorem 5.1 is the τ → 0 limit, and the deviation is
      // O(τ) (7.1τ at β = 0.05 for τ = 1e-2, 1e-3, 1e-4 with ρ = 0.7, η = 0.6).
      const worst = Math.max(
        ...b.p.map((beta, k) => Math.abs(b.x[6 * k]! ** 2 - (rho + eta - beta))),
      );
      expect(worst).toBeLessThan(10 * 0.001);
      expect(
        b.stability.every((s, k) => s === 'stable' || Math.abs(b.p[k]! - rho - eta) < 1e-6),
      ).toBe(true);
      // The other branch is the collapsed one (m = 0): stable only for β > ρ + η.
      const collapsed = continueFromBranchPoint(vaeModel, params, bps[0]!, {
        axis: 'beta',
        range: [0.05, 3],
      });
      collapsed.p.forEach((beta, k) => {
        expect(Math.abs(collapsed.x[6 * k]!)).toBeLessThan(1e-9);
        if (Math.abs(beta - rho - eta) > 1e-3)
          expect(collapsed.stability[k], `β = ${beta}`).toBe(
            beta > rho + eta ? 'stable' : 'unstable',
          );
      });
    });
  }

  it('τ = 0.01: only the branch point, no fold (a corrector that lands on m = 0 and turns back is not one)', () => {
    const { params } = parseState(
      'model=vae&M=1&Mstar=1&rho=0.7&eta=0.6&lambda=0&beta=0.5&tau=0.01',
      models,
    );
    const b = continueEquilibrium(vaeModel, params, learnable(0.7, 0.6, 0.5), {
      axis: 'beta',
      range: [0.05, 3],
    });
    expect(b.special.map((s) => s.kind)).toEqual(['branch-point']);
    expect(Math.abs(b.special[0]!.p - 1.3)).toBeLessThan(1e-8);
  });

  it("Fig. 4's leading eigenvalue: Theorem 5.4's J_max at β = 1 (τ = 0.001) and the Jacobian's", () => {
    for (const nu of [0.05, 0.3, 1, 1.8]) {
      const tau = 0.001;
      const { params } = parseState(
        `model=vae&M=1&Mstar=1&rho=${2 - nu}&eta=${nu}&lambda=0&beta=0.5&tau=${tau}`,
        models,
      );
      const b = continueEquilibrium(vaeModel, params, learnable(2 - nu, nu, 0.5), {
        axis: 'beta',
        range: [0.05, 1],
        direction: 1,
      });
      expect(b.ends[1]).toBe('range');
      const last = b.p.length - 1;
      expect(b.p[last]).toBeCloseTo(1, 12);
      const leading = b.leading[last]!;
      // Theorem 5.4 is the τ → 0 limit: within 1 % at τ = 0.001 (docs/models/vae.md).
      expect(Math.abs(leading / jMaxTheorem(tau, nu) - 1), `ν = ${nu}`).toBeLessThan(0.01);
      // The independent Newton + Jacobian of annealing.ts at the same point.
      const numeric = jMaxNumeric({ ...vaeParamsOf(params), betaTarget: 1 })!;
      expect(Math.abs(leading - numeric)).toBeLessThan(1e-9 * Math.abs(numeric) + 1e-12);
    }
  });
});
