/**
 * Seeded pseudo-random numbers with independent streams.
 *
 * The generator is xoshiro128** (Blackman & Vigna, 2018): 128 bits of state, period 2^128 − 1,
 * 32-bit output built from `Math.imul`, so V8 keeps every value in an int32 register.
 * A stream is selected by hashing (seed, stream) through SplitMix32 into the initial state.
 * Different (seed, stream) pairs therefore start at unrelated points of the cycle; the tests
 * check that the streams are uncorrelated.
 */

/** SplitMix32 finaliser: a bijective avalanche mix of a 32-bit integer. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

export class Rng {
  /** The four state words; public so that hot loops (normal.ts) can keep them in locals. */
  s0 = 0;
  s1 = 0;
  s2 = 0;
  s3 = 0;

  /**
   * @param seed any integer in [0, 2^32); the same seed and stream give the same numbers.
   * @param stream an independent sequence for the same seed, e.g. the index of an SGD run.
   */
  constructor(
    readonly seed: number,
    readonly stream = 0,
  ) {
    let h = mix32((seed >>> 0) ^ 0x9e3779b9);
    h = mix32(h ^ Math.imul((stream >>> 0) + 1, 0x85ebca6b));
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      h = (h + 0x9e3779b9) >>> 0;
      words.push(mix32(h));
    }
    this.s0 = words[0]! | 0;
    this.s1 = words[1]! | 0;
    this.s2 = words[2]! | 0;
    this.s3 = words[3]! | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** A uniform 32-bit unsigned integer. */
  nextU32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform double in (0, 1): safe to take the logarithm of. */
  nextOpenFloat(): number {
    let u = this.nextFloat();
    while (u === 0) u = this.nextFloat();
    return u;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
