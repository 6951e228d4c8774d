/**
 * Finite-N online SGD of the contrastive model (docs/models/contrastive.md conventions). One step draws m fresh
 * samples x_b = Uc_b/√N + a_b, two views x_b^(ℓ) = x_b + γ_b^(ℓ), and
 *   w̃ = w + τ/(m√N) Σ_b [σ(z₂)σ′(z₁) x_b^(1) + σ(z₁)σ′(z₂) x_b^(2)],  z_ℓ = wᵀx_b^(ℓ)/√N,
 *   w ← √N w̃/‖w̃‖                                                       (4), (S-18)
 * Time t = steps/N. Two exact samplers of this chain:
 *   'literal': the N-dimensional vectors, O(mN) per step;
 *   'reduced': the cosines q alone, O(m·d₁) per step. The law of q_{k+1} given w_k depends on
 *     q_k only (a and γ are isotropic off the features), so w can be written in the basis
 *     (û_1…û_d₁, ŵ⊥, rest): per sample draw c, e = ŵ⊥ᵀa, the noises' components along û_j and
 *     ŵ⊥, and for the whole batch the squared norm of the update's part in the remaining
 *     M = N − d₁ − 1 dimensions, which is S·χ²_M with S = Σ_b[(1+η)(A_b² + B_b²) + 2(1+ρ_γη)A_bB_b].
 * Both observe Q_j = (U_jᵀw/N)².
 */
import { gammaVariate } from '../../core/gamma';
import type { Simulator } from '../../core/model';
import { fillNormals, normal, orthogonalColumns } from '../../core/normal';
import { Rng } from '../../core/rng';
import { type ActivationFns, ACTIVATIONS } from './expectations';
import type { Law } from './laws';
import { contrastiveStateNames } from './ode';
import type { ContrastiveParams } from './params';

export type ContrastiveVariant = 'reduced' | 'literal';

/** One draw of a feature's hidden variable c. */
export function sampleLaw(law: Law, rng: Rng): number {
  if (law.gaussian) return Math.sqrt(law.m2) * normal(rng);
  let u = rng.nextFloat();
  for (const atom of law.atoms) {
    u -= atom.prob;
    if (u < 0) return atom.value;
  }
  return law.atoms[law.atoms.length - 1]!.value;
}

/** The reduced chain: exact in distribution for q (see the file comment). */
export class ReducedSimulator implements Simulator {
  readonly names: string[];
  readonly stepsPerTime: number;
  steps = 0;
  /** Signed cosines q_j and the weight's norm outside the features, s = √(1 − |q|²). */
  readonly q: Float64Array;
  s: number;
  private readonly rng: Rng;
  private readonly fns: ActivationFns;
  private readonly G: Float64Array;
  /** Standard normals of one step: per sample e, the Gaussian c's, then the noises' pairs. */
  private readonly z: Float64Array;
  private readonly perSample: number;
  /** Per feature: √m₂ for a Gaussian law, else the atoms' values and cumulative probabilities. */
  private readonly laws: { sd: number; values: Float64Array; cumulative: Float64Array }[];

  constructor(
    private readonly p: ContrastiveParams,
    stream = 0,
  ) {
    this.rng = new Rng(p.seed, stream);
    this.names = contrastiveStateNames(p.d1);
    this.stepsPerTime = p.n;
    this.q = Float64Array.from(p.q0);
    this.s = Math.sqrt(Math.max(0, 1 - this.q.reduce((a, x) => a + x * x, 0)));
    this.fns = ACTIVATIONS[p.sigma];
    this.G = new Float64Array(p.d1);
    this.laws = p.laws.map((law) => {
      let acc = 0;
      return {
        sd: law.gaussian ? Math.sqrt(law.m2) : 0,
        values: Float64Array.from(law.atoms, (a) => a.value),
        cumulative: Float64Array.from(law.atoms, (a) => (acc += a.prob)),
      };
    });
    this.perSample = 1 + p.d1 + (p.eta > 0 ? 2 * (p.d1 + 1) : 0);
    this.z = new Float64Array(p.batch * this.perSample);
  }

  step(count: number): void {
    const { p, rng, q, G, z, laws, perSample } = this;
    const { f, df } = this.fns;
    const { d1, batch: m, tau, n: N, eta, rho } = p;
    const se = Math.sqrt(eta);
    const rc = Math.sqrt(Math.max(0, 1 - rho * rho));
    const noisy = eta > 0;
    const shape = (N - d1 - 1) / 2; // χ²_M = 2·Gamma(M/2)
    const lawCount = laws.length;
    for (let k = 0; k < count; k++) {
      fillNormals(rng, z);
      G.fill(0);
      let H = 0;
      let S = 0;
      const s = this.s;
      for (let b = 0; b < m; b++) {
        const o = b * perSample;
        const e = z[o]!;
        let u = s * e;
        // c_j: Gaussian, or an atom picked by a uniform (z[o + 1 + j] is then unused).
        for (let j = 0; j < lawCount; j++) {
          const law = laws[j]!;
          let c: number;
          if (law.sd > 0) c = law.sd * z[o + 1 + j]!;
          else {
            const r = rng.nextFloat();
            let a = 0;
            while (a < law.cumulative.length - 1 && r >= law.cumulative[a]!) a++;
            c = law.values[a]!;
          }
          z[o + 1 + j] = c;
          u += q[j]! * c;
        }
        // Noises ξ₁ = √η n₁, ξ₂ = √η(ρ n₁ + √(1−ρ²) n₂) along ŵ⊥ (g) and along each û_j (ζ):
        // both enter z_ℓ; ζ also enters q_j's update.
        let g1 = 0;
        let g2 = 0;
        let xi1 = 0;
        let xi2 = 0;
        if (noisy) {
          const n = o + 1 + d1;
          g1 = se * z[n]!;
          g2 = se * (rho * z[n]! + rc * z[n + 1]!);
          xi1 = s * g1;
          xi2 = s * g2;
          for (let j = 0; j < d1; j++) {
            const a = n + 2 + 2 * j;
            const n1 = se * z[a]!;
            const n2 = se * (rho * z[a]! + rc * z[a + 1]!);
            z[a] = n1;
            z[a + 1] = n2;
            xi1 += q[j]! * n1;
            xi2 += q[j]! * n2;
          }
        }
        const z1 = u + xi1;
        const z2 = u + xi2;
        const A = f(z2) * df(z1);
        const B = f(z1) * df(z2);
        const AB = A + B;
        for (let j = 0; j < d1; j++) {
          const c = z[o + 1 + j]!;
          let gj = AB * c;
          if (noisy) {
            const a = o + 3 + d1 + 2 * j;
            gj += A * z[a]! + B * z[a + 1]!;
          }
          G[j] = G[j]! + gj;
        }
        H += AB * e + A * g1 + B * g2;
        S += (1 + eta) * (A * A + B * B) + 2 * (1 + rho * eta) * A * B;
      }
      // w̃/√N in the basis (û, ŵ⊥, rest): q + (τ/(mN))G, s + (τ/(mN))H, and a rest of squared
      // norm (τ/(mN))²·S·χ²_M.
      const step = tau / (m * N);
      let norm2 = 0;
      for (let j = 0; j < d1; j++) {
        q[j] = q[j]! + step * G[j]!;
        norm2 += q[j]! * q[j]!;
      }
      const sw = s + step * H;
      const perp2 = sw * sw + step * step * S * 2 * gammaVariate(shape, rng);
      norm2 += perp2;
      const inv = 1 / Math.sqrt(norm2);
      for (let j = 0; j < d1; j++) q[j] = q[j]! * inv;
      this.s = Math.sqrt(perp2) * inv;
      this.steps++;
    }
  }

  observe(out: Float64Array): void {
    for (let j = 0; j < this.p.d1; j++) out[j] = this.q[j]! * this.q[j]!;
  }
}

/** The literal N-dimensional SGD: U random orthogonal (UᵀU = N·I), w₀ with cosines exactly q₀. */
export class LiteralSimulator implements Simulator {
  readonly names: string[];
  readonly stepsPerTime: number;
  steps = 0;
  readonly U: Float64Array[];
  readonly w: Float64Array;
  private readonly rng: Rng;
  private readonly fns: ActivationFns;
  private readonly x: Float64Array;
  private readonly g1: Float64Array;
  private readonly g2: Float64Array;
  private readonly wt: Float64Array;
  private readonly c: Float64Array;

  constructor(
    private readonly p: ContrastiveParams,
    stream = 0,
  ) {
    const N = p.n;
    this.rng = new Rng(p.seed, stream);
    this.names = contrastiveStateNames(p.d1);
    this.stepsPerTime = N;
    const basis = orthogonalColumns(this.rng, N, p.d1 + 1);
    this.U = basis.slice(0, p.d1);
    const perp = basis[p.d1]!;
    const s = Math.sqrt(Math.max(0, 1 - p.q0.reduce((a, x) => a + x * x, 0)));
    this.w = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      let wi = s * perp[i]!;
      for (let j = 0; j < p.d1; j++) wi += p.q0[j]! * this.U[j]![i]!;
      this.w[i] = wi;
    }
    this.fns = ACTIVATIONS[p.sigma];
    this.x = new Float64Array(N);
    this.g1 = new Float64Array(N);
    this.g2 = new Float64Array(N);
    this.wt = new Float64Array(N);
    this.c = new Float64Array(p.d1);
  }

  step(count: number): void {
    const { p, rng, x, g1, g2, wt, w, U, c } = this;
    const { f, df } = this.fns;
    const { d1, batch: m, tau, n: N, eta, rho } = p;
    const sqN = Math.sqrt(N);
    const se = Math.sqrt(eta);
    const rc = Math.sqrt(Math.max(0, 1 - rho * rho));
    const k1 = tau / (m * sqN);
    for (let k = 0; k < count; k++) {
      wt.set(w);
      for (let b = 0; b < m; b++) {
        // a ~ N(0, I − UUᵀ/N): a Gaussian vector with its feature components removed.
        fillNormals(rng, x);
        for (let j = 0; j < d1; j++) {
          const Uj = U[j]!;
          let dot = 0;
          for (let i = 0; i < N; i++) dot += Uj[i]! * x[i]!;
          dot /= N;
          c[j] = sampleLaw(p.laws[j]!, rng);
          const coef = c[j]! / sqN - dot;
          for (let i = 0; i < N; i++) x[i] = x[i]! + coef * Uj[i]!;
        }
        if (eta > 0) {
          fillNormals(rng, g1);
          fillNormals(rng, g2);
          for (let i = 0; i < N; i++) {
            const a1 = se * g1[i]!;
            g2[i] = se * (rho * g1[i]! + rc * g2[i]!);
            g1[i] = a1;
          }
        }
        let z1 = 0;
        let z2 = 0;
        for (let i = 0; i < N; i++) {
          const wx = w[i]! * x[i]!;
          z1 += wx + (eta > 0 ? w[i]! * g1[i]! : 0);
          z2 += wx + (eta > 0 ? w[i]! * g2[i]! : 0);
        }
        z1 /= sqN;
        z2 /= sqN;
        const A = k1 * f(z2) * df(z1);
        const B = k1 * f(z1) * df(z2);
        if (eta > 0) {
          for (let i = 0; i < N; i++) wt[i] = wt[i]! + (A + B) * x[i]! + A * g1[i]! + B * g2[i]!;
        } else {
          const AB = A + B;
          for (let i = 0; i < N; i++) wt[i] = wt[i]! + AB * x[i]!;
        }
      }
      let norm2 = 0;
      for (let i = 0; i < N; i++) norm2 += wt[i]! * wt[i]!;
      const scale = sqN / Math.sqrt(norm2);
      for (let i = 0; i < N; i++) w[i] = wt[i]! * scale;
      this.steps++;
    }
  }

  observe(out: Float64Array): void {
    const N = this.p.n;
    for (let j = 0; j < this.p.d1; j++) {
      let dot = 0;
      const Uj = this.U[j]!;
      for (let i = 0; i < N; i++) dot += Uj[i]! * this.w[i]!;
      out[j] = (dot / N) ** 2;
    }
  }
}

export function contrastiveSimulator(
  p: ContrastiveParams,
  variant: ContrastiveVariant,
  stream: number,
): Simulator {
  return variant === 'literal' ? new LiteralSimulator(p, stream) : new ReducedSimulator(p, stream);
}
