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
import { type ActivationFns, ACTIVATIONS, ExpectationEvaluator } from './expectations';
import type { Law } from './laws';
import { contrastiveStateNames } from './ode';
import type { Activation, ContrastiveParams } from './params';

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

/**
 * A = σ(z₂)σ′(z₁) and B = σ(z₁)σ′(z₂) written out per activation (the same arithmetic as
 * ACTIVATIONS' f and df, so the same bits). The reduced step calls this for every sample; calling
 * f and df through a variable would make that call site megamorphic as soon as a process has run
 * two activations (V8 then stops inlining it), which cost 30 % here.
 */
export function activationPair(
  sigma: Activation,
  z1: number,
  z2: number,
  ybar: number,
  out: Float64Array,
): void {
  // (f − ȳ)·f′ with ȳ the batch-normalisation centre (0 without it: x − 0 is x exactly).
  if (sigma === 'square') {
    out[0] = (z2 * z2 - ybar) * (2 * z1);
    out[1] = (z1 * z1 - ybar) * (2 * z2);
  } else if (sigma === 'relu') {
    out[0] = ((z2 > 0 ? z2 : 0) - ybar) * (z1 > 0 ? 1 : 0);
    out[1] = ((z1 > 0 ? z1 : 0) - ybar) * (z2 > 0 ? 1 : 0);
  } else {
    const t1 = Math.tanh(z1);
    const t2 = Math.tanh(z2);
    out[0] = (t2 - ybar) * (1 - t1 * t1);
    out[1] = (t1 - ybar) * (1 - t2 * t2);
  }
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
  private readonly G: Float64Array;
  /**
   * Standard normals of one step: per sample e, one per Gaussian feature (a discrete feature
   * draws a uniform instead), then the noises' pairs.
   */
  private readonly z: Float64Array;
  private readonly perSample: number;
  /** Batch normalisation: ȳ = ⟨σ(z)⟩ at the current q, by quadrature (null: ȳ = 0). */
  private readonly centring: ExpectationEvaluator | null;
  private readonly absQ: Float64Array;
  /** Per feature: √m₂ for a Gaussian law, else 0. */
  private readonly sd: Float64Array;
  /** Normals per sample before the noises': e and the Gaussian features'. */
  private readonly featureNormals: number;
  /** One sample's c. */
  private readonly c: Float64Array;
  /** Per discrete feature: the atoms' values and cumulative probabilities (empty if Gaussian). */
  private readonly atomValues: Float64Array[];
  private readonly atomCumulative: Float64Array[];
  private readonly pair = new Float64Array(2);

  constructor(
    private readonly p: ContrastiveParams,
    stream = 0,
  ) {
    this.rng = new Rng(p.seed, stream);
    this.names = contrastiveStateNames(p.d1);
    this.stepsPerTime = p.n;
    this.q = Float64Array.from(p.q0);
    this.s = Math.sqrt(Math.max(0, 1 - this.q.reduce((a, x) => a + x * x, 0)));
    this.G = new Float64Array(p.d1);
    this.sd = Float64Array.from(p.laws, (law) => (law.gaussian ? Math.sqrt(law.m2) : 0));
    this.atomValues = p.laws.map((law) => Float64Array.from(law.atoms, (a) => a.value));
    this.atomCumulative = p.laws.map((law) => {
      let acc = 0;
      return Float64Array.from(law.atoms, (a) => (acc += a.prob));
    });
    this.featureNormals = 1 + p.laws.filter((law) => law.gaussian).length;
    this.c = new Float64Array(p.d1);
    this.perSample = this.featureNormals + (p.eta > 0 ? 2 * (p.d1 + 1) : 0);
    this.z = new Float64Array(p.batch * this.perSample);
    this.centring = p.centred ? new ExpectationEvaluator(p.laws, p.sigma, p.eta, p.rho) : null;
    this.absQ = new Float64Array(p.d1);
  }

  step(count: number): void {
    const { p, rng, q, G, z, sd, atomValues, atomCumulative, perSample, pair, featureNormals } =
      this;
    const cs = this.c;
    const { d1, batch: m, tau, n: N, eta, rho, sigma } = p;
    const se = Math.sqrt(eta);
    const rc = Math.sqrt(Math.max(0, 1 - rho * rho));
    const noisy = eta > 0;
    const shape = (N - d1 - 1) / 2; // χ²_M = 2·Gamma(M/2)
    const lawCount = sd.length;
    for (let k = 0; k < count; k++) {
      fillNormals(rng, z);
      G.fill(0);
      let H = 0;
      let S = 0;
      const s = this.s;
      // The population mean at this step's w (the laws are symmetric: only |q_j| matters).
      for (let j = 0; j < d1; j++) this.absQ[j] = Math.abs(q[j]!);
      const ybar = this.centring ? this.centring.mean(this.absQ) : 0;
      for (let b = 0; b < m; b++) {
        const o = b * perSample;
        const e = z[o]!;
        let u = s * e;
        // c_j: Gaussian (the sample's next normal), or an atom picked by a uniform.
        let g = o + 1;
        for (let j = 0; j < lawCount; j++) {
          let c: number;
          const sdj = sd[j]!;
          if (sdj > 0) c = sdj * z[g++]!;
          else {
            // The atom is the number of cumulative probabilities ≤ r (the last one, 1, never
            // counts): summed without branches, since r's outcome is unpredictable by design.
            const cumulative = atomCumulative[j]!;
            const r = rng.nextFloat();
            let a = 0;
            for (let i = 0; i < cumulative.length - 1; i++) a += Number(r >= cumulative[i]!);
            c = atomValues[j]![a]!;
          }
          cs[j] = c;
          u += q[j]! * c;
        }
        // Noises ξ₁ = √η n₁, ξ₂ = √η(ρ n₁ + √(1−ρ²) n₂) along ŵ⊥ (g) and along each û_j (ζ):
        // both enter z_ℓ; ζ also enters q_j's update.
        let g1 = 0;
        let g2 = 0;
        let xi1 = 0;
        let xi2 = 0;
        if (noisy) {
          const n = o + featureNormals;
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
        activationPair(sigma, u + xi1, u + xi2, ybar, pair);
        const A = pair[0]!;
        const B = pair[1]!;
        const AB = A + B;
        for (let j = 0; j < d1; j++) {
          const c = cs[j]!;
          let gj = AB * c;
          if (noisy) {
            const a = o + featureNormals + 2 + 2 * j;
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
  private readonly centring: ExpectationEvaluator | null;
  private readonly absQ: Float64Array;

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
    this.centring = p.centred ? new ExpectationEvaluator(p.laws, p.sigma, p.eta, p.rho) : null;
    this.absQ = new Float64Array(p.d1);
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
      // Batch normalisation: ȳ = ⟨σ(z)⟩ at the current cosines q_j = U_jᵀw/N.
      let ybar = 0;
      if (this.centring) {
        for (let j = 0; j < d1; j++) {
          let dot = 0;
          for (let i = 0; i < N; i++) dot += U[j]![i]! * w[i]!;
          this.absQ[j] = Math.abs(dot / N);
        }
        ybar = this.centring.mean(this.absQ);
      }
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
        const A = k1 * (f(z2) - ybar) * df(z1);
        const B = k1 * (f(z1) - ybar) * df(z2);
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
