/**
 * The same SGD chain as sgd.ts, exact in law, in O(1) per step (variant 'fast').
 *
 * Why it is exact. Write W_i = m_i μ + W_i⊥ and take an orthonormal pair (u₁, u₂) ⟂ μ spanning
 * W₁⊥, W₂⊥, so W_i⊥ = B_i1 u₁ + B_i2 u₂ with B the Cholesky factor of R⊥. A fresh Z ~ N(0, I_N)
 * splits into g₀ = Z·μ, ξ_k = Z·u_k and Z_rest ⟂ {μ, u₁, u₂}: independent, g₀, ξ_k ~ N(0, 1) and
 * ρ² = ‖Z_rest‖² ~ χ²_{N−3}. One step of (8.3)–(8.4) needs Z only through
 *   h_i = W_i·X = s m_i + (m_i g₀ + B_i1 ξ₁ + B_i2 ξ₂)/√λ,
 *   m_i ← (1 − δα) m_i − c_i (s + g₀/√λ),
 *   W_i⊥ ← (1 − δα) W_i⊥ − (c_i/√λ)(ξ₁u₁ + ξ₂u₂ + Z_rest),   c_i = δ v_i e 1{h_i ≥ 0},
 * so the new R⊥ is the Gram matrix of the 3-vectors ((1 − δα)B_i1 − c_iξ₁/√λ,
 * (1 − δα)B_i2 − c_iξ₂/√λ, −c_iρ/√λ). Given (v, m, R⊥) the next (v, m, R⊥) has a law that does not
 * depend on the rest of W (Z is rotation invariant in μ⟂), so (v, m, R⊥) is itself a Markov chain
 * and this is it. The start is drawn exactly as the literal simulator draws it (same random
 * numbers, so both variants of a stream start from the same statistics); the steps then use the
 * stream's following numbers differently. gmm.test.ts compares the one-step laws.
 */
import { chiSquare } from '../../core/gamma';
import type { Simulator } from '../../core/model';
import { normal } from '../../core/normal';
import { Rng } from '../../core/rng';
import { GMM_NAMES } from './ode';
import type { GmmParams } from './params';
import { initialGmmState, observeGmm } from './sgd';

/** The statistics chain (v, m, R⊥) of the literal SGD, one step in O(1). */
export class GmmReducedSimulator implements Simulator {
  readonly names: string[] = [...GMM_NAMES];
  readonly stepsPerTime: number;
  steps = 0;
  /** (v1, v2, m1, m2, R11, R12, R22). */
  readonly u = new Float64Array(7);
  private readonly rng: Rng;

  constructor(
    private readonly p: GmmParams,
    stream = 0,
  ) {
    this.rng = new Rng(p.seed, stream);
    this.stepsPerTime = p.n / p.cdelta;
    observeGmm(initialGmmState(p, this.rng), this.u);
  }

  step(count: number): void {
    const { u, rng } = this;
    const N = this.p.n;
    const alpha = this.p.alpha;
    const delta = this.p.cdelta / N;
    const decay = 1 - delta * alpha;
    const noisy = this.p.lambda !== Number.POSITIVE_INFINITY;
    const sl = noisy ? 1 / Math.sqrt(this.p.lambda) : 0;
    for (let it = 0; it < count; it++) {
      const y = rng.nextU32() & 1;
      const s = 2 * y - 1;
      const v1 = u[0]!;
      const v2 = u[1]!;
      const m1 = u[2]!;
      const m2 = u[3]!;
      // Cholesky of R⊥ (clamped: rounding may leave it a hair outside the PSD cone).
      const B11 = Math.sqrt(Math.max(0, u[4]!));
      const B21 = B11 > 0 ? u[5]! / B11 : 0;
      const B22 = Math.sqrt(Math.max(0, u[6]! - B21 * B21));
      let g0 = 0;
      let x1 = 0;
      let x2 = 0;
      let rho = 0;
      if (noisy) {
        g0 = normal(rng);
        x1 = normal(rng);
        x2 = normal(rng);
        rho = Math.sqrt(chiSquare(rng, N - 3));
      }
      const h1 = s * m1 + sl * (m1 * g0 + B11 * x1);
      const h2 = s * m2 + sl * (m2 * g0 + B21 * x1 + B22 * x2);
      const on1 = h1 >= 0;
      const on2 = h2 >= 0;
      const a1 = on1 ? h1 : 0;
      const a2 = on2 ? h2 : 0;
      const e = 1 / (1 + Math.exp(-(v1 * a1 + v2 * a2))) - y;
      const c1 = on1 ? delta * v1 * e : 0;
      const c2 = on2 ? delta * v2 * e : 0;
      // W_i⊥ in the orthonormal frame (u₁, u₂, Z_rest/ρ) after the step.
      const w11 = decay * B11 - c1 * sl * x1;
      const w12 = -c1 * sl * x2;
      const w13 = -c1 * sl * rho;
      const w21 = decay * B21 - c2 * sl * x1;
      const w22 = decay * B22 - c2 * sl * x2;
      const w23 = -c2 * sl * rho;
      u[0] = v1 - delta * (a1 * e + alpha * v1);
      u[1] = v2 - delta * (a2 * e + alpha * v2);
      u[2] = decay * m1 - c1 * (s + sl * g0);
      u[3] = decay * m2 - c2 * (s + sl * g0);
      u[4] = w11 * w11 + w12 * w12 + w13 * w13;
      u[5] = w11 * w21 + w12 * w22 + w13 * w23;
      u[6] = w21 * w21 + w22 * w22 + w23 * w23;
      this.steps++;
    }
  }

  observe(out: Float64Array): void {
    out.set(this.u);
  }
}
