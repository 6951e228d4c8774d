/**
 * Finite-N online SGD of the two-layer network, literally (Section 4): one fresh sample per step,
 *   y ~ Ber(½),  X = (2y − 1)μ + Z/√λ,  Z ~ N(0, I_N),
 *   e = σ(v·g(WX)) − y,  g = ReLU,
 *   v_i ← v_i − δ(g(W_i·X) e + α v_i)                        (8.3)
 *   W_i ← W_i − δ(v_i e 1{W_i·X ≥ 0} X + α W_i)               (8.4), with the old v_i
 * δ = c_δ/N, so one unit of time is N/c_δ steps. μ = e₁: the law of the data and of the random
 * start are rotation invariant, so this is exact in law (the paper does the same in §8.1).
 * At λ = ∞ the data are X = ±μ exactly, as in Prop. 4.2.
 */
import type { Simulator } from '../../core/model';
import { fillNormals, normal } from '../../core/normal';
import { Rng } from '../../core/rng';
import { GMM_NAMES } from './ode';
import type { GmmParams } from './params';

export interface GmmMicroState {
  N: number;
  v: Float64Array;
  /** First-layer rows; coordinate 0 is along μ. */
  W1: Float64Array;
  W2: Float64Array;
}

/**
 * Random start: v_i ~ N(0, s_v²), W_i ~ N(0, r₀ I_N/N), drawn from `rng` (so every stream is its
 * own initialisation). Given start: v = (v1₀, v2₀), W_i = m_i₀ e₁ + √r₀ e_{i+1}.
 */
export function initialGmmState(p: GmmParams, rng: Rng): GmmMicroState {
  const N = p.n;
  const v = new Float64Array(2);
  const W1 = new Float64Array(N);
  const W2 = new Float64Array(N);
  if (p.random) {
    v[0] = p.sv * normal(rng);
    v[1] = p.sv * normal(rng);
    const s = Math.sqrt(p.r0 / N);
    fillNormals(rng, W1);
    fillNormals(rng, W2);
    for (let k = 0; k < N; k++) {
      W1[k] = s * W1[k]!;
      W2[k] = s * W2[k]!;
    }
  } else {
    v[0] = p.v0[0];
    v[1] = p.v0[1];
    W1[0] = p.m0[0];
    W2[0] = p.m0[1];
    W1[1] = Math.sqrt(p.r0);
    W2[2] = Math.sqrt(p.r0);
  }
  return { N, v, W1, W2 };
}

/** The statistics (4.2) of a microscopic state: v, m_i = W_i·μ, R⊥_ij = W_i⊥·W_j⊥. */
export function observeGmm(s: GmmMicroState, out: Float64Array): void {
  const { N, v, W1, W2 } = s;
  let r11 = 0;
  let r12 = 0;
  let r22 = 0;
  for (let k = 1; k < N; k++) {
    const a = W1[k]!;
    const b = W2[k]!;
    r11 += a * a;
    r12 += a * b;
    r22 += b * b;
  }
  out[0] = v[0]!;
  out[1] = v[1]!;
  out[2] = W1[0]!;
  out[3] = W2[0]!;
  out[4] = r11;
  out[5] = r12;
  out[6] = r22;
}

export class GmmSimulator implements Simulator {
  readonly names: string[] = [...GMM_NAMES];
  readonly stepsPerTime: number;
  steps = 0;
  readonly state: GmmMicroState;
  private readonly rng: Rng;
  private readonly Z: Float64Array;

  constructor(
    private readonly p: GmmParams,
    stream = 0,
  ) {
    this.rng = new Rng(p.seed, stream);
    this.stepsPerTime = p.n / p.cdelta;
    this.state = initialGmmState(p, this.rng);
    this.Z = new Float64Array(p.n);
  }

  step(count: number): void {
    const { N, v, W1, W2 } = this.state;
    const { Z, rng } = this;
    const delta = this.p.cdelta / N;
    const decay = 1 - delta * this.p.alpha;
    const noisy = this.p.lambda !== Number.POSITIVE_INFINITY;
    const sl = noisy ? 1 / Math.sqrt(this.p.lambda) : 0;
    for (let it = 0; it < count; it++) {
      const y = rng.nextU32() & 1;
      const s = 2 * y - 1;
      // h_i = W_i·X = s W_i[0] + (W_i·Z)/√λ
      let d1 = 0;
      let d2 = 0;
      if (noisy) {
        fillNormals(rng, Z);
        for (let k = 0; k < N; k++) {
          const z = Z[k]!;
          d1 += W1[k]! * z;
          d2 += W2[k]! * z;
        }
      }
      const h1 = s * W1[0]! + sl * d1;
      const h2 = s * W2[0]! + sl * d2;
      const on1 = h1 >= 0;
      const on2 = h2 >= 0;
      const a1 = on1 ? h1 : 0;
      const a2 = on2 ? h2 : 0;
      const v1 = v[0]!;
      const v2 = v[1]!;
      const e = 1 / (1 + Math.exp(-(v1 * a1 + v2 * a2))) - y;
      // W_i ← (1 − δα) W_i − c_i X with c_i = δ v_i e 1{h_i ≥ 0} (old v_i)
      const c1 = on1 ? delta * v1 * e : 0;
      const c2 = on2 ? delta * v2 * e : 0;
      if (noisy) {
        const k1 = c1 * sl;
        const k2 = c2 * sl;
        for (let k = 0; k < N; k++) {
          const z = Z[k]!;
          W1[k] = decay * W1[k]! - k1 * z;
          W2[k] = decay * W2[k]! - k2 * z;
        }
      } else {
        for (let k = 0; k < N; k++) {
          W1[k] = decay * W1[k]!;
          W2[k] = decay * W2[k]!;
        }
      }
      W1[0] = W1[0]! - c1 * s;
      W2[0] = W2[0]! - c2 * s;
      v[0] = v1 - delta * (a1 * e + this.p.alpha * v1);
      v[1] = v2 - delta * (a2 * e + this.p.alpha * v2);
      this.steps++;
    }
  }

  observe(out: Float64Array): void {
    observeGmm(this.state, out);
  }
}
