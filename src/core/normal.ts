/**
 * Fast standard normal variates: a 256-layer ziggurat (Marsaglia & Tsang 2000), using the
 * bit split recommended by Doornik (2005) so that the layer index and the abscissa come from
 * disjoint bits of one 32-bit word:
 *   bits 0–7  → layer i,   bit 8 → sign,   bits 9–31 → 23-bit uniform u ∈ [0, 1).
 * About 99% of draws take the fast path (one PRNG word, one multiply, one compare).
 *
 * `fillNormals` inlines the xoshiro128** step so that a bulk fill never calls a method per
 * variate; this is the hot path of every SGD simulator.
 */
import { Rng } from './rng';

const LAYERS = 256;
/** Right edge of the base layer and the common layer area for 256 layers (Marsaglia–Tsang). */
const R = 3.6541528853610088;
const V = 0.00492867323399;

/** X[i] are the layer edges (X[1] = R, X[256] = 0); X[0] is the base strip's pseudo-width V/f(R). */
const X = new Float64Array(LAYERS + 1);
/** RATIO[i] = X[i+1]/X[i]: below it a draw in layer i is inside the density for sure. */
const RATIO = new Float64Array(LAYERS);
/** SCALE[i] = X[i] · 2^-23, so z = u23 · SCALE[i] with u23 the 23-bit integer. */
const SCALE = new Float64Array(LAYERS);
/** THRESH[i] = RATIO[i] · 2^23: the fast-path test on the raw 23-bit integer. */
const THRESH = new Float64Array(LAYERS);

function density(x: number): number {
  return Math.exp(-0.5 * x * x);
}

(function buildTables() {
  X[0] = V / density(R);
  X[1] = R;
  for (let i = 2; i < LAYERS; i++) {
    const prev = X[i - 1]!;
    X[i] = Math.sqrt(-2 * Math.log(V / prev + density(prev)));
  }
  X[LAYERS] = 0;
  for (let i = 0; i < LAYERS; i++) {
    RATIO[i] = X[i + 1]! / X[i]!;
    SCALE[i] = X[i]! / 8388608;
    THRESH[i] = RATIO[i]! * 8388608;
  }
})();

/** The slow path: the tail beyond R (layer 0) or the wedge test (other layers). */
function slowPath(rng: Rng, layer: number, z: number): number {
  if (layer === 0) {
    // Marsaglia's tail method: exact for |x| > R.
    for (;;) {
      const a = -Math.log(rng.nextOpenFloat()) / R;
      const b = -Math.log(rng.nextOpenFloat());
      if (b + b >= a * a) return R + a;
    }
  }
  const f0 = Math.exp(-0.5 * (X[layer]! * X[layer]! - z * z));
  const f1 = Math.exp(-0.5 * (X[layer + 1]! * X[layer + 1]! - z * z));
  if (f1 + rng.nextFloat() * (f0 - f1) < 1) return z;
  return Number.NaN; // rejected: the caller draws again
}

/** One standard normal variate. */
export function normal(rng: Rng): number {
  for (;;) {
    const w = rng.nextU32();
    const layer = w & 255;
    const u = w >>> 9;
    const z = u * SCALE[layer]!;
    const sign = w & 256 ? -1 : 1;
    if (u < THRESH[layer]!) return sign * z;
    const x = slowPath(rng, layer, z);
    if (x === x) return sign * x;
  }
}

/**
 * Fill `out[start..end)` with independent standard normals from `rng`.
 * The PRNG state lives in local int32 variables for the whole loop.
 */
export function fillNormals(rng: Rng, out: Float64Array, start = 0, end = out.length): void {
  let s0 = rng.s0 | 0;
  let s1 = rng.s1 | 0;
  let s2 = rng.s2 | 0;
  let s3 = rng.s3 | 0;
  const scale = SCALE;
  const thresh = THRESH;
  for (let i = start; i < end; i++) {
    // xoshiro128** step, inlined
    const s5 = Math.imul(s1, 5);
    const w = Math.imul((s5 << 7) | (s5 >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);

    const layer = w & 255;
    const u = w >>> 9;
    if (u < thresh[layer]!) {
      // Sign from bit 8 without a branch: a 50/50 branch is mispredicted half the time.
      out[i] = u * scale[layer]! * (1 - ((w >>> 7) & 2));
      continue;
    }
    // Rare path (≈1%): hand the state back to the object, use the method-based sampler.
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    const z = slowPath(rng, layer, u * scale[layer]!);
    const x = z === z ? z : normal(rng);
    out[i] = w & 256 ? -x : x;
    s0 = rng.s0;
    s1 = rng.s1;
    s2 = rng.s2;
    s3 = rng.s3;
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
}

/**
 * `count` random orthogonal columns of squared norm N each (the papers' W*ᵀW* = N·I): Gram–Schmidt
 * of Gaussian vectors, twice, so that round-off leaves them orthogonal to machine precision.
 */
export function orthogonalColumns(rng: Rng, N: number, count: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let c = 0; c < count; c++) {
    const v = new Float64Array(N);
    fillNormals(rng, v);
    for (let pass = 0; pass < 2; pass++) {
      for (const e of out) {
        let dot = 0;
        for (let i = 0; i < N; i++) dot += v[i]! * e[i]!;
        dot /= N;
        for (let i = 0; i < N; i++) v[i] = v[i]! - dot * e[i]!;
      }
    }
    let norm = 0;
    for (let i = 0; i < N; i++) norm += v[i]! * v[i]!;
    const s = Math.sqrt(N / norm);
    for (let i = 0; i < N; i++) v[i] = v[i]! * s;
    out.push(v);
  }
  return out;
}
