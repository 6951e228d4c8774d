/**
 * One step of the GAN's O(n) SGD, in its two exact samplers ('literal' and 'fast'; see sgd.ts
 * for the derivation), and the coordinates of a start with given overlaps P₀, q₀.
 */
import { fillNormals } from '../../core/normal';
import type { Rng } from '../../core/rng';
import type { GanParams } from './params';

export type GanVariant = 'fast' | 'literal';

/** The microscopic state [U, V, w] and the constants of its update. */
export interface GanMicroState {
  n: number;
  d: number;
  U: Float64Array;
  V: Float64Array;
  w: Float64Array;
}

/** The scalar noise of one step: latent codes c, c̃ (fake for w), c̃′ (fake for V), and g′. */
export interface StepLatents {
  c: Float64Array;
  ct: Float64Array;
  ctp: Float64Array;
  gp: number;
}

/** Noise of the 'fast' sampler: ξ = a·ŵ, ξ̃ = ã·ŵ and one n-vector g. */
export interface FastNoise extends StepLatents {
  xi: number;
  xit: number;
  g: Float64Array;
}

/** Noise of the 'literal' sampler: the full noise vectors a, ã. */
export interface LiteralNoise extends StepLatents {
  a: Float64Array;
  at: Float64Array;
}

/** Overlaps needed by a step: q = Uᵀw, r = Vᵀw, diag(S), z; computed in one pass. */
/** The overlaps a step needs, in preallocated buffers. */
export interface Overlaps {
  q: Float64Array;
  r: Float64Array;
  Sdiag: Float64Array;
  z: number;
}

function overlaps(s: GanMicroState, out: Overlaps): void {
  const { n, d, U, V, w } = s;
  out.q.fill(0);
  out.r.fill(0);
  out.Sdiag.fill(0);
  let z = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    z += wi * wi;
    const o = i * d;
    for (let l = 0; l < d; l++) {
      const v = V[o + l]!;
      out.q[l] = out.q[l]! + U[o + l]! * wi;
      out.r[l] = out.r[l]! + v * wi;
      out.Sdiag[l] = out.Sdiag[l]! + v * v;
    }
  }
  out.z = z;
}

/** Constants of the update that do not change from step to step. */
export interface StepConstants {
  tau: number;
  tauTilde: number;
  etaT: number;
  etaG: number;
  lambda: number;
}

/** One 'literal' SGD step, in place, with explicit noise (used by the simulator and the tests). */
export function literalStep(
  s: GanMicroState,
  k: StepConstants,
  noise: LiteralNoise,
  o: Overlaps,
): void {
  const { n, d, U, V, w } = s;
  const projected = k.lambda === Number.POSITIVE_INFINITY;
  overlaps(s, o);
  const sqT = Math.sqrt(k.etaT);
  const sqG = Math.sqrt(k.etaG);
  let yw = 0;
  let ytw = 0;
  for (let i = 0; i < n; i++) {
    let y = sqT * noise.a[i]!;
    let yt = sqG * noise.at[i]!;
    for (let l = 0; l < d; l++) {
      y += U[i * d + l]! * noise.c[l]!;
      yt += V[i * d + l]! * noise.ct[l]!;
    }
    yw += y * w[i]!;
    ytw += yt * w[i]!;
  }
  let fake = sqG * Math.sqrt(o.z) * noise.gp; // ỹ′·w drawn as a scalar
  for (let l = 0; l < d; l++) fake += noise.ctp[l]! * o.r[l]!;
  const kw = k.tau / n;
  const kv = k.tauTilde / n;
  const decayW = projected ? 0 : k.lambda * Math.tanh(o.z - 1);
  let ww = 0;
  const colNorm = new Float64Array(d);
  // λ tanh(S_ll − 1) per column, once per step (not per coordinate).
  const decayV = Float64Array.from(o.Sdiag, (s) => (projected ? 0 : k.lambda * Math.tanh(s - 1)));
  for (let i = 0; i < n; i++) {
    let y = sqT * noise.a[i]!;
    let yt = sqG * noise.at[i]!;
    for (let l = 0; l < d; l++) {
      y += U[i * d + l]! * noise.c[l]!;
      yt += V[i * d + l]! * noise.ct[l]!;
    }
    const wi = w[i]!;
    const wNew = wi + kw * (y * yw - yt * ytw - decayW * wi);
    for (let l = 0; l < d; l++) {
      const v = V[i * d + l]! + kv * (fake * noise.ctp[l]! * wi - decayV[l]! * V[i * d + l]!);
      V[i * d + l] = v;
      colNorm[l] = colNorm[l]! + v * v;
    }
    w[i] = wNew;
    ww += wNew * wNew;
  }
  if (projected) normalise(s, ww, colNorm);
}

function normalise(s: GanMicroState, ww: number, colNorm: Float64Array): void {
  const { n, d, V, w } = s;
  const sw = 1 / Math.sqrt(ww);
  for (let i = 0; i < n; i++) w[i] = w[i]! * sw;
  for (let l = 0; l < d; l++) colNorm[l] = 1 / Math.sqrt(colNorm[l]!);
  for (let i = 0; i < n; i++)
    for (let l = 0; l < d; l++) V[i * d + l] = V[i * d + l]! * colNorm[l]!;
}

/**
 * One 'fast' SGD step, in place. Passes over the coordinates keep scalar accumulators (one
 * feature column at a time), which V8 compiles to tight loops. For λ = ∞ the new column norms
 * of V are exact in closed form, ‖V_l + γ_l w‖² = S_ll + 2γ_l r_l + γ_l² z, and ‖w‖ is restored
 * at the end.
 */
export function fastStep(
  s: GanMicroState,
  k: StepConstants,
  noise: FastNoise,
  o: Overlaps,
  coef: Float64Array,
  scratch: Float64Array,
): void {
  const { n, d, U, V, w } = s;
  const g = noise.g;
  const projected = k.lambda === Number.POSITIVE_INFINITY;
  // Pass 1: z = w·w and g·w, then q_l, r_l, S_ll column by column.
  let z = 0;
  let gw = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    z += wi * wi;
    gw += g[i]! * wi;
  }
  for (let l = 0; l < d; l++) {
    let q = 0;
    let r = 0;
    let ss = 0;
    for (let i = 0, j = l; i < n; i++, j += d) {
      const wi = w[i]!;
      const v = V[j]!;
      q += U[j]! * wi;
      r += v * wi;
      ss += v * v;
    }
    o.q[l] = q;
    o.r[l] = r;
    o.Sdiag[l] = ss;
  }
  const nw = Math.sqrt(z);
  const sqT = Math.sqrt(k.etaT);
  const sqG = Math.sqrt(k.etaG);
  let alpha = sqT * nw * noise.xi; // y·w
  let beta = sqG * nw * noise.xit; // ỹ·w
  let fake = sqG * nw * noise.gp; // ỹ′·w
  for (let l = 0; l < d; l++) {
    alpha += noise.c[l]! * o.q[l]!;
    beta += noise.ct[l]! * o.r[l]!;
    fake += noise.ctp[l]! * o.r[l]!;
  }
  const sigma = Math.sqrt(k.etaT * alpha * alpha + k.etaG * beta * beta);
  const kw = k.tau / n;
  const kv = k.tauTilde / n;
  const decayW = projected ? 0 : k.lambda * Math.tanh(z - 1);
  // w_new = a0·w + kw σ g + Σ_l (kw α c_l U_l − kw β c̃_l V_l)
  const a0 =
    1 + kw * ((alpha * sqT * noise.xi - beta * sqG * noise.xit - (sigma * gw) / nw) / nw - decayW);
  const kg = kw * sigma;
  const next = scratch;
  for (let i = 0; i < n; i++) next[i] = a0 * w[i]! + kg * g[i]!;
  for (let l = 0; l < d; l++) {
    const cu = kw * alpha * noise.c[l]!;
    const cv = -kw * beta * noise.ct[l]!;
    const gamma = kv * fake * noise.ctp[l]!;
    let keep: number;
    let mix: number;
    if (projected) {
      const inv = 1 / Math.sqrt(o.Sdiag[l]! + 2 * gamma * o.r[l]! + gamma * gamma * z);
      keep = inv;
      mix = gamma * inv;
    } else {
      keep = 1 - kv * k.lambda * Math.tanh(o.Sdiag[l]! - 1);
      mix = gamma;
    }
    coef[l] = keep;
    // w uses the old V; V uses the old w.
    for (let i = 0, j = l; i < n; i++, j += d) {
      const v = V[j]!;
      next[i] = next[i]! + cu * U[j]! + cv * v;
      V[j] = keep * v + mix * w[i]!;
    }
  }
  if (projected) {
    let ww = 0;
    for (let i = 0; i < n; i++) ww += next[i]! * next[i]!;
    const sw = 1 / Math.sqrt(ww);
    for (let i = 0; i < n; i++) w[i] = next[i]! * sw;
  } else {
    w.set(next.subarray(0, n));
  }
}

/** Build U, V0, w0 with the overlaps P0, q0 (see ganInitialState for the matching ODE start). */
export function initialMicroState(p: GanParams, rng: Rng): GanMicroState {
  const { n, d } = p;
  // 2d + 1 orthonormal vectors: U's columns, then ξ_1..ξ_d (V's parts ⟂ U), then ζ (w's part).
  const basis: Float64Array[] = [];
  for (let b = 0; b < 2 * d + 1; b++) {
    const v = new Float64Array(n);
    if (b === 0 && p.constantU) v.fill(1 / Math.sqrt(n));
    else fillNormals(rng, v);
    for (const e of basis) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += v[i]! * e[i]!;
      for (let i = 0; i < n; i++) v[i] = v[i]! - dot * e[i]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += v[i]! * v[i]!;
    norm = 1 / Math.sqrt(norm);
    for (let i = 0; i < n; i++) v[i] = v[i]! * norm;
    basis.push(v);
  }
  const U = new Float64Array(n * d);
  const V = new Float64Array(n * d);
  const w = new Float64Array(n);
  for (let l = 0; l < d; l++) {
    const u = basis[l]!;
    for (let i = 0; i < n; i++) U[i * d + l] = u[i]!;
  }
  for (let j = 0; j < d; j++) {
    let norm2 = 0;
    for (let i = 0; i < d; i++) norm2 += p.P0[i * d + j]! ** 2;
    const rest = Math.sqrt(Math.max(0, 1 - norm2));
    const xi = basis[d + j]!;
    for (let k = 0; k < n; k++) {
      let v = rest * xi[k]!;
      for (let i = 0; i < d; i++) v += p.P0[i * d + j]! * basis[i]![k]!;
      V[k * d + j] = v;
    }
  }
  const qn2 = p.q0.reduce((s, x) => s + x * x, 0);
  const rest = Math.sqrt(Math.max(0, 1 - qn2));
  const zeta = basis[2 * d]!;
  for (let k = 0; k < n; k++) {
    let v = rest * zeta[k]!;
    for (let i = 0; i < d; i++) v += p.q0[i]! * basis[i]![k]!;
    w[k] = v;
  }
  return { n, d, U, V, w };
}
