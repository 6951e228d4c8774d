/**
 * Statistical tests of the seeded generator (rng.ts) and the ziggurat normals (normal.ts).
 *
 * Every seed is fixed, so every check is deterministic. The bands are still chosen as if the
 * seed were random: a band of 4 standard errors is exceeded by a correct generator with
 * probability ≈ 6·10⁻⁵ per check (two-sided normal tail), so a failure after a change to the
 * generator is strong evidence of a real defect, and a correct change of seed almost surely
 * stays green.
 */
import { describe, expect, it } from 'vitest';

import { fillNormals, normal } from './normal';
import { Rng } from './rng';

// ---------------------------------------------------------------------------------------------
// Reference normal CDF

/**
 * erfc(x) to ≈ 1e-13 relative for x ≥ 0 (and by symmetry for x < 0).
 * x < 2.5: the positive-term series erf x = (2/√π) e^{−x²} Σ_{n≥0} 2ⁿ x^{2n+1} / (1·3·…·(2n+1))
 * (Abramowitz & Stegun 7.1.6), which has no cancellation; erfc = 1 − erf then loses at most
 * 1e-16 absolute, i.e. < 3e-13 relative since erfc(2.5) ≈ 4e-4.
 * x ≥ 2.5: the continued fraction erfc x = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …))))
 * (A&S 7.1.14), evaluated by the modified Lentz method.
 */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 500; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  const tiny = 1e-300;
  let f = x;
  let c = f;
  let d = 0;
  for (let k = 1; k < 10000; k++) {
    const a = k / 2;
    d = x + a * d;
    if (d === 0) d = tiny;
    d = 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Standard normal CDF Φ(x) = ½ erfc(−x/√2). */
function Phi(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function normals(seed: number, count: number, stream = 0): Float64Array {
  const out = new Float64Array(count);
  fillNormals(new Rng(seed, stream), out);
  return out;
}

interface Moments {
  mean: number;
  variance: number;
  skewness: number;
  excessKurtosis: number;
}

function moments(x: Float64Array): Moments {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const mean = s / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { mean, variance: m2, skewness: m3 / m2 ** 1.5, excessKurtosis: m4 / (m2 * m2) - 3 };
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Kolmogorov–Smirnov statistic D = sup |F_N − Φ| of a sample (sorted in place). */
function ksStatistic(x: Float64Array): number {
  x.sort();
  const n = x.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = Phi(x[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * Asymptotic KS critical value at level α = 0.001: P(√N·D > K) → 2 Σ (−1)^{k−1} e^{−2k²K²}
 * ≈ 2e^{−2K²}, so K = √(ln(2/α)/2) = √(ln 2000 / 2) ≈ 1.949. For N ≥ 10⁵ the finite-N
 * correction is < 1%.
 */
const KS_001 = 1.95;

// ---------------------------------------------------------------------------------------------

describe('reference erfc used by these tests', () => {
  it('matches high-precision values (mpmath, 30 digits) to 1e-13 relative', () => {
    // 30-digit reference values, rounded to doubles when parsed (the comparison is at 1e-13).
    /* eslint-disable no-loss-of-precision */
    const table: [number, number][] = [
      [0.1, 0.8875370839817151016],
      [0.5, 0.47950012218695346232],
      [1, 0.15729920705028513066],
      [2, 0.0046777349810472658379],
      [2.5, 0.00040695201744495893956],
      [3, 0.000022090496998585441373],
      [4, 1.5417257900280018852e-8],
      [5, 1.5374597944280348502e-12],
      [6, 2.1519736712498913117e-17],
    ];
    /* eslint-enable no-loss-of-precision */
    for (const [x, want] of table) {
      expect(Math.abs(erfc(x) - want) / want, `erfc(${x})`).toBeLessThan(1e-13);
      expect(Math.abs(erfc(-x) - (2 - want)), `erfc(${-x})`).toBeLessThan(1e-15);
    }
    expect(erfc(0)).toBe(1);
  });
});

describe('Rng (xoshiro128**)', () => {
  it('reproduces the reference xoshiro128** output from the state (1, 2, 3, 4)', () => {
    // Reference values of Blackman & Vigna's xoshiro128plusplus.c/xoshiro128starstar.c for
    // s = {1, 2, 3, 4}, cross-checked with an independent Python implementation.
    const rng = new Rng(0);
    rng.s0 = 1;
    rng.s1 = 2;
    rng.s2 = 3;
    rng.s3 = 4;
    const want = [
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597,
      4258142804,
    ];
    expect(want.map(() => rng.nextU32())).toEqual(want);
  });

  it('gives bit-identical nextU32 sequences for the same (seed, stream)', () => {
    for (const [seed, stream] of [
      [1, 0],
      [42, 7],
      [4294967295, 3],
    ] as const) {
      const a = new Rng(seed, stream);
      const b = new Rng(seed, stream);
      for (let i = 0; i < 10_000; i++) {
        const x = a.nextU32();
        const y = b.nextU32();
        if (x !== y) expect(`${x} at ${i}`).toBe(`${y} at ${i}`);
      }
      expect(a.nextU32()).toBe(b.nextU32());
    }
  });

  it('nextU32 returns 32-bit unsigned integers', () => {
    const rng = new Rng(5);
    let bad = 0;
    let orBits = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.nextU32();
      if (!(Number.isInteger(x) && x >= 0 && x < 2 ** 32)) bad++;
      orBits |= x;
    }
    expect(bad).toBe(0);
    expect(orBits >>> 0).toBe(0xffffffff); // every bit is set at least once
  });

  it('gives different sequences for different seeds and for different streams of one seed', () => {
    // For two independent uniform 32-bit sequences, the chance that any of 1000 aligned pairs
    // coincides is 1000 / 2³² ≈ 2e-7: a single match already means the streams are not distinct.
    const seq = (seed: number, stream: number) => {
      const rng = new Rng(seed, stream);
      return Array.from({ length: 1000 }, () => rng.nextU32());
    };
    const pairs: [[number, number], [number, number]][] = [
      [
        [1, 0],
        [2, 0],
      ],
      [
        [0, 0],
        [1, 0],
      ],
      [
        [1, 0],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 2],
      ],
      [
        [1, 0],
        [0, 1],
      ],
    ];
    for (const [[s1, k1], [s2, k2]] of pairs) {
      const a = seq(s1, k1);
      const b = seq(s2, k2);
      const matches = a.filter((x, i) => x === b[i]).length;
      expect(matches, `(${s1},${k1}) vs (${s2},${k2})`).toBe(0);
    }
  });

  it('nextFloat lies in [0, 1) with mean ½ ± 4 SE', () => {
    // Uniform(0,1) has variance 1/12, so the mean of N draws has SE = 1/√(12N).
    const N = 1_000_000;
    const rng = new Rng(11);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < N; i++) {
      const u = rng.nextFloat();
      sum += u;
      if (u < min) min = u;
      if (u > max) max = u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(4 / Math.sqrt(12 * N));
  });

  it('nextOpenFloat never returns 0 (safe to take the logarithm of)', () => {
    const rng = new Rng(12);
    let bad = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng.nextOpenFloat();
      if (!(u > 0 && u < 1)) bad++;
    }
    expect(bad).toBe(0);
  });
});

describe('fillNormals', () => {
  const N = 1_000_000;
  const x = normals(2024, N);

  it('has mean 0, variance 1, skewness 0 and excess kurtosis 0 within 4 standard errors', () => {
    // Asymptotic standard errors of the sample moments of N iid N(0,1) draws:
    // mean 1/√N, variance √(2/N), skewness √(6/N), excess kurtosis √(24/N).
    const m = moments(x);
    expect(Math.abs(m.mean)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(m.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
    expect(Math.abs(m.skewness)).toBeLessThan(4 * Math.sqrt(6 / N));
    expect(Math.abs(m.excessKurtosis)).toBeLessThan(4 * Math.sqrt(24 / N));
  });

  it('passes a Kolmogorov–Smirnov test against Φ at level 0.001 (N = 2·10⁵)', () => {
    const n = 200_000;
    const d = ksStatistic(normals(7, n));
    expect(d).toBeLessThan(KS_001 / Math.sqrt(n));
  });

  it('has the right tail mass beyond the ziggurat edge R and beyond 4 (slow path)', () => {
    // The count of |Z| > c in N draws is Binomial(N, p) with p = 2(1 − Φ(c)), SE = √(N p (1−p)).
    // With N = 4·10⁶: about 1032 ± 32 draws beyond R and 253 ± 16 beyond 4. Every |Z| > R comes
    // from Marsaglia's tail sampler (the layers ≥ 1 and the base strip's rectangle stop at R).
    const R = 3.6541528853610088;
    const total = 4_000_000;
    const chunk = new Float64Array(1_000_000);
    const rng = new Rng(99);
    let beyondR = 0;
    let beyond4 = 0;
    let tailSum = 0;
    for (let done = 0; done < total; done += chunk.length) {
      fillNormals(rng, chunk);
      for (let i = 0; i < chunk.length; i++) {
        const a = Math.abs(chunk[i]!);
        if (a > R) {
          beyondR++;
          tailSum += a;
        }
        if (a > 4) beyond4++;
      }
    }
    for (const [c, count] of [
      [R, beyondR],
      [4, beyond4],
    ] as const) {
      const p = 2 * (1 - Phi(c));
      const se = Math.sqrt(total * p * (1 - p));
      expect(Math.abs(count - total * p), `P(|Z| > ${c})`).toBeLessThan(4 * se);
    }
    // The tail's shape: E[|Z| | |Z| > R] = φ(R)/(1 − Φ(R)) = 3.89704 (inverse Mills ratio) with
    // conditional variance 1 + Rλ − λ² = 0.053463 (truncated normal; values from mpmath).
    const lambda = 3.897039071648473;
    const condVar = 0.05346304207406363;
    expect(Math.abs(tailSum / beyondR - lambda)).toBeLessThan(4 * Math.sqrt(condVar / beyondR));
  });

  it('has no lag-1 autocorrelation within one stream', () => {
    // Pearson's r of N independent pairs has SE ≈ 1/√N.
    const r = pearson(x.subarray(0, N - 1), x.subarray(1));
    expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(N - 1));
  });

  it('is uncorrelated across streams of one seed and across seeds', () => {
    const r01 = pearson(normals(1, N, 0), normals(1, N, 1));
    const r12 = pearson(normals(1, N, 0), normals(2, N, 0));
    expect(Math.abs(r01)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(r12)).toBeLessThan(4 / Math.sqrt(N));
  });

  it('gives bit-identical values for the same (seed, stream), different ones otherwise', () => {
    const a = normals(3, 100_000, 2);
    const b = normals(3, 100_000, 2);
    let firstDiff = -1;
    for (let i = 0; i < a.length && firstDiff < 0; i++) {
      if (!Object.is(a[i], b[i])) firstDiff = i;
    }
    expect(firstDiff).toBe(-1);
    // Different (seed, stream): equal doubles at the same index happen only by chance
    // (both in one fast-path cell, probability ≈ 2⁻³² per pair).
    for (const other of [normals(3, 1000, 1), normals(4, 1000, 2)]) {
      expect(other.filter((v, i) => v === a[i]).length).toBe(0);
    }
  });

  it('continues one sequence across calls and writes only out[start..end)', () => {
    const whole = normals(8, 1000);
    const rng = new Rng(8);
    const parts = new Float64Array(1000).fill(Number.NaN);
    fillNormals(rng, parts, 0, 300);
    expect(Number.isNaN(parts[300]!)).toBe(true);
    fillNormals(rng, parts, 300, 1000);
    expect(Array.from(parts)).toEqual(Array.from(whole));
  });

  it('inlines exactly the xoshiro128** step of Rng.nextU32 (same draws as normal())', () => {
    // On the fast path and on an accepted slow path fillNormals and normal() return the same
    // value. After a rejection in the wedge, fillNormals returns sign(w₁)·normal(rng) while
    // normal() loops to sign(w₂)·|z|: same magnitude, same generator state afterwards, a sign
    // flipped half of the time. So |values| agree bit for bit, and signs differ rarely.
    const n = 200_000;
    const bulk = normals(17, n);
    const rng = new Rng(17);
    let sameMagnitude = 0;
    let signFlips = 0;
    for (let i = 0; i < n; i++) {
      const z = normal(rng);
      if (Math.abs(z) === Math.abs(bulk[i]!)) sameMagnitude++;
      if (z !== bulk[i]!) signFlips++;
    }
    expect(sameMagnitude).toBe(n);
    expect(signFlips).toBeLessThan(0.01 * n);
  });
});

describe('normal (single draw)', () => {
  it('has mean 0 and variance 1 within 4 standard errors (N = 2·10⁵)', () => {
    const n = 200_000;
    const rng = new Rng(31);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = normal(rng);
    const m = moments(x);
    expect(Math.abs(m.mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(ksStatistic(x)).toBeLessThan(KS_001 / Math.sqrt(n));
  });

  it('is reproducible for the same (seed, stream)', () => {
    const a = new Rng(5, 1);
    const b = new Rng(5, 1);
    for (let i = 0; i < 10_000; i++) expect(normal(a)).toBe(normal(b));
  });
});
