/**
 * The ODE (11) of the contrastive model in the squared cosines Q_j = q_j², with the sign of g
 * fixed as in docs/models/contrastive.md: dq/dt = q(qᵀĝ − Λ/2) − ĝ with ĝ = −g as printed in (10). Written with
 * Stein's lemma (docs/models/contrastive.md), for any σ and any augmentation noise:
 *   dq_j/dt = τ⟨(c_j − q_j u) F⟩ − q_j Λ/2,   Λ = (τ²/m)⟨L⟩,        (11) with (8), (10)
 *   dQ_j/dt = 2 q_j dq_j/dt.
 * Every law of c is symmetric, so dq_j/dt is odd in q_j and dQ/dt is a function of Q.
 */
import type { Observables } from '../../core/model';
import type { Rhs } from '../../core/ode';
import { ExpectationEvaluator } from './expectations';
import type { ContrastiveParams } from './params';

/** Order parameters: Q1…Q_d1. */
export function contrastiveStateNames(d1: number): string[] {
  return Array.from({ length: d1 }, (_, i) => `Q${i + 1}`);
}

/** Q_j = q0_j² (the simulators start from exactly these cosines). */
export function contrastiveInitialState(p: ContrastiveParams): Float64Array {
  return Float64Array.from(p.q0, (x) => x * x);
}

/**
 * dQ/dt at Q. Outside the physical domain the right-hand side is extended so that the generic
 * fixed-point engine's central differences at Q_j = 0 see the true slope: each Q_j enters through
 * |Q_j| and dQ_j/dt is odd in Q_j (dQ_j/dt = Q_j·g_j(|Q|)); 1 − ΣQ is clamped at 0.
 */
export function contrastiveRhs(p: ContrastiveParams): Rhs {
  const ev = new ExpectationEvaluator(p.laws, p.sigma, p.eta, p.rho, p.centred);
  const q = new Float64Array(p.d1);
  const { tau } = p;
  const halfLambda = (tau * tau) / (2 * p.batch);
  return (_t, x, dx) => {
    for (let j = 0; j < p.d1; j++) q[j] = Math.sqrt(Math.abs(x[j]!));
    const e = ev.evaluate(q);
    const drag = tau * e.uF + halfLambda * e.L;
    for (let j = 0; j < p.d1; j++) {
      const dq = tau * e.cF[j]! - q[j]! * drag;
      dx[j] = 2 * q[j]! * dq * Math.sign(x[j]!);
    }
  };
}

/** q_j = √Q_j (cosine similarity with feature j, the sign folded away) and cos = √ΣQ. */
export function contrastiveObservables(d1: number): Observables {
  return {
    names: [...Array.from({ length: d1 }, (_, i) => `q${i + 1}`), 'cos'],
    compute(_t, x, out) {
      let total = 0;
      for (let j = 0; j < d1; j++) {
        const Q = Math.max(0, x[j]!);
        out[j] = Math.sqrt(Q);
        total += Q;
      }
      out[d1] = Math.sqrt(total);
    },
  };
}
