/**
 * The simulator's hot path for d = 1 and d = 2: the 'fast' step of sgd.ts fused into ONE pass
 * over the coordinates. The pass updates w and V and, at the same time, accumulates the
 * overlaps the next step needs (z, q, r, diag S, and g·w for the next step's noise vector,
 * which is drawn before the pass). For λ = ∞ the normalisation of w is deferred: w is stored
 * unnormalised with a scale factor, so no second pass is needed.
 *
 * Same mathematics as fastStep (sgd.ts), which stays the readable reference; fused.test.ts
 * checks that both give the same trajectory from the same noise.
 */
import type { FastNoise, GanMicroState, StepConstants } from './steps';

/** Overlaps of the stored (unscaled) w with itself, U, V and the pending noise vector g. */
export interface FusedStats {
  /** True w = wScale · stored w. */
  wScale: number;
  z: number;
  q: Float64Array;
  r: Float64Array;
  Sdiag: Float64Array;
  gw: number;
}

/** Compute the stats from scratch (at the start, or to re-anchor rounding). */
export function fusedStats(s: GanMicroState, g: Float64Array, stats: FusedStats): void {
  const { n, d, U, V, w } = s;
  let z = 0;
  let gw = 0;
  for (let i = 0; i < n; i++) {
    z += w[i]! * w[i]!;
    gw += g[i]! * w[i]!;
  }
  for (let l = 0; l < d; l++) {
    let q = 0;
    let r = 0;
    let ss = 0;
    for (let i = 0, j = l; i < n; i++, j += d) {
      q += U[j]! * w[i]!;
      r += V[j]! * w[i]!;
      ss += V[j]! * V[j]!;
    }
    stats.q[l] = q;
    stats.r[l] = r;
    stats.Sdiag[l] = ss;
  }
  stats.z = z;
  stats.gw = gw;
}

/**
 * One step. `noise.g` is this step's vector (its overlap with w is already in stats.gw);
 * `gNext` holds the next step's vector, drawn by the caller, whose overlap with the new w is
 * accumulated here.
 */
export function fusedStep(
  s: GanMicroState,
  k: StepConstants,
  noise: FastNoise,
  gNext: Float64Array,
  st: FusedStats,
): void {
  const { n, d, U, V, w } = s;
  const g = noise.g;
  const projected = k.lambda === Number.POSITIVE_INFINITY;
  const c = st.wScale;
  const z = c * c * st.z;
  const nw = Math.sqrt(z);
  const gw = c * st.gw;
  const sqT = Math.sqrt(k.etaT);
  const sqG = Math.sqrt(k.etaG);
  let alpha = sqT * nw * noise.xi;
  let beta = sqG * nw * noise.xit;
  let fake = sqG * nw * noise.gp;
  for (let l = 0; l < d; l++) {
    alpha += noise.c[l]! * c * st.q[l]!;
    beta += noise.ct[l]! * c * st.r[l]!;
    fake += noise.ctp[l]! * c * st.r[l]!;
  }
  const sigma = Math.sqrt(k.etaT * alpha * alpha + k.etaG * beta * beta);
  const kw = k.tau / n;
  const kv = k.tauTilde / n;
  const decayW = projected ? 0 : k.lambda * Math.tanh(z - 1);
  // New (unnormalised) w from the stored one: a0·c·ws + kg·g + Σ_l cu_l U_l + cv_l V_l.
  const a0c =
    c *
    (1 +
      kw * ((alpha * sqT * noise.xi - beta * sqG * noise.xit - (sigma * gw) / nw) / nw - decayW));
  const kg = kw * sigma;
  const keep = new Float64Array(d);
  const mixc = new Float64Array(d);
  const cu = new Float64Array(d);
  const cv = new Float64Array(d);
  for (let l = 0; l < d; l++) {
    cu[l] = kw * alpha * noise.c[l]!;
    cv[l] = -kw * beta * noise.ct[l]!;
    const gamma = kv * fake * noise.ctp[l]!;
    const r = c * st.r[l]!;
    if (projected) {
      const inv = 1 / Math.sqrt(st.Sdiag[l]! + 2 * gamma * r + gamma * gamma * z);
      keep[l] = inv;
      mixc[l] = gamma * inv * c;
    } else {
      keep[l] = 1 - kv * k.lambda * Math.tanh(st.Sdiag[l]! - 1);
      mixc[l] = gamma * c;
    }
  }
  if (d === 1) {
    const cu0 = cu[0]!;
    const cv0 = cv[0]!;
    const k0 = keep[0]!;
    const m0 = mixc[0]!;
    let zN = 0;
    let gwN = 0;
    let q0 = 0;
    let r0 = 0;
    let s0 = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      const u0 = U[i]!;
      const v0 = V[i]!;
      const acc = a0c * wi + kg * g[i]! + cu0 * u0 + cv0 * v0;
      const nv0 = k0 * v0 + m0 * wi;
      V[i] = nv0;
      w[i] = acc;
      zN += acc * acc;
      gwN += gNext[i]! * acc;
      q0 += u0 * acc;
      r0 += nv0 * acc;
      s0 += nv0 * nv0;
    }
    st.z = zN;
    st.gw = gwN;
    st.q[0] = q0;
    st.r[0] = r0;
    st.Sdiag[0] = s0;
  } else if (d === 2) {
    const cu0 = cu[0]!;
    const cu1 = cu[1]!;
    const cv0 = cv[0]!;
    const cv1 = cv[1]!;
    const k0 = keep[0]!;
    const k1 = keep[1]!;
    const m0 = mixc[0]!;
    const m1 = mixc[1]!;
    let zN = 0;
    let gwN = 0;
    let q0 = 0;
    let q1 = 0;
    let r0 = 0;
    let r1 = 0;
    let s0 = 0;
    let s1 = 0;
    for (let i = 0, j = 0; i < n; i++, j += 2) {
      const wi = w[i]!;
      const u0 = U[j]!;
      const u1 = U[j + 1]!;
      const v0 = V[j]!;
      const v1 = V[j + 1]!;
      const acc = a0c * wi + kg * g[i]! + cu0 * u0 + cu1 * u1 + cv0 * v0 + cv1 * v1;
      const nv0 = k0 * v0 + m0 * wi;
      const nv1 = k1 * v1 + m1 * wi;
      V[j] = nv0;
      V[j + 1] = nv1;
      w[i] = acc;
      zN += acc * acc;
      gwN += gNext[i]! * acc;
      q0 += u0 * acc;
      q1 += u1 * acc;
      r0 += nv0 * acc;
      r1 += nv1 * acc;
      s0 += nv0 * nv0;
      s1 += nv1 * nv1;
    }
    st.z = zN;
    st.gw = gwN;
    st.q[0] = q0;
    st.q[1] = q1;
    st.r[0] = r0;
    st.r[1] = r1;
    st.Sdiag[0] = s0;
    st.Sdiag[1] = s1;
  } else {
    throw new RangeError(`fusedStep handles d ≤ 2; got d = ${d} (use fastStep)`);
  }
  st.wScale = projected ? 1 / Math.sqrt(st.z) : 1;
}
