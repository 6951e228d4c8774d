/**
 * The GAN's theory for the generic fixed-point and phase-diagram engine: where to look for fixed
 * points (closed-form candidates of Table 1), their type names, the phases of Fig. 3(b) (d = 1)
 * and Fig. 5 (d ≥ 2), the derived axis α = τ̃/τ, and the analytic boundaries.
 */
import type { ModelTheory, PhaseSpec } from '../../core/model';
import { num, type Params, vec } from '../../core/params';
import { etaBarSquared, ganType, table1Params, type2R2, type4Q2, type5Points } from './closedForms';
import { ganLayout } from './layout';
import { ganParamsOf } from './params';

export const GAN_PHASES: PhaseSpec[] = [
  { id: 'noninfo-1', label: 'noninfo-1', color: '#999999' },
  { id: 'noninfo-2', label: 'noninfo-2', color: '#CC79A7' },
  { id: 'half-info', label: 'half-info', color: '#E69F00' },
  { id: 'info-1', label: 'info-1', color: '#009E73' },
  { id: 'info-2', label: 'info-2', color: '#56B4E9' },
  { id: 'oscillating', label: 'oscillating', color: '#D55E00' },
];

function reduced(p: Params): boolean {
  return num(p, 'lambda') === Number.POSITIVE_INFINITY;
}

export const ganTheory: ModelTheory = {
  fixedPointStarts(p) {
    const g = ganParamsOf(p);
    const L = ganLayout(g.d, reduced(p));
    const lo = new Array<number>(L.size).fill(-1);
    const hi = new Array<number>(L.size).fill(1);
    if (!L.reduced) {
      for (let j = 0; j < g.d; j++) {
        const idx = L.sIndex(j, j);
        lo[idx] = 0.2;
        hi[idx] = 3;
      }
      lo[L.z] = 0.2;
      hi[L.z] = 3;
    }
    const candidates: Float64Array[] = [];
    const at = (P: number, q: number, r: number) => {
      const x = new Float64Array(L.size);
      x[L.P] = P;
      x[L.q] = q;
      x[L.r] = r;
      if (!L.reduced) {
        for (let j = 0; j < g.d; j++) x[L.sIndex(j, j)] = 1;
        x[L.z] = 1;
      }
      return x;
    };
    if (g.d === 1) {
      const t = table1Params(g);
      candidates.push(at(0, 0, 0));
      const r2 = type2R2(t);
      if (r2 > 0) candidates.push(at(0, 0, Math.sqrt(r2)), at(0, 0, -Math.sqrt(r2)));
      const q2 = type4Q2(t);
      if (q2 > 0) candidates.push(at(0, Math.sqrt(q2), 0), at(0, -Math.sqrt(q2), 0));
      for (const f of type5Points(t)) {
        for (const s of [1, -1])
          for (const u of [1, -1]) candidates.push(at(s * f.P, u * f.q, (u * f.q) / (s * f.P)));
      }
      for (let k = -10; k <= 10; k++) candidates.push(at(k / 10, 0, 0));
    }
    return { lo, hi, candidates };
  },

  /** With λ = ∞ every order parameter is a cosine between unit vectors: |x_i| ≤ 1. */
  admissible(p, x) {
    if (!reduced(p)) return true;
    for (const v of x) if (!(Math.abs(v) <= 1 + 1e-9)) return false;
    return true;
  },

  fixedPointType(p, x) {
    const g = ganParamsOf(p);
    if (g.d !== 1) return null;
    const L = ganLayout(1, reduced(p));
    return `type ${ganType(x[L.P]!, x[L.q]!, x[L.r]!)}`;
  },

  phases: GAN_PHASES,

  // Fig. 3(b) (d = 1) is defined by the stable fixed-point types; Fig. 5 (d ≥ 2) by the end state.
  phaseUsesFixedPoints: (p) => num(p, 'd') === 1,

  variationSeries(p) {
    const d = num(p, 'd');
    const names: string[] = [];
    for (let i = 1; i <= d; i++) names.push(`P${i}${i}`, `q${i}`, `r${i}`);
    return names;
  },

  /**
   * d = 1 (Fig. 3(b)): noninfo-1 / noninfo-2 when a type-1 / type-2 point is stable; else info-2
   * when a type-5 point is, info-1 when a type-3 point is; oscillating when none is.
   * d ≥ 2 (Fig. 5): from the ODE's end point (from the preset's start): oscillating if it keeps
   * moving, else by how many features it recovered (|P_ℓℓ| grew by > 0.1 with q = r = 0), or info-2 when
   * it ends with q ≠ 0.
   */
  phase(p, stableTypes, variation, final) {
    const d = num(p, 'd');
    if (d === 1) {
      const has = (t: number) => stableTypes.includes(`type ${t}`);
      if (has(1)) return 'noninfo-1';
      if (has(2)) return 'noninfo-2';
      if (has(5)) return 'info-2';
      if (has(3)) return 'info-1';
      return 'oscillating';
    }
    if (variation > 1e-4) return 'oscillating';
    const L = ganLayout(d, reduced(p));
    let qr = 0;
    for (let i = 0; i < d; i++) qr += Math.abs(final[L.q + i]!) + Math.abs(final[L.r + i]!);
    if (qr > 1e-3) return 'info-2';
    // A feature is learned when its overlap grew away from the start (by > 0.1): near the
    // learnability edge the end point sits at the rectangle's inner edge p* (e.g. 0.44 at
    // τη̄² = 4.4, Λ = 5), well below 1 but far from the start's 0.1.
    const P0 = ganParamsOf(p).P0;
    let learned = 0;
    for (let l = 0; l < d; l++) {
      if (Math.abs(final[L.P + l * d + l]!) > Math.abs(P0[l * d + l]!) + 0.1) learned++;
    }
    return learned === d ? 'info-1' : learned > 0 ? 'half-info' : 'noninfo-1';
  },

  derivedAxes: [
    {
      key: 'alpha',
      label: 'α = τ̃/τ',
      apply: (p, value) => {
        p['taut'] = value * num(p, 'tau');
      },
      read: (p) => num(p, 'taut') / num(p, 'tau'),
      params: ['taut'],
    },
  ],

  /**
   * In the (τ, α) plane: Claim 1's lines for each feature ℓ, α = (2τη̄² − Λ_ℓ + Λ̃_ℓ)/Λ̃_ℓ
   * (stability of P = I, (S-67)) and τ = Λ_ℓ/η̄² (learnability, (S-69)); for d = 1 also Table 1's
   * α = 1 + τη̄²/Λ (type 1 / type 2) and α = 2 (type 2).
   */
  boundaries(p, x, y, [x0, x1]) {
    if (x !== 'tau' || y !== 'alpha') return [];
    const g = ganParamsOf(p);
    const e2 = etaBarSquared(g);
    const Lam = vec(p, 'Lambda');
    const LamT = vec(p, 'LambdaT');
    const out: { label: string; points: [number, number][] }[] = [];
    const line = (f: (t: number) => number): [number, number][] =>
      Array.from({ length: 101 }, (_, k) => {
        const t = x0 + ((x1 - x0) * k) / 100;
        return [t, f(t)] as [number, number];
      });
    Lam.forEach((lam, l) => {
      const lt = LamT[l]!;
      out.push({
        label: `(15) left, ℓ = ${l + 1}`,
        points: line((t) => (2 * t * e2 - lam + lt) / lt),
      });
      const tc = lam / e2;
      out.push({
        label: `(15) right, ℓ = ${l + 1}`,
        points: [
          [tc, -1e3],
          [tc, 1e3],
        ],
      });
    });
    if (g.d === 1) {
      out.push({ label: 'α = 1 + τη̄²/Λ', points: line((t) => 1 + (t * e2) / Lam[0]!) });
      out.push({ label: 'α = 2', points: line(() => 2) });
    }
    return out;
  },

  marks(p, x, y) {
    if (x !== 'tau' || y !== 'alpha' || num(p, 'd') !== 1) return [];
    return [0.03, 0.2, 0.4, 0.47].map((tt, k) => ({
      label: `Fig. 4(${'abcd'[k]})`,
      x: 0.3,
      y: tt / 0.3,
    }));
  },
};
