/**
 * Finite-N SGD of the linear β-VAE, literally: the per-sample loss of docs/models/vae.md (the Gaussian
 * expectation done analytically),
 *   l = ½‖x − WVᵀx/N‖² + ½Σ_m D_m Q_mm + (β/2)(Σ_m D_m + ‖Vᵀx‖²/N − M − Σ_m log D_m),
 * plus (λ/2N)(‖W‖² + ‖V‖²), with updates (9)–(11). With y = Vᵀx/√N and y_W = Wᵀx/√N:
 *   W += (τ_W/N)[√N x yᵀ − W y yᵀ − W(D + λ)]                 (25)
 *   V −= (τ_V/N)[√N x (Qy + βy − y_W)ᵀ + λV]                  (26, √(ηN) n for the printed √η N n)
 *   D_m −= (τ_D/2N)(Q_mm + β − β/D_m)                          (27)
 * Data x = √(ρ/N) W*c + √η n with W*ᵀW* = N·I. Time t = steps/N.
 */
import type { Simulator } from '../../core/model';
import { fillNormals, normal, orthogonalColumns } from '../../core/normal';
import { Rng } from '../../core/rng';
import { type VaeLayout, vaeLayout } from './layout';
import { betaAt, type VaeParams } from './params';

export interface VaeMicroState {
  N: number;
  M: number;
  K: number;
  /** N×K row-major, columns of norm √N. */
  Wstar: Float64Array;
  /** N×M row-major. */
  W: Float64Array;
  V: Float64Array;
  D: Float64Array;
}

/**
 * W*, W0, V0, D0. Informed: W_m = m0·W*_m + √(1 − m0²)·ξ_m, V_m = m0·W*_m + √(1 − m0²)·ζ_m with
 * ξ, ζ orthogonal to W* and to each other, so the ODE's initial state is exact. Random:
 * independent Gaussian columns of norm √(Q0·N) (W) and √(E0·N) (V), overlaps of order 1/√N.
 */
export function initialVaeState(p: VaeParams, rng: Rng): VaeMicroState {
  const { n: N, M, Mstar: K } = p;
  const basis = orthogonalColumns(rng, N, K + 2 * M);
  const Wstar = new Float64Array(N * K);
  const W = new Float64Array(N * M);
  const V = new Float64Array(N * M);
  for (let s = 0; s < K; s++) for (let i = 0; i < N; i++) Wstar[i * K + s] = basis[s]![i]!;
  // A random column of squared norm `sq`·N (Q0 for W, E0 for V; both 1 by default).
  const random = (col: Float64Array, sq: number) => {
    fillNormals(rng, col);
    let norm = 0;
    for (let i = 0; i < N; i++) norm += col[i]! * col[i]!;
    const sc = Math.sqrt((sq * N) / norm);
    for (let i = 0; i < N; i++) col[i] = col[i]! * sc;
  };
  for (let m = 0; m < M; m++) {
    const along = m < K && p.informed ? p.m0 : 0;
    const rest = Math.sqrt(Math.max(0, 1 - along * along));
    const xi = p.informed ? basis[K + m]! : new Float64Array(N);
    const zeta = p.informed ? basis[K + M + m]! : new Float64Array(N);
    if (!p.informed) {
      random(xi, p.Q0);
      random(zeta, p.E0);
    }
    for (let i = 0; i < N; i++) {
      const ws = m < K ? basis[m]![i]! : 0;
      W[i * M + m] = along * ws + (p.informed ? rest : 1) * xi[i]!;
      V[i * M + m] = along * ws + (p.informed ? rest : 1) * zeta[i]!;
    }
  }
  return { N, M, K, Wstar, W, V, D: new Float64Array(M).fill(p.D0) };
}

/** The order parameters of a microscopic state, in the layout's order. */
export function observeVae(s: VaeMicroState, L: VaeLayout, out: Float64Array): void {
  const { N, M, K, Wstar, W, V, D } = s;
  const m = new Float64Array(M * K);
  const d = new Float64Array(M * K);
  const Q = new Float64Array(M * M);
  const E = new Float64Array(M * M);
  const R = new Float64Array(M * M);
  for (let i = 0; i < N; i++) {
    for (let a = 0; a < M; a++) {
      const w = W[i * M + a]!;
      const v = V[i * M + a]!;
      for (let s2 = 0; s2 < K; s2++) {
        m[a * K + s2] = m[a * K + s2]! + w * Wstar[i * K + s2]!;
        d[a * K + s2] = d[a * K + s2]! + v * Wstar[i * K + s2]!;
      }
      for (let b = 0; b < M; b++) {
        Q[a * M + b] = Q[a * M + b]! + w * W[i * M + b]!;
        E[a * M + b] = E[a * M + b]! + v * V[i * M + b]!;
        R[a * M + b] = R[a * M + b]! + w * V[i * M + b]!;
      }
    }
  }
  for (let k = 0; k < M * K; k++) {
    m[k] = m[k]! / N;
    d[k] = d[k]! / N;
  }
  for (let k = 0; k < M * M; k++) {
    Q[k] = Q[k]! / N;
    E[k] = E[k]! / N;
    R[k] = R[k]! / N;
  }
  writeFoldedVae(L, m, d, Q, E, R, D, out);
}

/**
 * Write order parameters (m, d: M×M* row-major; Q, E, R: M×M; already divided by N) into `out`
 * in the layout's order, each latent folded onto the branch where its largest overlap with a true
 * feature is positive. Q, E and R are modified in place.
 */
export function writeFoldedVae(
  L: VaeLayout,
  m: Float64Array,
  d: Float64Array,
  Q: Float64Array,
  E: Float64Array,
  R: Float64Array,
  D: Float64Array,
  out: Float64Array,
): void {
  const { M, K } = L;
  // The loss is invariant under (w_a, v_a) → −(w_a, v_a): fold each latent onto the branch where
  // its largest overlap with a true feature is positive, so that runs from random starts (whose
  // signs are set by noise) can be averaged. The ODE is equivariant under the flip. Diagonal
  // entries of Q, E, R are unchanged; an off-diagonal entry (a ≠ b) changes sign when exactly one
  // of the two latents flips.
  const flip = new Float64Array(M).fill(1);
  for (let a = 0; a < M; a++) {
    let best = 0;
    for (let s2 = 0; s2 < K; s2++)
      if (Math.abs(m[a * K + s2]!) > Math.abs(best)) best = m[a * K + s2]!;
    if (best < 0) flip[a] = -1;
  }
  for (let a = 0; a < M; a++) {
    for (let s2 = 0; s2 < K; s2++) {
      out[L.m + a * K + s2] = flip[a]! * m[a * K + s2]!;
      out[L.d + a * K + s2] = flip[a]! * d[a * K + s2]!;
    }
    for (let b = 0; b < M; b++) {
      const f = flip[a]! * flip[b]!;
      Q[a * M + b] = Q[a * M + b]! * f;
      E[a * M + b] = E[a * M + b]! * f;
      out[L.R + a * M + b] = R[a * M + b]! * f;
    }
  }
  L.writeSym(out, L.Q, Q);
  L.writeSym(out, L.E, E);
  out.set(D, L.D);
}

export class VaeSimulator implements Simulator {
  readonly names: string[];
  readonly stepsPerTime: number;
  steps = 0;
  readonly state: VaeMicroState;
  private readonly layout: VaeLayout;
  private readonly rng: Rng;
  private readonly x: Float64Array;
  private readonly noise: Float64Array;
  private readonly c: Float64Array;
  private readonly y: Float64Array;
  private readonly yw: Float64Array;
  private readonly Q: Float64Array;
  private readonly gV: Float64Array;

  constructor(
    private readonly p: VaeParams,
    stream = 0,
  ) {
    this.rng = new Rng(p.seed, stream);
    this.layout = vaeLayout(p.M, p.Mstar);
    this.names = this.layout.names;
    this.stepsPerTime = p.n;
    this.state = initialVaeState(p, this.rng);
    this.x = new Float64Array(p.n);
    this.noise = new Float64Array(p.n);
    this.c = new Float64Array(p.Mstar);
    this.y = new Float64Array(p.M);
    this.yw = new Float64Array(p.M);
    this.Q = new Float64Array(p.M * p.M);
    this.gV = new Float64Array(p.M);
  }

  step(count: number): void {
    const { N, M, K, Wstar, W, V, D } = this.state;
    const { rho, eta, lambda, tauW, tauV, tauD } = this.p;
    const { x, noise, c, y, yw, Q, gV } = this;
    const sr = Math.sqrt(rho / N);
    const se = Math.sqrt(eta);
    const sqN = Math.sqrt(N);
    for (let s = 0; s < count; s++) {
      const beta = betaAt(this.p, this.steps / N);
      for (let k = 0; k < K; k++) c[k] = normal(this.rng);
      fillNormals(this.rng, noise);
      y.fill(0);
      yw.fill(0);
      Q.fill(0);
      for (let i = 0; i < N; i++) {
        let xi = se * noise[i]!;
        for (let k = 0; k < K; k++) xi += sr * Wstar[i * K + k]! * c[k]!;
        x[i] = xi;
        for (let a = 0; a < M; a++) {
          const w = W[i * M + a]!;
          y[a] = y[a]! + V[i * M + a]! * xi;
          yw[a] = yw[a]! + w * xi;
          for (let b = 0; b < M; b++) Q[a * M + b] = Q[a * M + b]! + w * W[i * M + b]!;
        }
      }
      for (let a = 0; a < M; a++) {
        y[a] = y[a]! / sqN;
        yw[a] = yw[a]! / sqN;
      }
      for (let k = 0; k < M * M; k++) Q[k] = Q[k]! / N;
      // V's gradient coefficient per column: (Qy + βy − y_W)_m
      for (let a = 0; a < M; a++) {
        let qy = 0;
        for (let b = 0; b < M; b++) qy += Q[a * M + b]! * y[b]!;
        gV[a] = qy + beta * y[a]! - yw[a]!;
      }
      const kw = tauW / N;
      const kv = tauV / N;
      for (let i = 0; i < N; i++) {
        const xs = sqN * x[i]!;
        let wy = 0;
        for (let b = 0; b < M; b++) wy += W[i * M + b]! * y[b]!;
        for (let a = 0; a < M; a++) {
          const w = W[i * M + a]!;
          W[i * M + a] = w + kw * (xs * y[a]! - wy * y[a]! - (D[a]! + lambda) * w);
          V[i * M + a] = V[i * M + a]! - kv * (xs * gV[a]! + lambda * V[i * M + a]!);
        }
      }
      for (let a = 0; a < M; a++) {
        D[a] = D[a]! - (tauD / (2 * N)) * (Q[a * M + a]! + beta - beta / D[a]!);
      }
      this.steps++;
    }
  }

  observe(out: Float64Array): void {
    observeVae(this.state, this.layout, out);
  }
}
