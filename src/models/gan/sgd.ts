/**
 * Finite-n SGD of the GAN: the Markov chain whose n → ∞ limit is the ODE in ode.ts.
 *
 * λ = ∞ is projected SGD (docs/models/gan.md): w ← normalise(w + (τ/n)[y(y·w) − ỹ(ỹ·w)]), and
 * V ← V + (τ̃/n)(ỹ′·w) w c̃′ᵀ with a fresh fake ỹ′ and the old w, then unit columns.
 * Finite λ is plain SGDA (S-1)-(S-2) with H′(x) = tanh(x − 1).
 *
 * Two exact samplers of the same chain, both O(n) per step and both keeping the coordinates (the
 * point cloud needs them); the default sampler of the order parameters is the O(1)-in-n Gram
 * chain of reduced.ts:
 * - 'literal' draws the real and fake noise vectors a, ã (2n normals per step).
 * - 'fast' draws one n-vector g. The update needs a and ã only through
 *   u = α√η_T a − β√η_G ã with α = y·w, β = ỹ·w. Split a = ξŵ + a⊥, ã = ξ̃ŵ + ã⊥ (ŵ = w/‖w‖):
 *   ξ, ξ̃ are N(0, 1), a⊥, ã⊥ are standard Gaussians on ŵ⊥, all independent, and α, β depend on
 *   the noise only through ξ, ξ̃. Given them, α√η_T a⊥ − β√η_G ã⊥ is σ·g⊥ with
 *   σ² = η_T α² + η_G β² and g⊥ standard Gaussian on ŵ⊥. So u = (α√η_T ξ − β√η_G ξ̃)ŵ + σ g⊥,
 *   g⊥ = g − (g·ŵ)ŵ, has exactly the law of the literal u. sgd.test.ts checks the coupling
 *   identity step by step.
 * In both, ỹ′·w is drawn as a scalar c̃′·r + √η_G‖w‖g′ (docs/models/gan.md), exact in distribution.
 *
 * Layout: U and V are n×d row-major (U[i*d + l]); the inner loops over l stay in cache.
 */
import type { MicroSnapshot, Simulator } from '../../core/model';
import { fillNormals, normal } from '../../core/normal';
import { Rng } from '../../core/rng';
import { type FusedStats, fusedStats, fusedStep } from './fused';
import { type GanLayout, ganLayout } from './layout';
import type { GanParams } from './params';
import {
  type FastNoise,
  fastStep,
  type GanMicroState,
  type GanVariant,
  initialMicroState,
  type LiteralNoise,
  literalStep,
  type Overlaps,
  type StepConstants,
  type StepLatents,
} from './steps';

export * from './steps';

/** The GAN's SGD simulator (see the file comment). */
export class GanSimulator implements Simulator {
  readonly names: string[];
  readonly stepsPerTime: number;
  steps = 0;
  readonly state: GanMicroState;
  private readonly layout: GanLayout;
  private readonly rng: Rng;
  private readonly k: StepConstants;
  private readonly sqLam: Float64Array;
  private readonly sqLamT: Float64Array;
  private fast: FastNoise;
  private readonly literal: LiteralNoise | null;
  private readonly o: Overlaps;
  private readonly coef: Float64Array;
  private readonly scratch: Float64Array;
  /** The fused one-pass path (d ≤ 2, 'fast'): next step's noise vector and running overlaps. */
  private readonly fused: { gNext: Float64Array; stats: FusedStats } | null;

  constructor(
    p: GanParams,
    private readonly variant: GanVariant = 'fast',
    stream = 0,
  ) {
    const { n, d } = p;
    this.rng = new Rng(p.seed, stream);
    this.layout = ganLayout(d, p.lambda === Number.POSITIVE_INFINITY);
    this.names = this.layout.names;
    this.stepsPerTime = n;
    this.state = initialMicroState(p, this.rng);
    this.k = { tau: p.tau, tauTilde: p.tauTilde, etaT: p.etaT, etaG: p.etaG, lambda: p.lambda };
    this.sqLam = Float64Array.from(p.Lambda, Math.sqrt);
    this.sqLamT = Float64Array.from(p.LambdaTilde, Math.sqrt);
    const latents = (): StepLatents => ({
      c: new Float64Array(d),
      ct: new Float64Array(d),
      ctp: new Float64Array(d),
      gp: 0,
    });
    this.fast = { ...latents(), xi: 0, xit: 0, g: new Float64Array(variant === 'fast' ? n : 0) };
    this.literal =
      variant === 'literal'
        ? { ...latents(), a: new Float64Array(n), at: new Float64Array(n) }
        : null;
    this.o = { q: new Float64Array(d), r: new Float64Array(d), Sdiag: new Float64Array(d), z: 0 };
    this.coef = new Float64Array(d);
    this.scratch = new Float64Array(n);
    this.fused = null;
    if (variant === 'fast' && d <= 2) {
      const stats: FusedStats = {
        wScale: 1,
        z: 0,
        q: new Float64Array(d),
        r: new Float64Array(d),
        Sdiag: new Float64Array(d),
        gw: 0,
      };
      fillNormals(this.rng, this.fast.g);
      fusedStats(this.state, this.fast.g, stats);
      this.fused = { gNext: new Float64Array(n), stats };
    }
  }

  step(count: number): void {
    const rng = this.rng;
    const d = this.state.d;
    for (let s = 0; s < count; s++) {
      const lat = this.literal ?? this.fast;
      for (let l = 0; l < d; l++) {
        lat.c[l] = this.sqLam[l]! * normal(rng);
        lat.ct[l] = this.sqLamT[l]! * normal(rng);
        lat.ctp[l] = this.sqLamT[l]! * normal(rng);
      }
      lat.gp = normal(rng);
      if (this.literal) {
        fillNormals(rng, this.literal.a);
        fillNormals(rng, this.literal.at);
        literalStep(this.state, this.k, this.literal, this.o);
      } else if (this.fused) {
        this.fast.xi = normal(rng);
        this.fast.xit = normal(rng);
        const { gNext, stats } = this.fused;
        fillNormals(rng, gNext);
        fusedStep(this.state, this.k, this.fast, gNext, stats);
        // The vector just drawn is the next step's g.
        const current = this.fast.g;
        this.fast.g = gNext;
        this.fused.gNext = current;
      } else {
        this.fast.xi = normal(rng);
        this.fast.xit = normal(rng);
        fillNormals(rng, this.fast.g);
        fastStep(this.state, this.k, this.fast, this.o, this.coef, this.scratch);
      }
    }
    this.steps += count;
  }

  /** The factor between the stored w and the true w (the fused path defers normalisation). */
  private get wScale(): number {
    return this.fused?.stats.wScale ?? 1;
  }

  observe(out: Float64Array): void {
    const { n, d, U, V } = this.state;
    const c = this.wScale;
    const stored = this.state.w;
    const L = this.layout;
    const S = new Float64Array(d * d);
    const P = new Float64Array(d * d);
    const q = new Float64Array(d);
    const r = new Float64Array(d);
    let z = 0;
    for (let i = 0; i < n; i++) {
      const wi = c * stored[i]!;
      const o = i * d;
      z += wi * wi;
      for (let a = 0; a < d; a++) {
        q[a] = q[a]! + U[o + a]! * wi;
        r[a] = r[a]! + V[o + a]! * wi;
        for (let b = 0; b < d; b++) {
          P[a * d + b] = P[a * d + b]! + U[o + a]! * V[o + b]!;
          S[a * d + b] = S[a * d + b]! + V[o + a]! * V[o + b]!;
        }
      }
    }
    out.set(P, L.P);
    out.set(q, L.q);
    out.set(r, L.r);
    for (let j = 0; j < d; j++) {
      for (let k = j; k < d; k++) {
        const idx = L.sIndex(j, k);
        if (idx >= 0) out[idx] = S[j * d + k]!;
      }
    }
    if (L.z >= 0) out[L.z] = z;
  }

  micro(): MicroSnapshot {
    const { n, d, U, V, w } = this.state;
    const scale = Math.sqrt(n);
    const columns: Record<string, Float64Array> = {};
    for (let l = 0; l < d; l++) {
      const u = new Float64Array(n);
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        u[i] = scale * U[i * d + l]!;
        v[i] = scale * V[i * d + l]!;
      }
      columns[`u${l + 1}`] = u;
      columns[`v${l + 1}`] = v;
    }
    const c = this.wScale;
    columns['w'] = Float64Array.from(w, (x) => scale * c * x);
    return { t: this.steps / n, columns };
  }
}
