/**
 * The expectations behind the ODE (11) of the contrastive model, for any activation σ, by
 * quadrature over the background direction e, the feature variables c and the augmentation
 * noises (derivation: docs/models/contrastive.md). With u = cᵀq + √(1 − Q)·e,
 *   z_ℓ = u + ξ_ℓ,  ξ_ℓ = wᵀγ^(ℓ)/√N ~ N(0, η),  corr(ξ₁, ξ₂) = ρ_γ,
 *   A = σ(z₂)σ′(z₁),  B = σ(z₁)σ′(z₂),  F = A + B,
 *   L = (1 + η)(A² + B²) + 2(1 + ρ_γη)AB            (so Λ of (8) is (τ²/m)⟨L⟩),
 * and this module returns ⟨c_j F⟩, ⟨uF⟩ and ⟨L⟩. With batch normalisation by the population mean
 * ((S-16), Appendix A.2) σ(z_ℓ) is replaced by σ(z_ℓ) − ȳ in A and B (not in σ′), ȳ = ⟨σ(z_ℓ)⟩,
 * the same for both views; ȳ carries no gradient, so the Stein form below is unchanged.
 *
 * Reduction: the Gaussian features and e merge into one Gaussian G = Σ_gauss c_i q_i + √(1−Q)e of
 * variance V_G; the discrete features are summed over their atoms (D = Σ_discrete c_i q_i); and
 * (Y₁, Y₂) = (D + G + ξ₁, D + G + ξ₂) is a bivariate Gaussian given D. The factors G and c_j
 * (Gaussian j) are replaced by their conditional means given Y (exact inside the expectation):
 *   E[G | Y] = V_G (Y₁ + Y₂ − 2D)/(2V_G + η(1 + ρ_γ)),  E[c_j | G] = (m₂ⱼ q_j / V_G) G.
 * No derivative of σ beyond σ′ is needed (the paper's σ″ terms are replaced by Stein's lemma).
 */
import { gaussHermite } from '../../core/quadrature';
import type { Law } from './laws';
import type { Activation } from './params';

export interface ActivationFns {
  f(x: number): number;
  df(x: number): number;
  /** σ′ jumps at 0 (ReLU): the rules are split there. */
  kinked: boolean;
  /** Nodes per axis: Gauss–Hermite order (smooth σ) or Gauss–Legendre nodes per piece (kinked). */
  order: number;
}

export const ACTIVATIONS: Record<Activation, ActivationFns> = {
  // x²: every integrand is a polynomial of degree ≤ 7 in Y, so 8 Gauss–Hermite nodes are exact.
  square: { f: (x) => x * x, df: (x) => 2 * x, kinked: false, order: 8 },
  relu: { f: (x) => (x > 0 ? x : 0), df: (x) => (x > 0 ? 1 : 0), kinked: true, order: 40 },
  tanh: {
    f: Math.tanh,
    df: (x) => {
      const t = Math.tanh(x);
      return 1 - t * t;
    },
    kinked: false,
    order: 60,
  },
};

/** n-point Gauss–Legendre rule on [−1, 1] (Newton on the Legendre recurrence). Cached. */
const legendreCache = new Map<number, { x: Float64Array; w: Float64Array }>();
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const cached = legendreCache.get(n);
  if (cached) return cached;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = w[n - 1 - i] = 2 / ((1 - z * z) * dp * dp);
  }
  const rule = { x, w };
  legendreCache.set(n, rule);
  return rule;
}

const SPAN = 9; // standard deviations kept by the Legendre rules (mass outside: 2e-19)
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * A rule for ⟨φ(Y)⟩, Y ~ N(mean, sd²), written into (nodes, weights) from index 0; returns the
 * number of nodes. Kinked activations get Gauss–Legendre pieces split at Y = 0.
 */
function normalRule(
  fns: ActivationFns,
  mean: number,
  sd: number,
  nodes: Float64Array,
  weights: Float64Array,
): number {
  if (sd <= 0) {
    nodes[0] = mean;
    weights[0] = 1;
    return 1;
  }
  if (!fns.kinked) {
    const gh = gaussHermite(fns.order);
    for (let k = 0; k < fns.order; k++) {
      nodes[k] = mean + sd * gh.nodes[k]!;
      weights[k] = gh.weights[k]!;
    }
    return fns.order;
  }
  const gl = gaussLegendre(fns.order);
  const kink = -mean / sd;
  const pieces: [number, number][] =
    kink > -SPAN && kink < SPAN
      ? [
          [-SPAN, kink],
          [kink, SPAN],
        ]
      : [[-SPAN, SPAN]];
  let count = 0;
  for (const [a, b] of pieces) {
    const h = (b - a) / 2;
    for (let k = 0; k < fns.order; k++) {
      const s = a + h * (1 + gl.x[k]!);
      nodes[count] = mean + sd * s;
      weights[count] = h * gl.w[k]! * INV_SQRT_2PI * Math.exp(-0.5 * s * s);
      count++;
    }
  }
  return count;
}

/** What evaluate() returns (owned by the evaluator, overwritten by the next call). */
export interface Expectations {
  /** ⟨c_j F⟩ for each feature j. */
  cF: Float64Array;
  /** ⟨uF⟩, u = cᵀq + √(1 − Q)e. */
  uF: number;
  /** ⟨L⟩: Λ = (τ²/m)⟨L⟩. */
  L: number;
  /** ȳ = ⟨σ(z)⟩ when centred, else 0. */
  ybar: number;
}

/** Evaluates the expectations at a state q (cosines, q_i ≥ 0) for fixed laws, σ and noise. */
export class ExpectationEvaluator {
  private readonly fns: ActivationFns;
  private readonly out: Expectations;
  private readonly discrete: number[];
  private readonly gaussianIdx: number[];
  private readonly n1: Float64Array;
  private readonly w1: Float64Array;
  private readonly n2: Float64Array;
  private readonly w2: Float64Array;
  private readonly cAtom: Float64Array;

  constructor(
    private readonly laws: Law[],
    sigma: Activation,
    private readonly eta: number,
    private readonly rho: number,
    private readonly centred = false,
  ) {
    this.fns = ACTIVATIONS[sigma];
    this.out = { cF: new Float64Array(laws.length), uF: 0, L: 0, ybar: 0 };
    this.discrete = laws.flatMap((l, i) => (l.gaussian ? [] : [i]));
    this.gaussianIdx = laws.flatMap((l, i) => (l.gaussian ? [i] : []));
    const size = 2 * this.fns.order;
    this.n1 = new Float64Array(size);
    this.w1 = new Float64Array(size);
    this.n2 = new Float64Array(size);
    this.w2 = new Float64Array(size);
    this.cAtom = new Float64Array(laws.length);
  }

  /** Var of the Gaussian part G given the state: 1 − Q + Σ_gauss m₂ⱼq_j². */
  private gaussianVariance(q: ArrayLike<number>): number {
    let Q = 0;
    for (let i = 0; i < this.laws.length; i++) Q += q[i]! * q[i]!;
    let VG = Math.max(0, 1 - Q);
    for (const i of this.gaussianIdx) VG += this.laws[i]!.m2 * q[i]! * q[i]!;
    return VG;
  }

  /** The population mean ȳ = ⟨σ(z_ℓ)⟩ at q (either view: both have the same law). */
  mean(q: ArrayLike<number>): number {
    const { laws, fns, discrete } = this;
    const sd = Math.sqrt(this.gaussianVariance(q) + this.eta);
    let total = 0;
    const idx = new Array<number>(discrete.length).fill(0);
    for (;;) {
      let D = 0;
      let P = 1;
      for (let k = 0; k < discrete.length; k++) {
        const atom = laws[discrete[k]!]!.atoms[idx[k]!]!;
        D += atom.value * q[discrete[k]!]!;
        P *= atom.prob;
      }
      const c = normalRule(fns, D, sd, this.n1, this.w1);
      let s = 0;
      for (let a = 0; a < c; a++) s += this.w1[a]! * fns.f(this.n1[a]!);
      total += P * s;
      let k = 0;
      while (k < discrete.length) {
        idx[k] = idx[k]! + 1;
        if (idx[k]! < laws[discrete[k]!]!.atoms.length) break;
        idx[k] = 0;
        k++;
      }
      if (k === discrete.length) break;
    }
    return total;
  }

  evaluate(q: ArrayLike<number>): Expectations {
    const { laws, eta, rho, fns, out, discrete } = this;
    const VG = this.gaussianVariance(q);
    const ybar = this.centred ? this.mean(q) : 0;
    out.ybar = ybar;
    // (Y₁, Y₂) given D: variances V_G + η, covariance V_G + ρη; Y₂ | Y₁ by regression.
    const v = VG + eta;
    const cov = VG + rho * eta;
    const sd1 = Math.sqrt(v);
    const slope = v > 0 ? cov / v : 1;
    const sd2 = v > 0 ? Math.sqrt(Math.max(0, v - cov * slope)) : 0;
    const oneD = sd2 <= 1e-14 * (sd1 + 1);
    const denomG = 2 * VG + eta * (1 + rho);
    const gain = VG > 0 && denomG > 0 ? VG / denomG : 0;
    const noiseSelf = 1 + eta;
    const noiseCross = 2 * (1 + rho * eta);
    const { f, df } = fns;
    out.cF.fill(0);
    let uF = 0;
    let L = 0;
    let GF = 0;
    // Sum over the atoms of the discrete features, odometer style.
    const idx = new Array<number>(discrete.length).fill(0);
    for (;;) {
      let D = 0;
      let P = 1;
      for (let k = 0; k < discrete.length; k++) {
        const j = discrete[k]!;
        const atom = laws[j]!.atoms[idx[k]!]!;
        this.cAtom[j] = atom.value;
        D += atom.value * q[j]!;
        P *= atom.prob;
      }
      let sF = 0;
      let sGF = 0;
      let sL = 0;
      const c1 = normalRule(fns, D, sd1, this.n1, this.w1);
      for (let a = 0; a < c1; a++) {
        const y1 = this.n1[a]!;
        const f1 = f(y1) - ybar;
        const d1 = df(y1);
        const c2 = oneD ? 1 : normalRule(fns, D + slope * (y1 - D), sd2, this.n2, this.w2);
        if (oneD) {
          this.n2[0] = D + slope * (y1 - D);
          this.w2[0] = 1;
        }
        for (let b = 0; b < c2; b++) {
          const y2 = this.n2[b]!;
          const w = this.w1[a]! * this.w2[b]!;
          const f2 = f(y2) - ybar;
          const A = f2 * d1;
          const B = f1 * df(y2);
          const F = A + B;
          sF += w * F;
          sGF += w * gain * (y1 + y2 - 2 * D) * F;
          sL += w * (noiseSelf * (A * A + B * B) + noiseCross * A * B);
        }
      }
      uF += P * (D * sF + sGF);
      GF += P * sGF;
      L += P * sL;
      for (const j of discrete) out.cF[j] = out.cF[j]! + P * this.cAtom[j]! * sF;
      // next atom combination
      let k = 0;
      while (k < discrete.length) {
        idx[k] = idx[k]! + 1;
        if (idx[k]! < laws[discrete[k]!]!.atoms.length) break;
        idx[k] = 0;
        k++;
      }
      if (k === discrete.length) break;
    }
    for (const j of this.gaussianIdx) out.cF[j] = VG > 0 ? ((laws[j]!.m2 * q[j]!) / VG) * GF : 0;
    out.uF = uF;
    out.L = L;
    return out;
  }
}
