/**
 * The literal SGD of sgd.ts as a chain on the Gram matrix of (W*, W, V) plus D: exact in law at
 * every finite N, O((M* + 2M)³) per step whatever N (variant 'gram', the default).
 *
 * Why it is exact (derivation in docs/models/vae.md, "The Gram chain"). Scale the vectors by
 * 1/√N (ŵ = w/√N, so m = ŴᵀŴ*, Q = ŴᵀŴ, …) and take an orthonormal frame e₁…e_r of a subspace
 * that contains span(W*, W, V). A fresh noise vector n ~ N(0, I_N) splits into ξ_i = e_i·n,
 * i.i.d. N(0, 1), and n⊥ orthogonal to the frame, independent of ξ, with ‖n⊥‖² ~ χ²_{N−r} and a
 * direction u = n⊥/‖n⊥‖ that nothing but the new frame direction ever sees. The updates (25)–(27)
 * move W and V only along x = √ρ Ŵ*c + √η n and along themselves, and read x only through
 * y = V̂ᵀx and y_W = Ŵᵀx, which live in the frame. So, in the frame (e₁…e_r, u), one step is
 *   x = (√ρ Ŵ*c + √η ξ, √η‖n⊥‖),
 *   Ŵ += (τ_W/N)[x yᵀ − Ŵ y yᵀ − Ŵ(D + λ)],   V̂ −= (τ_V/N)[x (Qy + βy − y_W)ᵀ + λV̂],
 *   D_m −= (τ_D/2N)(Q_mm + β − β/D_m),
 * and a Householder rotation of the r + 1 coordinates brings the M* + 2M vectors back into at
 * most M* + 2M directions. The coordinates' law given the past depends on the past only through
 * the coordinates (n is rotation invariant), so this is the literal chain seen in a moving frame.
 *
 * The start is the literal sampler's own (initialVaeState with the same stream), so both variants
 * of a stream start from the same statistics and the ODE's start (run 0's measured state) is this
 * chain's too; its coordinates come from Gram–Schmidt, and a rank-deficient start (W = W*
 * exactly, say) gets a frame of its true dimension, which grows one direction per step.
 */
import { frameCoordinates, gramOf, triangularize } from '../../core/frame';
import { chiSquare } from '../../core/gamma';
import type { Simulator } from '../../core/model';
import { fillNormals } from '../../core/normal';
import { Rng } from '../../core/rng';
import { type VaeLayout, vaeLayout } from './layout';
import { betaAt, type VaeParams } from './params';
import { initialVaeState, type VaeMicroState, writeFoldedVae } from './sgd';

/** Columns of W*, W and V (in that order) as N-vectors scaled by 1/√N. */
function scaledColumns(s: VaeMicroState): Float64Array[] {
  const { N, M, K } = s;
  const sc = 1 / Math.sqrt(N);
  const column = (A: Float64Array, width: number, j: number) => {
    const out = new Float64Array(N);
    for (let i = 0; i < N; i++) out[i] = A[i * width + j]! * sc;
    return out;
  };
  return [
    ...Array.from({ length: K }, (_, j) => column(s.Wstar, K, j)),
    ...Array.from({ length: M }, (_, j) => column(s.W, M, j)),
    ...Array.from({ length: M }, (_, j) => column(s.V, M, j)),
  ];
}

export class VaeGramSimulator implements Simulator {
  readonly names: string[];
  readonly stepsPerTime: number;
  steps = 0;
  private frameDims: number;
  private readonly layout: VaeLayout;
  private readonly rng: Rng;
  private readonly cols: number;
  /** Coordinates (frameDims rows, room for one more) of Ŵ* (columns 0…M*−1), Ŵ, V̂. */
  private readonly C: Float64Array;
  private readonly D: Float64Array;
  /** The step's normals: c (M*), then ξ (one per frame direction). */
  private readonly z: Float64Array;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly yw: Float64Array;
  private readonly Q: Float64Array;
  private readonly gV: Float64Array;
  private readonly gram: Float64Array;

  constructor(
    private readonly p: VaeParams,
    stream = 0,
  ) {
    this.rng = new Rng(p.seed, stream);
    this.layout = vaeLayout(p.M, p.Mstar);
    this.names = this.layout.names;
    this.stepsPerTime = p.n;
    const start = initialVaeState(p, this.rng);
    const frame = frameCoordinates(scaledColumns(start));
    this.cols = frame.cols;
    this.frameDims = frame.rank;
    this.C = frame.coords;
    this.D = Float64Array.from(start.D);
    this.z = new Float64Array(p.Mstar + this.cols);
    this.x = new Float64Array(this.cols + 1);
    this.y = new Float64Array(p.M);
    this.yw = new Float64Array(p.M);
    this.Q = new Float64Array(p.M * p.M);
    this.gV = new Float64Array(p.M);
    this.gram = new Float64Array(this.cols * this.cols);
  }

  /** Frame directions in use (≤ M* + 2M; fewer after a rank-deficient start). */
  get rank(): number {
    return this.frameDims;
  }

  step(count: number): void {
    const { M, Mstar: K, n: N, rho, eta, lambda, tauW, tauV, tauD } = this.p;
    const { C, D, z, x, y, yw, Q, gV, rng, cols } = this;
    const sr = Math.sqrt(rho);
    const se = Math.sqrt(eta);
    const kw = tauW / N;
    const kv = tauV / N;
    const kd = tauD / (2 * N);
    const W0 = K; // first column of Ŵ
    const V0 = K + M; // first column of V̂
    for (let it = 0; it < count; it++) {
      const beta = betaAt(this.p, this.steps / N);
      const r = this.frameDims;
      // z = (c, ξ): the latent sample and the noise's frame components.
      fillNormals(rng, z, 0, K + r);
      // x in the frame: signal √ρ Ŵ*c plus the noise's frame components √η ξ_i …
      for (let i = 0; i < r; i++) {
        const o = i * cols;
        let xi = se * z[K + i]!;
        for (let s = 0; s < K; s++) xi += sr * C[o + s]! * z[s]!;
        x[i] = xi;
      }
      // … and, along the new direction u, the norm of the noise outside the frame.
      const grow = r < N;
      x[r] = grow ? se * Math.sqrt(chiSquare(rng, N - r)) : 0;
      for (let a = 0; a < M; a++) {
        let ya = 0;
        let ywa = 0;
        for (let i = 0; i < r; i++) {
          ya += C[i * cols + V0 + a]! * x[i]!;
          ywa += C[i * cols + W0 + a]! * x[i]!;
        }
        y[a] = ya;
        yw[a] = ywa;
        for (let b = a; b < M; b++) {
          let q = 0;
          for (let i = 0; i < r; i++) q += C[i * cols + W0 + a]! * C[i * cols + W0 + b]!;
          Q[a * M + b] = q;
          Q[b * M + a] = q;
        }
      }
      for (let a = 0; a < M; a++) {
        let qy = 0;
        for (let b = 0; b < M; b++) qy += Q[a * M + b]! * y[b]!;
        gV[a] = qy + beta * y[a]! - yw[a]!;
      }
      const rows = grow ? r + 1 : r;
      if (grow) for (let j = 0; j < cols; j++) C[r * cols + j] = 0;
      // (25)–(26) row by row of the frame (the new row has Ŵ = V̂ = 0 before the step).
      for (let i = 0; i < rows; i++) {
        const o = i * cols;
        const xi = x[i]!;
        let wy = 0;
        for (let b = 0; b < M; b++) wy += C[o + W0 + b]! * y[b]!;
        const e = xi - wy;
        for (let a = 0; a < M; a++) {
          const w = C[o + W0 + a]!;
          const v = C[o + V0 + a]!;
          C[o + W0 + a] = w + kw * (e * y[a]! - (D[a]! + lambda) * w);
          C[o + V0 + a] = v - kv * (xi * gV[a]! + lambda * v);
        }
      }
      for (let a = 0; a < M; a++) D[a] = D[a]! - kd * (Q[a * M + a]! + beta - beta / D[a]!);
      // Ŵ*'s columns are triangular in the first M* rows and never move: rotate from Ŵ on.
      this.frameDims = rows > cols ? triangularize(C, rows, cols, K) : rows;
      this.steps++;
    }
  }

  observe(out: Float64Array): void {
    const { M, Mstar: K } = this.p;
    const { cols, gram } = this;
    gramOf(this.C, this.frameDims, cols, gram);
    const m = new Float64Array(M * K);
    const d = new Float64Array(M * K);
    const Q = new Float64Array(M * M);
    const E = new Float64Array(M * M);
    const R = new Float64Array(M * M);
    for (let a = 0; a < M; a++) {
      for (let s = 0; s < K; s++) {
        m[a * K + s] = gram[(K + a) * cols + s]!;
        d[a * K + s] = gram[(K + M + a) * cols + s]!;
      }
      for (let b = 0; b < M; b++) {
        Q[a * M + b] = gram[(K + a) * cols + K + b]!;
        E[a * M + b] = gram[(K + M + a) * cols + K + M + b]!;
        R[a * M + b] = gram[(K + a) * cols + K + M + b]!;
      }
    }
    writeFoldedVae(this.layout, m, d, Q, E, R, this.D, out);
  }
}
