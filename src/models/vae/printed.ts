/**
 * The printed ODE (18)–(23) for M = M* = 1, read literally: kept only so that the tests can show
 * where it fails (docs/models/vae.md; docs/models/vae.md). The app and the CLI never use it.
 * With A = ρd² + ηE, C = ρdm + ηR, B = ρm² + ηQ:
 *   (21) Ė = −τ_V(2βA − 2C + 2λE + 2QA) + ητ_V²(Q²A + 2βQA + βA − 2C + B − 2QC)
 *        (the corrected group is (Q+β)²A − 2(Q+β)C + B: β must multiply βA and −2C too)
 *   (22) Ṙ = −τ_W(RA − A + (D+λ)R) − τ_V(QC + βC − B + λR) + τ_Vτ_W(QA + βA − C)
 *        (corrected: −ητ_Wτ_V(…))
 *   (23) Ḋ = τ_D(β/D − Q − β)   (corrected: τ_D/2)
 * (18)–(20) are as in ode.ts.
 */
import type { Rhs } from '../../core/ode';
import type { VaeLayout } from './layout';
import { betaAt, type VaeParams } from './params';

export function printedVaeRhs(p: VaeParams, L: VaeLayout): Rhs {
  if (p.M !== 1 || p.Mstar !== 1)
    throw new Error('the printed system is written out for M = M* = 1');
  const { rho, eta, lambda, tauW, tauV, tauD } = p;
  return (t, x, dx) => {
    const beta = betaAt(p, t);
    const m = x[L.m]!;
    const d = x[L.d]!;
    const Q = x[L.Q]!;
    const E = x[L.E]!;
    const R = x[L.R]!;
    const D = x[L.D]!;
    const A = rho * d * d + eta * E;
    const C = rho * d * m + eta * R;
    const B = rho * m * m + eta * Q;
    const Lam = D + lambda;
    dx[L.m] = -tauW * (A * m + Lam * m - (rho + eta) * d);
    dx[L.d] = -tauV * ((Q + beta) * (rho + eta) * d - (rho + eta) * m + lambda * d);
    dx[L.Q] = -tauW * (2 * A * Q + 2 * Lam * Q - 2 * C) + eta * tauW * tauW * A;
    dx[L.E] =
      -tauV * (2 * beta * A - 2 * C + 2 * lambda * E + 2 * Q * A) +
      eta * tauV * tauV * (Q * Q * A + 2 * beta * Q * A + beta * A - 2 * C + B - 2 * Q * C);
    dx[L.R] =
      -tauW * (R * A - A + Lam * R) -
      tauV * (Q * C + beta * C - B + lambda * R) +
      tauV * tauW * (Q * A + beta * A - C);
    dx[L.D] = tauD * (beta / D - Q - beta);
  };
}
