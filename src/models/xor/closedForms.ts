/**
 * Closed forms of the XOR Gaussian mixture (Ben Arous–Gheissari–Jagannath, Section 5): C_α, the
 * optimal classifiers of Prop. 9.3 and the probability (5.2) of a good start.
 */
import type { XorState } from './sgd';

/** C_α of Section 5: −logit(4α) (Prop. 9.3 prints logit(−4α)). */
export function xorCAlpha(alpha: number): number {
  return Math.log(1 - 4 * alpha) - Math.log(4 * alpha);
}

/**
 * Whether an end state is one of the optimal classifiers (Prop. 9.3's stable sets): some unit
 * in each of I_μ^+ (v > 0, mμ > 0), I_μ^− (v > 0, mμ < 0), I_ν^+ (v < 0, mν > 0) and I_ν^−
 * (v < 0, mν < 0), "in" meaning beyond `tol`.
 */
export function xorOptimal(x: XorState, tol = 0.1): boolean {
  let a = false;
  let b = false;
  let c = false;
  let d = false;
  for (let i = 0; i < x.K; i++) {
    const v = x.v[i]!;
    if (v > tol && x.mu[i]! > tol) a = true;
    if (v > tol && x.mu[i]! < -tol) b = true;
    if (v < -tol && x.nu[i]! > tol) c = true;
    if (v < -tol && x.nu[i]! < -tol) d = true;
  }
  return a && b && c && d;
}

/** (5.2): the probability that a Gaussian start is in an optimal basin, K hidden units. */
export function xorGoodStartProbability(K: number): number {
  let choose = 1; // C(K, k), built up from k = 0
  let sum = 0;
  for (let k = 0; k <= K; k++) {
    if (k >= 2 && k <= K - 2) sum += choose * (1 - 2 ** (1 - k)) * (1 - 2 ** (1 + k - K));
    choose = (choose * (K - k)) / (k + 1);
  }
  return sum / 2 ** K;
}
