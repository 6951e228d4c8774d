/**
 * Finite-n online SGD for spiked matrix/tensor PCA, x ← x − δ∇L(x, Y) with a fresh
 * Y = λv^{⊗k} + W each step, L = ‖Y − x^{⊗k}‖² and δ = c_δ/n (docs/models/pca.md):
 *   ∇L = −2kλm^{k−1}v − 2G + 2k‖x‖^{2k−2}x,   G = Σ_{slots} W(x, …, ·, …, x).
 * The law of W is rotation invariant, so v = e₁ without loss of generality and m = x₁.
 *
 * Three exact samplers of the same chain (variants); the first is the default:
 * - 'gram', O(1) per step: the chain of (m, r⊥) itself (reduced.ts, derivation in docs/models/pca.md).
 * - 'fast', O(n) per step: G is Gaussian with covariance k‖x‖^{2k−2}I + k(k−1)‖x‖^{2k−4}xxᵀ
 *   (the sum over pairs of slots), i.e. G = ‖x‖^{k−1}(√k·P⊥z + k ξ x̂) with z ~ N(0, I_n) and
 *   ξ = z·x̂, which is N(0, 1) and independent of P⊥z. One n-vector of normals per step.
 * - 'tensor', O(n^k) per step: the literal gradient of ‖Y − x^{⊗k}‖² with all n^k entries of Y
 *   drawn (for small n only; it proves the fast path in pca.test.ts).
 * Time t = steps·δ.
 */
import { InputError } from '../../core/errors';
import { chiSquare } from '../../core/gamma';
import type { Simulator } from '../../core/model';
import { fillNormals, normal } from '../../core/normal';
import { Rng } from '../../core/rng';
import { PCA_NAMES } from './ode';
import type { PcaParams } from './params';

export type PcaVariant = 'gram' | 'fast' | 'tensor';
export const PCA_VARIANTS: readonly PcaVariant[] = ['gram', 'fast', 'tensor'];
/** The samplers that keep the n coordinates. */
export type PcaVectorVariant = Exclude<PcaVariant, 'gram'>;

/** The largest tensor the literal path draws per step (k = 2: n ≤ 500; k = 3: n ≤ 62). */
export const TENSOR_ENTRIES_MAX = 250000;

/**
 * The start's m = x₀·e₁ and r⊥ = ‖x₀ − m e₁‖, drawn in O(1). Random: x₀ ~ N(0, (r0/n)I) (the
 * paper's μ_n = N(0, I/n) at r0 = 1), so m = √(r0/n)·g and r⊥² = (r0/n)·χ²_{n−1} with g ~ N(0, 1)
 * independent of the χ². Informed: (m0, √r0) exactly, no random numbers. Every sampler starts
 * from these two numbers, so the variants of one stream start from the same (m, r⊥²).
 */
export function initialPcaOrderParameters(p: PcaParams, rng: Rng): { m: number; r: number } {
  if (p.informed) return { m: p.m0, r: Math.sqrt(p.r0) };
  const scale = Math.sqrt(p.r0 / p.n);
  const m = scale * normal(rng);
  return { m, r: scale * Math.sqrt(chiSquare(rng, p.n - 1)) };
}

/**
 * x₀ with v = e₁: x₀ = m·e₁ + r⊥·u with (m, r⊥) from initialPcaOrderParameters and u a uniform
 * unit vector ⊥ e₁. For the random start this is N(0, (r0/n)I) exactly: a Gaussian vector's
 * norm and direction are independent, and its direction is uniform.
 */
export function initialPcaState(p: PcaParams, rng: Rng): Float64Array {
  const { m, r } = initialPcaOrderParameters(p, rng);
  const x = new Float64Array(p.n);
  fillNormals(rng, x, 1);
  let norm = 0;
  for (let i = 1; i < p.n; i++) norm += x[i]! * x[i]!;
  const sc = norm > 0 ? r / Math.sqrt(norm) : 0;
  for (let i = 1; i < p.n; i++) x[i] = x[i]! * sc;
  x[0] = m;
  return x;
}

/** (m, r⊥²) of a microscopic state (v = e₁). */
export function observePca(x: Float64Array, out: Float64Array): void {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  const m = x[0]!;
  out[0] = m;
  out[1] = s - m * m;
}

export class PcaSimulator implements Simulator {
  readonly names = PCA_NAMES;
  readonly stepsPerTime: number;
  steps = 0;
  /** The iterate (v = e₁); public so that tests can take one step from a chosen point. */
  readonly x: Float64Array;
  private readonly rng: Rng;
  private readonly z: Float64Array;
  private readonly delta: number;

  constructor(
    private readonly p: PcaParams,
    readonly variant: PcaVectorVariant = 'fast',
    stream = 0,
  ) {
    if (variant === 'tensor' && Math.pow(p.n, p.k) > TENSOR_ENTRIES_MAX) {
      const nMax = Math.floor(Math.pow(TENSOR_ENTRIES_MAX, 1 / p.k) + 1e-9);
      throw new InputError(
        `The full-tensor path draws n^k normals per step; it needs n ≤ ${nMax} for k = ${p.k}, got n = ${p.n}. Use the fast variant.`,
      );
    }
    this.rng = new Rng(p.seed, stream);
    this.delta = p.cdelta / p.n;
    this.stepsPerTime = p.n / p.cdelta; // t = steps·δ
    this.x = initialPcaState(p, this.rng);
    this.z = new Float64Array(variant === 'tensor' ? 2 * p.n : p.n);
  }

  step(count: number): void {
    for (let s = 0; s < count; s++) {
      if (this.variant === 'fast') this.fastStep();
      else this.tensorStep();
      this.steps++;
    }
  }

  observe(out: Float64Array): void {
    observePca(this.x, out);
  }

  /** One step with G = ‖x‖^{k−1}(√k·z + (k − √k)(z·x̂)x̂): n normals, three passes. */
  private fastStep(): void {
    const { x, z, delta } = this;
    const { k, lambda, alpha } = this.p;
    const n = x.length;
    fillNormals(this.rng, z);
    let s = 0;
    let zx = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      s += xi * xi;
      zx += z[i]! * xi;
    }
    const m = x[0]!;
    const sk1 = Math.pow(s, k - 1); // ‖x‖^{2k−2}
    const rootK = Math.sqrt(k);
    // Coefficients of x and z in x' = x − δ∇L; ξ·‖x‖^{k−1}/‖x‖ = zx·‖x‖^{k−3}.
    const along = s > 0 ? (k - rootK) * zx * Math.pow(s, (k - 3) / 2) : 0;
    // The ridge (α/2)‖x‖² of §7 adds αx to ∇L.
    const cx = 1 - delta * alpha - 2 * k * delta * sk1 + 2 * delta * along;
    const cz = 2 * delta * rootK * Math.pow(s, (k - 1) / 2);
    for (let i = 0; i < n; i++) x[i] = cx * x[i]! + cz * z[i]!;
    x[0] = x[0]! + 2 * k * delta * lambda * Math.pow(m, k - 1);
  }

  /**
   * One literal step: Y = λe₁^{⊗k} + W drawn one last-index row at a time, G_Y = Σ over slots
   * of the contraction of Y with x in the other k − 1 slots, x' = x + δ(2G_Y − 2k‖x‖^{2k−2}x).
   */
  private tensorStep(): void {
    const { x, delta } = this;
    const { k, lambda, alpha } = this.p;
    const n = x.length;
    const row = this.z.subarray(0, n);
    const G = this.z.subarray(n, 2 * n);
    G.fill(0);
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i]! * x[i]!;
    const idx = new Array<number>(k - 1).fill(0);
    const rows = Math.pow(n, k - 1);
    for (let r = 0; r < rows; r++) {
      fillNormals(this.rng, row);
      let signal = true;
      for (const i of idx) if (i !== 0) signal = false;
      if (signal) row[0] = row[0]! + lambda;
      // Products of x over the leading k − 1 indices, all of them and all but one.
      let all = 1;
      for (const i of idx) all *= x[i]!;
      let dot = 0;
      for (let l = 0; l < n; l++) {
        dot += row[l]! * x[l]!;
        G[l] = G[l]! + all * row[l]!; // the last slot free
      }
      for (let a = 0; a < k - 1; a++) {
        let others = 1;
        for (let b = 0; b < k - 1; b++) if (b !== a) others *= x[idx[b]!]!;
        G[idx[a]!] = G[idx[a]!]! + others * dot;
      }
      // Odometer over the leading indices, the last of them fastest.
      for (let a = k - 2; a >= 0; a--) {
        idx[a] = idx[a]! + 1;
        if (idx[a]! < n) break;
        idx[a] = 0;
      }
    }
    const shrink = 1 - delta * alpha - 2 * k * delta * Math.pow(s, k - 1);
    for (let i = 0; i < n; i++) x[i] = shrink * x[i]! + 2 * delta * G[i]!;
  }
}
