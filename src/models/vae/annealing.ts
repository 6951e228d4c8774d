/**
 * Theorem 5.4 (tanh KL annealing, β(t) = tanh(γt)): annealing slower than γ = −J_max/2 sets the
 * convergence rate (the extra eigenvalue −2γ of Supplement C.3 becomes the slowest), J_max being
 * the leading eigenvalue at the learnable fixed point of the matched model at β = 1, λ = 0.
 *
 * The printed J_max (main text, and Eq. (71)) has two misprints, found by comparing with the
 * Jacobian of the ODE (docs/models/vae.md): the ν-interval of the first branch carries a spurious
 * factor τ (it is [(1 − 2√2 + √5)/4, (1 + 2√2 + √5)/4] ≈ [0.102, 1.516], the ν where the two
 * eigenvalues cross), and (71)'s √(1 − 4ν(1 − 4ν)) should read √(1 − 4ν(1 − 2ν)) as in the main
 * text. Both are τ → 0 results; at finite τ the τ² terms move J_max, so jMaxNumeric computes it
 * from the Jacobian of the ODE actually integrated.
 */
import { newtonSolve } from '../../core/newton';
import { eigenvalues, jacobian } from '../../core/stability';
import { vaeLayout } from './layout';
import { vaeRhs } from './ode';
import type { VaeParams } from './params';

/** J_max of Theorem 5.4 with ρ = 2 − ν, η = ν (τ → 0), misprints corrected. */
export function jMaxTheorem(tau: number, nu: number): number {
  const plateau = (tau / 2) * (Math.sqrt(5) - 3);
  const other = -tau * (2 * nu + 1) + tau * Math.sqrt(4 * nu * (2 * nu - 1) + 1);
  const lo = (1 - 2 * Math.SQRT2 + Math.sqrt(5)) / 4;
  const hi = (1 + 2 * Math.SQRT2 + Math.sqrt(5)) / 4;
  return nu >= lo && nu <= hi ? plateau : other;
}

/**
 * The leading eigenvalue at the learnable fixed point of the constant-β ODE with β = betaTarget
 * (M = M* = 1), found by Newton from Theorem 5.1's point; null if that point is not found.
 */
export function jMaxNumeric(v: VaeParams): number | null {
  const p: VaeParams = { ...v, anneal: 'none', beta: v.betaTarget, M: 1, Mstar: 1 };
  const L = vaeLayout(1, 1);
  const rhs = vaeRhs(p, L);
  const P = p.rho + p.eta;
  if (p.beta >= P) return null;
  const m = Math.sqrt(P - p.beta);
  const x0 = new Float64Array(L.size);
  x0[L.m] = m;
  x0[L.d] = m / P;
  x0[L.Q] = m * m;
  x0[L.E] = 0.5;
  x0[L.D] = 0.5;
  const r = newtonSolve(rhs, x0);
  if (!r.converged || !(Math.abs(r.x[L.m]!) > 0.05)) return null;
  const eig = eigenvalues(jacobian(rhs, r.x), L.size);
  return Math.max(...eig.map((e) => e.re));
}
