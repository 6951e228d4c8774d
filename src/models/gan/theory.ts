/**
 * Closed-form results of the GAN paper used as checks and shown beside the curves.
 */
import type { GanParams } from './params';

/** η̄² = (η_T² + η_G²)/2, as in Claim 1. */
export function etaBarSquared(p: Pick<GanParams, 'etaT' | 'etaG'>): number {
  return (p.etaT * p.etaT + p.etaG * p.etaG) / 2;
}

export type Claim1Phase = 'success' | 'oscillation' | 'mode-collapse';

export interface Claim1Result {
  /** τη̄², the quantity both inequalities of (15) compare. */
  tauEtaBar2: number;
  /** ½ max_ℓ(Λ_ℓ − Λ̃_ℓ + αΛ̃_ℓ): the left bound of (15) (stability of P = I). */
  stabilityBound: number;
  /** min_ℓ Λ_ℓ: the right bound of (15) (instability of P = 0, i.e. learnability). */
  learnabilityBound: number;
  /** Features ℓ with τη̄² < Λ_ℓ: those the generator can learn (S-69). */
  learnable: boolean[];
  /** The phase (15) predicts: both sides hold → success; left fails → oscillation; right fails → mode collapse. */
  phase: Claim1Phase;
}

/** Claim 1, inequality (15), per feature as in (S-67) and (S-69). */
export function claim1(p: GanParams): Claim1Result {
  const alpha = p.tauTilde / p.tau;
  const te = p.tau * etaBarSquared(p);
  let stabilityBound = Number.NEGATIVE_INFINITY;
  let learnabilityBound = Number.POSITIVE_INFINITY;
  const learnable: boolean[] = [];
  for (let l = 0; l < p.d; l++) {
    const lam = p.Lambda[l]!;
    const lamT = p.LambdaTilde[l]!;
    stabilityBound = Math.max(stabilityBound, 0.5 * (lam - lamT + alpha * lamT));
    learnabilityBound = Math.min(learnabilityBound, lam);
    learnable.push(te < lam);
  }
  let phase: Claim1Phase = 'success';
  if (te >= learnabilityBound) phase = 'mode-collapse';
  else if (te < stabilityBound) phase = 'oscillation';
  return { tauEtaBar2: te, stabilityBound, learnabilityBound, learnable, phase };
}

/**
 * The inner corner p*_ℓ of the hyper-rectangle of stable fixed points q = r = 0 (Section 4,
 * matched case Λ_ℓ = Λ̃_ℓ): p*² = (Λ − τη̄²)(Λ̃ + τη̄² − αΛ̃)/(ΛΛ̃). NaN where it does not exist.
 */
export function pStar(p: GanParams): number[] {
  const alpha = p.tauTilde / p.tau;
  const te = p.tau * etaBarSquared(p);
  const out: number[] = [];
  for (let l = 0; l < p.d; l++) {
    const lam = p.Lambda[l]!;
    const lamT = p.LambdaTilde[l]!;
    const p2 = ((lam - te) * (lamT + te - alpha * lamT)) / (lam * lamT);
    out.push(p2 >= 0 && p2 <= 1 ? Math.sqrt(p2) : Number.NaN);
  }
  return out;
}
