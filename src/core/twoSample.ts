/**
 * Two-sample comparisons for "equal in law" checks between samplers of one chain: the difference
 * of means in standard errors and the Kolmogorov–Smirnov distance with its asymptotic critical
 * value.
 */

/** The two-sample KS distance sup |F_a − F_b| of the empirical distribution functions. */
export function twoSampleKs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    // Step past every copy of v in both samples before comparing: ties move both CDFs at once.
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/**
 * The KS distance two samples of sizes n₁ and n₂ from one continuous law exceed with
 * probability 0.001 (asymptotically): K·√((n₁ + n₂)/(n₁n₂)) with K = 1.949, the root of
 * 2Σ_{j≥1}(−1)^{j−1}e^{−2j²K²} = 0.001.
 */
export function ksCritical001(n1: number, n2: number): number {
  return 1.949 * Math.sqrt((n1 + n2) / (n1 * n2));
}

/** |mean(a) − mean(b)| over its standard error √(s_a²/n_a + s_b²/n_b). */
export function meanDifferenceInSe(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const stats = (v: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i]!;
    const mean = s / v.length;
    let s2 = 0;
    for (let i = 0; i < v.length; i++) s2 += (v[i]! - mean) ** 2;
    return { mean, var: s2 / (v.length - 1), n: v.length };
  };
  const x = stats(a);
  const y = stats(b);
  const se = Math.sqrt(x.var / x.n + y.var / y.n);
  const diff = Math.abs(x.mean - y.mean);
  return diff === 0 ? 0 : diff / se;
}
