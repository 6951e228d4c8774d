/**
 * The XOR network's literal SGD at finite λ (Section 5): X = ±μ + g/√λ (y = 1) or ±ν + g/√λ
 * (y = 0), g ~ N(0, I_N), with μ = e₁, ν = e₂; the loss (9.1), δ = c_δ/N, one sample per step.
 * The first layer is kept in full (K × N): at finite λ the noise reaches W⊥ and R⊥ matters, so
 * (v, mμ, mν) is no longer a closed chain. O(KN) per step. Figs. 9–10 are this SGD's end points.
 * With `names` of the finite-λ state (finiteOde.ts) it also observes R⊥_ij = W_i⊥·W_j⊥, the
 * statistics Prop. 9.1's ODE needs (O(K²N) per observation).
 */
import type { Simulator } from '../../core/model';
import { fillNormals } from '../../core/normal';
import type { Rng } from '../../core/rng';
import { sigmoid } from '../gmm/ode';
import { finiteDim, perpIndex } from './finiteOde';
import type { XorState } from './sgd';

export class XorFiniteSimulator implements Simulator {
  readonly stepsPerTime: number;
  steps = 0;
  private readonly K: number;
  private readonly N: number;
  private readonly v: Float64Array;
  /** Row i is W_i (length N); W_i·μ = W[i·N], W_i·ν = W[i·N + 1]. */
  private readonly W: Float64Array;
  private readonly X: Float64Array;
  private readonly h: Float64Array;

  /**
   * From `start` (v, mμ, mν), with W⊥ drawn from `rng` as N(0, I/N) on the other N − 2
   * coordinates (`perpendicular`, §9.4's start) or left 0 (Prop. 5.1's rings).
   */
  constructor(
    readonly names: string[],
    start: XorState,
    private readonly p: { N: number; lambda: number; alpha: number; cdelta: number },
    private readonly rng: Rng,
    perpendicular: boolean,
  ) {
    const { K } = start;
    const N = p.N;
    this.K = K;
    this.N = N;
    this.stepsPerTime = N / p.cdelta;
    this.v = Float64Array.from(start.v);
    this.W = new Float64Array(K * N);
    const s = 1 / Math.sqrt(N);
    for (let i = 0; i < K; i++) {
      if (perpendicular) {
        fillNormals(rng, this.W, i * N + 2, (i + 1) * N);
        for (let k = i * N + 2; k < (i + 1) * N; k++) this.W[k] = s * this.W[k]!;
      }
      this.W[i * N] = start.mu[i]!;
      this.W[i * N + 1] = start.nu[i]!;
    }
    this.X = new Float64Array(N);
    this.h = new Float64Array(K);
  }

  step(count: number): void {
    const { K, N, v, W, X, h, rng } = this;
    const delta = this.p.cdelta / N;
    const decay = 1 - delta * this.p.alpha;
    const noise = 1 / Math.sqrt(this.p.lambda);
    for (let it = 0; it < count; it++) {
      const w = rng.nextU32();
      const y = w & 1; // class: 1 → ±μ, 0 → ±ν
      const sign = w & 2 ? 1 : -1;
      fillNormals(rng, X);
      for (let k = 0; k < N; k++) X[k] = noise * X[k]!;
      X[y ? 0 : 1] = X[y ? 0 : 1]! + sign;
      let z = 0;
      for (let i = 0; i < K; i++) {
        let d = 0;
        const row = i * N;
        for (let k = 0; k < N; k++) d += W[row + k]! * X[k]!;
        h[i] = d;
        if (d > 0) z += v[i]! * d;
      }
      const e = sigmoid(z) - y;
      for (let i = 0; i < K; i++) {
        const on = h[i]! >= 0;
        const vi = v[i]!;
        v[i] = vi - delta * ((on ? h[i]! : 0) * e + this.p.alpha * vi);
        const row = i * N;
        // W_i ← W_i − δ(v_i e 1{h_i ≥ 0} X + αW_i), with the old v_i.
        const c = on ? delta * vi * e : 0;
        for (let k = 0; k < N; k++) W[row + k] = decay * W[row + k]! - c * X[k]!;
      }
    }
    this.steps += count;
  }

  observe(out: Float64Array): void {
    const { K, N, v, W } = this;
    for (let i = 0; i < K; i++) {
      out[i] = v[i]!;
      out[K + i] = W[i * N]!;
      out[2 * K + i] = W[i * N + 1]!;
    }
    if (this.names.length !== finiteDim(K)) return;
    for (let i = 0; i < K; i++)
      for (let j = i; j < K; j++) {
        let r = 0;
        for (let k = 2; k < N; k++) r += W[i * N + k]! * W[j * N + k]!;
        out[perpIndex(K, i, j)] = r;
      }
  }
}
