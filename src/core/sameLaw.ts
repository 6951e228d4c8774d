/**
 * Two-sample checks that two samplers draw from the same law (the reduced chains against the
 * literal SGD): the gap of the means in standard errors and the two-sample Kolmogorov–Smirnov
 * statistic with its asymptotic critical value.
 */

/** The two-sample KS statistic sup_x |F_a(x) − F_b(x)| (ties handled: both steps are taken). */
export function twoSampleKs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! === v) i++;
    while (j < y.length && y[j]! === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/**
 * The KS statistic's critical value at level 0.1 % for samples of n₁ and n₂:
 * 1.949·√((n₁ + n₂)/(n₁n₂)) (the asymptotic Kolmogorov law, P(K > 1.949) = 0.001).
 */
export function ksCritical001(n1: number, n2: number): number {
  return 1.949 * Math.sqrt((n1 + n2) / (n1 * n2));
}

/** |mean(a) − mean(b)| in standard errors of the difference, √(s_a²/n_a + s_b²/n_b). */
export function meanGapInSe(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const stats = (v: ArrayLike<number>) => {
    let m = 0;
    for (let k = 0; k < v.length; k++) m += v[k]! / v.length;
    let s = 0;
    for (let k = 0; k < v.length; k++) s += (v[k]! - m) ** 2;
    return { m, var: s / (v.length - 1) / v.length };
  };
  const sa = stats(a);
  const sb = stats(b);
  const se = Math.sqrt(sa.var + sb.var);
  const gap = Math.abs(sa.m - sb.m);
  return gap === 0 ? 0 : gap / se;
}
