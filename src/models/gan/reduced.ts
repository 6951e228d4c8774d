/**
 * The GAN's SGD as an exact Markov chain on the Gram matrix of (U, V, w): variant 'gram', the
 * default. A step costs O(d²) arithmetic, O(d) normals, one χ² variate and, once the frame is full,
 * one (d + 2)×(d + 1) Householder triangularisation: nothing grows with n. The derivation, for
 * λ = ∞ and finite λ, is in docs/models/gan.md ("The Gram chain").
 *
 * Frame. U, V and w are stored as coordinates X in an orthonormal frame e₁…e_k of ℝⁿ whose first
 * d vectors are U's columns (U never moves, so its coordinates stay [I; 0] and are not stored)
 * and whose span contains every V_l and w. The frame itself is never built: the data law is
 * invariant under the rotations that fix span(U), so the future of the order parameters depends
 * on the coordinates only.
 *
 * One step (the literal step of sgd.ts, written in the frame). Split a = Σ_i a_i e_i + a⊥ with
 * a_i ~ N(0, 1) and a⊥ a standard Gaussian on the frame's complement, all independent; likewise ã.
 * Then α = y·w and β = ỹ·w, the V update, and the frame part of the w update use a_i, ã_i only.
 * Outside the frame the w update adds (τ/n)(α√η_T a⊥ − β√η_G ã⊥), a centred Gaussian on the
 * complement with covariance σ²(I − EEᵀ) given the rest, σ² = η_Tα² + η_Gβ², i.e. σ‖g⊥‖ĝ with
 * ‖g⊥‖² ~ χ²_{n−k} and ĝ a unit vector ⟂ frame: the frame grows by ĝ (coordinate (τ/n)σ‖g⊥‖ of w,
 * 0 of V). Only one vector leaves the span per step (a⊥ and ã⊥ enter through one combination),
 * so a χ² suffices and no Bartlett factor is needed. When the frame would exceed 2d + 1 vectors,
 * an orthogonal change of frame (Householder on the rows ⟂ U) brings the d + 1 vectors (V, w)
 * back to d + 1 rows; inner products are unchanged.
 *
 * Rank-deficient starts. The frame starts with U and one vector per V_l, w that has a part
 * outside span(U) (none for P₀'s column of norm 1 or ‖q₀‖ = 1), and grows only when a step adds a
 * direction (σ > 0: not for η_T = η_G = 0). A frame larger than the span would be exact too (its
 * extra directions are just more noise coordinates); this one is the smallest that the literal
 * start implies.
 *
 * Start. The literal start (sgd.ts initialMicroState) has deterministic overlaps: V_j = Σ_i P0_ij
 * U_i + √(1 − Σ_i P0_ij²) ξ_j, w = Σ_i q0_i U_i + √(1 − ‖q0‖²) ζ with (U, ξ, ζ) orthonormal. These
 * are exactly its coordinates here, so both variants start from the same statistics without
 * drawing the 2d + 1 Gaussian n-vectors. The per-step latent draws (c, c̃, c̃′ per feature, then g′)
 * come in the literal's order; the noise coordinates and the χ² follow.
 */
import { ChiSquareSampler } from '../../core/gamma';
import { triangulariseRows } from '../../core/householder';
import type { Simulator } from '../../core/model';
import { fillNormals } from '../../core/normal';
import { Rng } from '../../core/rng';
import { type GanLayout, ganLayout } from './layout';
import type { GanParams } from './params';

/** Coordinates of V and w in the frame, and its dimension k (U is the first d frame vectors). */
export interface GramState {
  d: number;
  /** Frame dimension, d ≤ k ≤ 2d + 1. */
  k: number;
  /** Leading dimension 2d + 2 (room for the row a step adds); columns V_1..V_d, then w. */
  X: Float64Array;
}

/** The start of the literal variant, in coordinates (see the file comment). */
export function initialGramState(p: GanParams): GramState {
  const { d } = p;
  const ld = 2 * d + 2;
  const X = new Float64Array(ld * (d + 1));
  let k = d;
  for (let j = 0; j < d; j++) {
    let norm2 = 0;
    for (let i = 0; i < d; i++) {
      const pij = p.P0[i * d + j]!;
      X[j * ld + i] = pij;
      norm2 += pij * pij;
    }
    const rest = Math.sqrt(Math.max(0, 1 - norm2));
    if (rest > 0) X[j * ld + k++] = rest;
  }
  let qn2 = 0;
  for (let i = 0; i < d; i++) {
    X[d * ld + i] = p.q0[i]!;
    qn2 += p.q0[i]! * p.q0[i]!;
  }
  const rest = Math.sqrt(Math.max(0, 1 - qn2));
  if (rest > 0) X[d * ld + k++] = rest;
  return { d, k, X };
}

/** The constants of a step. */
export interface GramConstants {
  n: number;
  tau: number;
  tauTilde: number;
  etaT: number;
  etaG: number;
  lambda: number;
}

/**
 * The noise of one step: latents c ~ N(0, Λ), c̃, c̃′ ~ N(0, Λ̃), the scalar g′ of ỹ′·w, and the
 * frame coordinates a_i, ã_i (i < k) of the noise vectors a, ã.
 */
export interface GramNoise {
  c: Float64Array;
  ct: Float64Array;
  ctp: Float64Array;
  gp: number;
  aE: Float64Array;
  atE: Float64Array;
}

/** Work arrays of gramStep: r, diag S and the new w coordinates. */
export interface GramScratch {
  r: Float64Array;
  sDiag: Float64Array;
  wNew: Float64Array;
}

export function gramScratch(d: number): GramScratch {
  return {
    r: new Float64Array(d),
    sDiag: new Float64Array(d),
    wNew: new Float64Array(2 * d + 2),
  };
}

/**
 * One step of the Gram chain, in place: the literal step of sgd.ts written in the frame (file
 * comment). `outsideNorm2(n − k)` supplies ‖g⊥‖² ~ χ²_{n−k}, the squared norm of the standard
 * Gaussian part of the w update outside the frame; it is called only when that part is non-zero.
 */
export function gramStep(
  st: GramState,
  k: GramConstants,
  noise: GramNoise,
  outsideNorm2: (dof: number) => number,
  scratch: GramScratch,
): void {
  // Hot path: one fused pass per quantity, locals instead of destructured objects, and every sum
  // taken in the same order as the plain loops (so a seed gives the same chain bit for bit).
  const d = st.d;
  const X = st.X;
  const n = k.n;
  const c = noise.c;
  const ct = noise.ct;
  const ctp = noise.ctp;
  const aE = noise.aE;
  const atE = noise.atE;
  const r = scratch.r;
  const sDiag = scratch.sDiag;
  const wNew = scratch.wNew;
  const ld = 2 * d + 2;
  const wc = d * ld; // offset of w's column
  const full = 2 * d + 1;
  const projected = k.lambda === Number.POSITIVE_INFINITY;
  const sqT = Math.sqrt(k.etaT);
  const sqG = Math.sqrt(k.etaG);
  const kw = k.tau / n;
  const kv = k.tauTilde / n;
  const rows = st.k;
  // Overlaps of the current state: z = ‖w‖², a·w and ã·w in the frame, r_l = V_l·w, S_ll = ‖V_l‖².
  let z = 0;
  let aw = 0;
  let atw = 0;
  for (let i = 0; i < rows; i++) {
    const wi = X[wc + i]!;
    z += wi * wi;
    aw += aE[i]! * wi;
    atw += atE[i]! * wi;
  }
  for (let l = 0; l < d; l++) {
    let rl = 0;
    let sl = 0;
    for (let i = 0, o = l * ld; i < rows; i++) {
      const v = X[o + i]!;
      rl += v * X[wc + i]!;
      sl += v * v;
    }
    r[l] = rl;
    sDiag[l] = sl;
  }
  // α = y·w, β = ỹ·w, and ỹ′·w drawn as a scalar (as in sgd.ts).
  let alpha = 0;
  let beta = 0;
  let fake = sqG * Math.sqrt(z) * noise.gp;
  for (let l = 0; l < d; l++) {
    alpha += c[l]! * X[wc + l]!;
    beta += ct[l]! * r[l]!;
    fake += ctp[l]! * r[l]!;
  }
  alpha += sqT * aw;
  beta += sqG * atw;
  // w's frame coordinates: w + (τ/n)[α y − β ỹ − λH′(z) w], with the old V.
  const keepW = 1 - (projected ? 0 : kw * k.lambda * Math.tanh(z - 1));
  for (let i = 0; i < rows; i++) {
    let y = sqT * aE[i]!;
    if (i < d) y += c[i]!;
    let yt = sqG * atE[i]!;
    for (let l = 0; l < d; l++) yt += X[l * ld + i]! * ct[l]!;
    wNew[i] = keepW * X[wc + i]! + kw * (alpha * y - beta * yt);
  }
  // V_l ← V_l − (τ̃/n)λH′(S_ll)V_l + (τ̃/n)(ỹ′·w) c̃′_l w, with the old w; ‖V_l‖² on the way.
  for (let l = 0; l < d; l++) {
    const keep = projected ? 1 : 1 - kv * k.lambda * Math.tanh(sDiag[l]! - 1);
    const mix = kv * fake * ctp[l]!;
    let sl = 0;
    for (let i = 0, o = l * ld; i < rows; i++) {
      const v = keep * X[o + i]! + mix * X[wc + i]!;
      X[o + i] = v;
      sl += v * v;
    }
    sDiag[l] = sl;
  }
  let zNew = 0;
  for (let i = 0; i < rows; i++) {
    const wi = wNew[i]!;
    X[wc + i] = wi;
    zNew += wi * wi;
  }
  // The part of w's update outside the frame: one new direction of length (τ/n)σ‖g⊥‖.
  const sigma2 = k.etaT * alpha * alpha + k.etaG * beta * beta;
  if (sigma2 > 0) {
    const gamma = kw * Math.sqrt(sigma2 * outsideNorm2(n - rows));
    if (gamma > 0) {
      for (let l = 0; l < d; l++) X[l * ld + rows] = 0;
      X[wc + rows] = gamma;
      zNew += gamma * gamma;
      st.k = rows + 1;
    }
  }
  const kNew = st.k;
  if (projected) {
    // Back onto the spheres (projected SGDA), with the norms summed above.
    for (let l = 0; l < d; l++) scaleColumn(X, l * ld, kNew, 1 / Math.sqrt(sDiag[l]!));
    scaleColumn(X, wc, kNew, 1 / Math.sqrt(zNew));
  }
  if (kNew > full) {
    // Rotate the rows ⟂ U so that (V, w) need d + 1 of them again; row 2d + 1 becomes 0.
    triangulariseRows(X, ld, d, kNew - d, d + 1);
    st.k = full;
  }
}

/** The Gram chain of the GAN's SGD (see the file comment); exact in law to 'literal' and 'fast'. */
export class GanGramSimulator implements Simulator {
  readonly names: string[];
  readonly stepsPerTime: number;
  steps = 0;
  readonly state: GramState;
  private readonly layout: GanLayout;
  private readonly rng: Rng;
  private readonly constants: GramConstants;
  private readonly sqLam: Float64Array;
  private readonly sqLamT: Float64Array;
  private readonly noise: GramNoise;
  private readonly draws: Float64Array;
  /** For each frame dimension k, the views of `draws` that hold a_i and ã_i (i < k). */
  private readonly aViews: Float64Array[] = [];
  private readonly atViews: Float64Array[] = [];
  private readonly scratch: GramScratch;
  /** ‖g⊥‖² ~ χ²_{n−k}, drawn only when a step needs it. */
  private readonly outsideNorm2: (dof: number) => number;

  constructor(p: GanParams, stream = 0) {
    const { n, d } = p;
    this.rng = new Rng(p.seed, stream);
    this.layout = ganLayout(d, p.lambda === Number.POSITIVE_INFINITY);
    this.names = this.layout.names;
    this.stepsPerTime = n;
    this.constants = {
      n,
      tau: p.tau,
      tauTilde: p.tauTilde,
      etaT: p.etaT,
      etaG: p.etaG,
      lambda: p.lambda,
    };
    this.sqLam = Float64Array.from(p.Lambda.slice(0, d), Math.sqrt);
    this.sqLamT = Float64Array.from(p.LambdaTilde.slice(0, d), Math.sqrt);
    this.state = initialGramState(p);
    const ld = 2 * d + 2;
    this.noise = {
      c: new Float64Array(d),
      ct: new Float64Array(d),
      ctp: new Float64Array(d),
      gp: 0,
      aE: new Float64Array(ld),
      atE: new Float64Array(ld),
    };
    // The latents, then room for a_i and ã_i of the largest frame (k ≤ 2d + 1).
    this.draws = new Float64Array(3 * d + 1 + 2 * ld);
    for (let k = 0; k <= 2 * d + 1; k++) {
      this.aViews.push(this.draws.subarray(3 * d + 1, 3 * d + 1 + k));
      this.atViews.push(this.draws.subarray(3 * d + 1 + k, 3 * d + 1 + 2 * k));
    }
    this.scratch = gramScratch(d);
    const rng = this.rng;
    const chi = new ChiSquareSampler(rng);
    this.outsideNorm2 = (dof) => chi.next(dof);
  }

  step(count: number): void {
    const { rng, noise, draws, sqLam, sqLamT } = this;
    const st = this.state;
    const d = st.d;
    const { c, ct, ctp } = noise;
    const latents = 3 * d + 1;
    for (let s = 0; s < count; s++) {
      const k = st.k;
      // The normals in one sequence and one fill (a fill per block cost a third of the step):
      // the latents in the literal's order (c_l, c̃_l, c̃′_l per feature, then g′), then a_i and
      // ã_i, which the noise reads through views of the same buffer.
      fillNormals(rng, draws, 0, latents + 2 * k);
      noise.aE = this.aViews[k]!;
      noise.atE = this.atViews[k]!;
      for (let l = 0; l < d; l++) {
        c[l] = sqLam[l]! * draws[3 * l]!;
        ct[l] = sqLamT[l]! * draws[3 * l + 1]!;
        ctp[l] = sqLamT[l]! * draws[3 * l + 2]!;
      }
      noise.gp = draws[3 * d]!;
      gramStep(st, this.constants, noise, this.outsideNorm2, this.scratch);
    }
    this.steps += count;
  }

  observe(out: Float64Array): void {
    const { d, k, X } = this.state;
    const ld = 2 * d + 2;
    const wc = d * ld;
    const L = this.layout;
    const dotCols = (a: number, b: number) => {
      let s = 0;
      for (let i = 0; i < k; i++) s += X[a * ld + i]! * X[b * ld + i]!;
      return s;
    };
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) out[L.P + i * d + j] = X[j * ld + i]!; // P_ij = U_iᵀV_j
      out[L.q + i] = X[wc + i]!;
      out[L.r + i] = dotCols(i, d);
    }
    for (let j = 0; j < d; j++) {
      for (let m = j; m < d; m++) {
        const idx = L.sIndex(j, m);
        if (idx >= 0) out[idx] = dotCols(j, m);
      }
    }
    if (L.z >= 0) out[L.z] = dotCols(d, d);
  }
}

/** Multiply entries [offset, offset + rows) of X by s. */
function scaleColumn(X: Float64Array, offset: number, rows: number, s: number): void {
  for (let i = offset, end = offset + rows; i < end; i++) X[i] = X[i]! * s;
}
