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

/**
 * Table 1 (Supplement S-V.2): the fixed points of the reduced ODE (13) for d = 1, λ = ∞,
 * Λ = Λ̃ and η_T = η_G = η, in (P, q, r). The paper sets η = 1; with η̄² = η² the same algebra
 * holds with τ² → τ²η̄² in the constant terms, which is what we implement and test.
 */
export type GanFixedPointType = 1 | 2 | 3 | 4 | 5;

/** The type of a d = 1 fixed point (P, q, r) by which coordinates vanish (Table 1). */
export function ganType(P: number, q: number, r: number, tol = 1e-7): GanFixedPointType {
  const z = (x: number) => Math.abs(x) < tol;
  if (z(q) && z(r)) return z(P) ? 1 : 3;
  if (z(P) && z(q)) return 2;
  if (z(P) && z(r)) return 4;
  return 5;
}

interface Table1Params {
  tau: number;
  tauTilde: number;
  /** Λ = Λ̃. */
  Lambda: number;
  /** η̄² = (η_T² + η_G²)/2. */
  etaBar2: number;
  /** The noise variances themselves: h in (14) has (1 + τη_T/2) qᵀΛq and (1 − τη_G/2) rᵀΛ̃r. */
  etaT: number;
  etaG: number;
}

export function table1Params(p: GanParams): Table1Params {
  return {
    tau: p.tau,
    tauTilde: p.tauTilde,
    Lambda: p.Lambda[0]!,
    etaBar2: etaBarSquared(p),
    etaT: p.etaT,
    etaG: p.etaG,
  };
}

/** Type 1 is stable iff τ(Λ − τη̄²) ≤ 0 and Λ(τ̃ − τ) − τ²η̄² ≤ 0 (the diagonal Jacobian J(0,0,0)). */
export function type1Stable({ tau, tauTilde, Lambda, etaBar2 }: Table1Params): boolean {
  return (
    tau * (Lambda - tau * etaBar2) <= 0 && Lambda * (tauTilde - tau) - tau * tau * etaBar2 <= 0
  );
}

/**
 * Type 2: r*² = (τ − τ̃ + τ²η̄²/Λ)/(τ − τ̃ − τ²η_G/2), S-50 for general noise (dr/dt = 0 at
 * P = q = 0 with h = (1 − τη_G/2)Λr² − τη̄²); NaN when not in (0, 1].
 */
export function type2R2({ tau, tauTilde, Lambda, etaBar2, etaG }: Table1Params): number {
  const r2 =
    (tau - tauTilde + (tau * tau * etaBar2) / Lambda) / (tau - tauTilde - (tau * tau * etaG) / 2);
  return r2 > 0 && r2 <= 1 ? r2 : Number.NaN;
}

/**
 * β(τ) of Table 1 and S-V.2, the upper end of type 2's stable range α ≤ β(τ) (S-57). For general
 * noise, S-55 reads τη̄² ≥ Λ(1 − τη_G/2)r*²; with (S-50) this is (1 − α)K ≤ τη̄², where
 * K = τη̄² − Λ(1 − τη_G/2). So β = 1 − τη̄²/K when K < 0, else +∞; for η = 1 this is the printed
 * [1 + (Λ/2 − Λ/τ)⁻¹]⁻¹ = (τ/2 − 1)Λ/((τ/2 − 1)Λ + τ) for τ ≤ 2Λ/(Λ + 2).
 * Table 1 prints the bound as "τ̃/τ ≤ τ/β(τ)", a misprint: at Λ = 1.5, τ = 0.8 that would be
 * α ≤ 0.089, below the lower bound 2, while the stable range is α ∈ [2, β(0.8) = 9]
 * (docs/models/gan.md, table1.test.ts).
 */
export function type2Beta({ tau, Lambda, etaBar2, etaG }: Table1Params): number {
  const K = tau * etaBar2 - Lambda * (1 - (tau * etaG) / 2);
  return K < 0 ? 1 - (tau * etaBar2) / K : Number.POSITIVE_INFINITY;
}

/** Type 4: q*² = (Λ − τη̄²)/(Λ(1 + τη_T/2)); NaN when τη̄² ≥ Λ. */
export function type4Q2({ tau, Lambda, etaBar2, etaT }: Table1Params): number {
  const q2 = (Lambda - tau * etaBar2) / (Lambda * (1 + (tau * etaT) / 2));
  return q2 > 0 && q2 <= 1 ? q2 : Number.NaN;
}

/**
 * The type-3 point P with q = r = 0 is stable iff both eigenvalues of the 2×2 block (S-66)
 * [[τ(Λ − τη̄²), −τPΛ], [τPΛ, Λ(τ̃ − τ) − τ²η̄²]] have non-positive real parts:
 * trace ≤ 0 and det ≥ 0.
 */
export function type3Stable({ tau, tauTilde, Lambda, etaBar2 }: Table1Params, P: number): boolean {
  const a = tau * (Lambda - tau * etaBar2);
  const d = Lambda * (tauTilde - tau) - tau * tau * etaBar2;
  return a + d <= 0 && a * d + tau * tau * P * P * Lambda * Lambda >= 0;
}

/**
 * Type 5 (S-60, S-63, S-64): r = q/P, q⁻² = −[Λ(τ/2 − 1)P⁻² + Λ(1 + τ/2)]/τ, and
 * A P⁻⁴ + B P⁻² + C = 0 with A = Λ(τ̃ − τ)(1/2 − 1/τ) + τ̃, B = Λ[(τ̃/τ)(1 + τ/2) − 2],
 * C = Λ(1 + τ/2), for η̄² = 1. Returns the points with P, q > 0 (the others follow by the
 * sign symmetries (P, q, r) → (±P, ±q, ±r) that keep r = q/P).
 */
export function type5Points({
  tau,
  tauTilde,
  Lambda,
}: Table1Params): { P: number; q: number; r: number }[] {
  const A = Lambda * (tauTilde - tau) * (0.5 - 1 / tau) + tauTilde;
  const B = Lambda * ((tauTilde / tau) * (1 + tau / 2) - 2);
  const C = Lambda * (1 + tau / 2);
  const roots: number[] = [];
  if (Math.abs(A) < 1e-14) roots.push(-C / B);
  else {
    const disc = B * B - 4 * A * C;
    if (disc >= 0) {
      roots.push((-B + Math.sqrt(disc)) / (2 * A), (-B - Math.sqrt(disc)) / (2 * A));
    }
  }
  const out: { P: number; q: number; r: number }[] = [];
  for (const u of roots) {
    if (!(u >= 1)) continue; // u = P⁻² needs |P| ≤ 1
    const qInv2 = -(Lambda * (tau / 2 - 1) * u + Lambda * (1 + tau / 2)) / tau;
    if (!(qInv2 >= 1)) continue;
    const P = 1 / Math.sqrt(u);
    const q = 1 / Math.sqrt(qInv2);
    out.push({ P, q, r: q / P });
  }
  return out;
}
