/**
 * The GAN's theory for the generic fixed-point and phase-diagram engine: where to look for fixed
 * points (closed-form candidates of Table 1), their type names, the phases of Fig. 3(b) (d = 1)
 * and Fig. 5 (d ≥ 2), the derived axis α = τ̃/τ, and the analytic boundaries.
 */
import type { ModelTheory, PhaseSpec } from '../../core/model';
import { num, type Params, vec } from '../../core/params';
import { classifyTransverse, eigenScale, eigenvalues, jacobian } from '../../core/stability';
import {
  etaBarSquared,
  ganType,
  table1Params,
  type2Beta,
  type2R2,
  type4Q2,
  type5Points,
} from './closedForms';
import { ganLayout } from './layout';
import { ganRhs } from './ode';
import { ganParamsOf } from './params';

// The meanings follow Table 1's fixed-point types and Section V's reading of Fig. 3(b) and Fig. 5.
export const GAN_PHASES: PhaseSpec[] = [
  {
    id: 'noninfo-1',
    label: 'noninfo-1',
    color: '#999999',
    meaning: 'nothing learned: P = q = r = 0 (type 1) is stable',
  },
  {
    id: 'noninfo-2',
    label: 'noninfo-2',
    color: '#CC79A7',
    meaning:
      'the generator learns nothing (P = q = 0) while the discriminator holds r ≠ 0 (type 2)',
  },
  {
    id: 'half-info',
    label: 'half-info',
    color: '#E69F00',
    meaning: 'the generator learns some of the features, not all (d ≥ 2)',
  },
  {
    id: 'info-1',
    label: 'info-1',
    color: '#009E73',
    meaning:
      'the generator learns the features (P ≠ 0) and the discriminator ends at q = r = 0 (type 3)',
  },
  {
    id: 'info-2',
    label: 'info-2',
    color: '#56B4E9',
    meaning: 'the generator learns and the discriminator stays informative, q ≠ 0 (type 5)',
  },
  {
    id: 'oscillating',
    label: 'oscillating',
    color: '#D55E00',
    meaning: 'no fixed point is stable: the overlaps keep oscillating',
  },
  // Fig. 5 (d ≥ 2): q = r = 0 with a P that mixes the features; and cells whose ODE reached
  // neither a stable fixed point nor a sustained oscillation by t = 8000 (never guessed).
  {
    id: 'mixed',
    label: 'mixed',
    color: '#0072B2',
    meaning: 'a generator column ends overlapping two features at once (d ≥ 2)',
  },
  {
    id: 'unsettled',
    label: 'unsettled',
    color: '#F0E442',
    meaning: 'the ODE reached neither a fixed point nor a steady oscillation by t = 8000',
  },
];

function reduced(p: Params): boolean {
  return num(p, 'lambda') === Number.POSITIVE_INFINITY;
}

/** The series of Fig. 3(b)'s variation: P_ℓℓ, q_ℓ, r_ℓ. */
function variationNames(p: Params): string[] {
  const names: string[] = [];
  for (let i = 1; i <= num(p, 'd'); i++) names.push(`P${i}${i}`, `q${i}`, `r${i}`);
  return names;
}

/** Overlaps smaller than this count as zero in a settled state (|dx/dt| ≤ 1e-7 there). */
const ZERO = 1e-3;
/** A feature is learned when its overlap grew by more than this from the start. */
const GROWN = 0.1;

/**
 * The phase of a settled d ≥ 2 state x, classified as a fixed point: its Jacobian's eigenvalues
 * decide stability, transverse to the family q = r = 0 (Claim 1: every P, and S's off-diagonal,
 * is a fixed point there, so d² + d(d−1)/2 eigenvalues vanish exactly).
 * - not stable (marginal or unstable): 'unsettled' — the ODE came to rest where no stable point is;
 * - q ≠ 0: 'info-2' (the discriminator keeps an informative direction);
 * - q = r = 0 and some learned generator column overlaps two features by more than 0.1 (P not
 *   diagonal up to a permutation): 'mixed', e.g. P = [[0.823, 0.499], [−0.197, 0.652]] at
 *   τ = 0.332, α = 0.614 of Fig. 5 — beyond the left inequality of (15) P = I is unstable, and the
 *   generator settles on a rotated mixture instead;
 * - otherwise by how many features were learned (|P_ℓℓ| grew by > 0.1 from the start: near the
 *   learnability edge the end point sits at the rectangle's inner edge, e.g. 0.44 at τη̄² = 4.4,
 *   Λ = 5): info-1 (all), half-info (some), noninfo-1 (none).
 */
function d2Phase(p: Params, x: Float64Array): string {
  const g = ganParamsOf(p);
  const d = g.d;
  const L = ganLayout(d, reduced(p));
  let qr = 0;
  for (let i = 0; i < d; i++) qr = Math.max(qr, Math.abs(x[L.q + i]!), Math.abs(x[L.r + i]!));
  const onFamily = qr < ZERO;
  const eigs = eigenvalues(jacobian(ganRhs(g), x), L.size);
  // Off q = r = 0 the settled points come in families too (e.g. the d = 2 analogue of type 2,
  // P_·1 = 0 with r₁ ≠ 0, whose free column gives exact zeros): eigenvalues at rounding level are
  // taken as the family's directions. A genuinely marginal point (a bifurcation) is not at
  // rounding level except on a set of measure zero, and slow approaches were not settled.
  const scale = eigenScale(eigs);
  const structuralZeros = eigs.filter((e) => Math.hypot(e.re, e.im) <= 1e-9 * scale).length;
  const stability = classifyTransverse(
    eigs,
    onFamily ? d * d + (d * (d - 1)) / 2 : structuralZeros,
  ).stability;
  if (stability !== 'stable') return 'unsettled';
  if (!onFamily) {
    let q = 0;
    for (let i = 0; i < d; i++) q = Math.max(q, Math.abs(x[L.q + i]!));
    // q = 0 with r ≠ 0: the generator's direction is seen, the features are not (noninfo-2).
    return q < ZERO ? 'noninfo-2' : 'info-2';
  }
  const P0 = g.P0;
  let learned = 0;
  let mixed = false;
  for (let j = 0; j < d; j++) {
    const column = Array.from({ length: d }, (_, i) => Math.abs(x[L.P + i * d + j]!)).sort(
      (a, b) => b - a,
    );
    const start = Math.sqrt(
      Array.from({ length: d }, (_, i) => P0[i * d + j]! ** 2).reduce((a, b) => a + b, 0),
    );
    if (Math.hypot(...column) > start + GROWN && column[1]! > GROWN) mixed = true;
  }
  if (mixed) return 'mixed';
  for (let l = 0; l < d; l++) {
    if (Math.abs(x[L.P + l * d + l]!) > Math.abs(P0[l * d + l]!) + GROWN) learned++;
  }
  return learned === d ? 'info-1' : learned > 0 ? 'half-info' : 'noninfo-1';
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

  /**
   * d = 1 (Fig. 3(b)): noninfo-1 / noninfo-2 when a type-1 / type-2 point is stable; else info-2
   * when a type-5 point is, info-1 when a type-3 point is; oscillating when none is.
   * d ≥ 2 (Fig. 5): from the stable fixed point the ODE settles at (`settle` below) and its
   * eigenvalues, see d2Phase.
   */
  phase(p, stableTypes, _variation, final, settled) {
    const d = num(p, 'd');
    if (d === 1) {
      const has = (t: number) => stableTypes.includes(`type ${t}`);
      if (has(1)) return 'noninfo-1';
      if (has(2)) return 'noninfo-2';
      if (has(5)) return 'info-2';
      if (has(3)) return 'info-1';
      return 'oscillating';
    }
    if (settled?.status === 'cycle') return 'oscillating';
    return d2Phase(p, final);
  },

  /**
   * Fig. 5 (d ≥ 2) is labelled from the point the ODE settles at, from the preset's start: it is
   * integrated to 1000, 2000, … 8000 until |dx/dt| ≤ 1e-7 (a fixed point) or the late-time
   * variation repeats from one window to the next (a sustained oscillation); otherwise the cell is
   * 'unsettled'. d = 1 (Fig. 3(b)) is labelled from Table 1's stable types and keeps the fixed
   * horizon (the grey squares are Fig. 3(b)'s variation on [800, 1000]).
   */
  settle: (p) =>
    num(p, 'd') === 1
      ? null
      : {
          T0: Math.max(num(p, 'T'), 1000),
          maxTime: 8000,
          residualTol: 1e-7,
          series: variationNames(p),
        },

  variationSeries: variationNames,

  derivedAxes: [
    {
      key: 'alpha',
      label: 'α = τ̃/τ',
      apply: (p, value) => {
        p['taut'] = value * num(p, 'tau');
      },
      read: (p) => num(p, 'taut') / num(p, 'tau'),
      params: ['taut'],
      // τ̃ ∈ [0, 4] over τ ∈ [0.001, 4].
      range: [0, 4000],
    },
  ],

  /**
   * In the (τ, α) plane: Claim 1's lines for each feature ℓ, α = (2τη̄² − Λ_ℓ + Λ̃_ℓ)/Λ̃_ℓ
   * (stability of P = I, (S-67)) and τ = Λ_ℓ/η̄² (learnability, (S-69)); for d = 1 also
   * every other line of Table 1: α = 1 + τη̄²/Λ (type 1 / type 2), α = 2 and α = β(τ) (type 2),
   * α = (τη̄²)²/(Λ(τη̄² − Λ)) (type 3).
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
      const lam = Lam[0]!;
      // Table 1 with Λ = Λ̃: type 1 (α = 1 + τη̄²/Λ, and τ = Λ/η̄² above), type 2 (α = 2 and
      // α = β(τ), S-56/S-57), type 3 (α = 2τη̄²/Λ is (15) left above, and S-59's second bound
      // α = (τη̄²)²/(Λ(τη̄² − Λ)) for τη̄² > Λ). Lines with a pole are cut where they leave ±1e3.
      const finite = (pts: [number, number][]) =>
        pts.filter(([, a]) => Number.isFinite(a) && Math.abs(a) <= 1e3);
      out.push({ label: 'α = 1 + τη̄²/Λ', points: line((t) => 1 + (t * e2) / lam) });
      out.push({ label: 'α = 2', points: line(() => 2) });
      out.push({
        label: 'α = β(τ) (type 2)',
        points: finite(line((t) => type2Beta(table1Params({ ...g, tau: t })))),
      });
      out.push({
        label: 'α = (τη̄²)²/(Λ(τη̄² − Λ)) (type 3)',
        points: finite(
          line((t) => (t * e2 > lam ? (t * e2) ** 2 / (lam * (t * e2 - lam)) : Number.NaN)),
        ),
      });
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
