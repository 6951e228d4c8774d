/**
 * The VAE's theory hooks for the generic fixed-point engine: where to look (the informed and
 * collapsed states of Theorem 5.1 as candidates, and a box for the others) and the physical
 * domain (Q_mm, E_mm ≥ 0 as squared norms, D > 0 as a variance).
 */
import type { ModelTheory, PhaseSpec } from '../../core/model';
import { num } from '../../core/params';
import { jMaxNumeric, jMaxTheorem } from './annealing';
import { vaeLayout } from './layout';
import { type VaeParams, vaeParamsOf } from './params';

export const VAE_PHASES: PhaseSpec[] = [
  {
    id: 'collapsed',
    label: 'posterior collapse',
    color: '#999999',
    meaning:
      'no latent column overlaps a true feature (m → 0): the decoder ignores the latent, as when β ≥ ρ + η (Theorem 5.1)',
  },
  {
    id: 'learnable',
    label: 'learnable',
    color: '#009E73',
    meaning: 'the columns align with the true features, m → √(ρ + η − β) (Theorem 5.1)',
  },
  {
    id: 'overfitting',
    label: 'overfitting (M > M*)',
    color: '#E69F00',
    meaning:
      'a surplus latent column (M > M*) carries weight without signal: it fits the noise, Q = η − β > 0 when β < η (Theorem 5.3)',
  },
  {
    id: 'oscillating',
    label: 'not settled',
    color: '#D55E00',
    meaning: 'the order parameters still move at the end of the run: no fixed point reached',
  },
];

export const vaeTheory: ModelTheory = {
  fixedPointStarts(p) {
    const v = vaeParamsOf(p);
    const L = vaeLayout(v.M, v.Mstar);
    const lo = new Array<number>(L.size).fill(-1.5);
    const hi = new Array<number>(L.size).fill(1.5);
    for (let i = 0; i < v.M; i++) {
      lo[L.D + i] = 0.05;
      hi[L.D + i] = 2;
    }
    // Theorem 5.1 (small τ): m* = d*-direction overlap √(ρ + η − β) when β < ρ + η, else 0.
    const P = v.rho + v.eta;
    const candidates: Float64Array[] = [];
    for (const mag of [Math.sqrt(Math.max(0, P - v.beta)), 0]) {
      const x = new Float64Array(L.size);
      for (let k = 0; k < Math.min(v.M, v.Mstar); k++) {
        x[L.m + k * v.Mstar + k] = mag;
        x[L.d + k * v.Mstar + k] = mag / P;
      }
      for (let i = 0; i < v.M; i++) {
        x[L.Q + i * v.M - (i * (i - 1)) / 2] = mag * mag;
        x[L.E + i * v.M - (i * (i - 1)) / 2] = 0.5;
        x[L.D + i] = 0.5;
      }
      candidates.push(x);
    }
    return { lo, hi, candidates };
  },

  phases: VAE_PHASES,

  derivedAxes: [
    {
      // Supplement D.1's linear annealing β(t) = γt is Eq. (2) from β = 0 with ε = γ/N per step
      // (N steps per unit time): the rate γ as an axis for Fig. 5's scan.
      key: 'gammaLinear',
      label: 'γ = εN (linear annealing, β per unit time)',
      apply: (p, value) => {
        p['eps'] = value / num(p, 'n');
        p['beta'] = 0;
      },
      read: (p) => num(p, 'eps') * num(p, 'n'),
      params: ['eps', 'beta'],
      // ε ∈ [0, 0.01] times N ≤ 10⁵.
      range: [0, 1000],
    },
  ],
  // Time scales go like 1/τ: 300/τ_min (3000 at τ = 0.1) lets even slow collapses settle.
  settleTime: (p) => Math.max(1000, 300 / Math.min(num(p, 'tauW'), num(p, 'tauV'), num(p, 'tauD'))),
  phaseUsesFixedPoints: () => false,
  variationSeries: (p) =>
    vaeLayout(num(p, 'M'), num(p, 'Mstar')).names.filter(
      (n) => n.startsWith('m') || n.startsWith('Q'),
    ),

  /**
   * From the ODE's end state (Theorems 5.1 and 5.3): collapsed when no column overlaps a true
   * feature (|m| < 0.05); overfitting when more columns carry weight (Q_mm > 0.05) than carry
   * signal, i.e. a superfluous latent fits the noise (Q* = η − β there, so β < η); else learnable.
   */
  phase(p, _stable, variation, final) {
    const v = vaeParamsOf(p);
    if (variation > 1e-4) return 'oscillating';
    const L = vaeLayout(v.M, v.Mstar);
    let signal = 0;
    let weight = 0;
    for (let a = 0; a < v.M; a++) {
      let overlap = 0;
      for (let s = 0; s < v.Mstar; s++)
        overlap = Math.max(overlap, Math.abs(final[L.m + a * v.Mstar + s]!));
      if (overlap > 0.05) signal++;
      if (final[L.Q + a * v.M - (a * (a - 1)) / 2]! > 0.05) weight++;
    }
    if (signal === 0) return 'collapsed';
    return weight > signal ? 'overfitting' : 'learnable';
  },

  /** In the (β, η) plane: the collapse line β = ρ + η and, for M > M*, the overfitting line β = η. */
  boundaries(p, x, y, [x0, x1]) {
    if (x !== 'beta' || y !== 'eta') return [];
    const rho = num(p, 'rho');
    const line = (f: (b: number) => number): [number, number][] =>
      Array.from({ length: 101 }, (_, k) => {
        const b = x0 + ((x1 - x0) * k) / 100;
        return [b, f(b)] as [number, number];
      });
    const out = [{ label: 'β = ρ + η (collapse)', points: line((b) => b - rho) }];
    if (num(p, 'M') > num(p, 'Mstar'))
      out.push({ label: 'β = η (overfitting)', points: line((b) => b) });
    return out;
  },

  /** Fig. 2's marks: the collapse threshold β = ρ + η and the optimum β = η. */
  scanMarks(p, x) {
    if (x === 'gamma') return annealingMarks(vaeParamsOf(p));
    if (x !== 'beta') return [];
    return [
      { label: 'β = ρ + η', x: num(p, 'rho') + num(p, 'eta') },
      { label: 'β = η', x: num(p, 'eta') },
    ];
  },

  admissible(p, x) {
    const v = vaeParamsOf(p);
    const L = vaeLayout(v.M, v.Mstar);
    for (let i = 0; i < v.M; i++) {
      const diag = i * v.M - (i * (i - 1)) / 2;
      if (!(x[L.Q + diag]! >= -1e-9) || !(x[L.E + diag]! >= -1e-9) || !(x[L.D + i]! > 0))
        return false;
    }
    return true;
  },
};

/** Theorem 5.4's threshold γ = −J_max/2: from the ODE's Jacobian, and the τ → 0 closed form. */
function annealingMarks(v: VaeParams): { label: string; x: number }[] {
  const marks: { label: string; x: number }[] = [];
  const numeric = jMaxNumeric(v);
  if (numeric !== null) marks.push({ label: '−Jₘₐₓ/2', x: -numeric / 2 });
  const oneTau = v.tauW === v.tauV && v.tauV === v.tauD;
  if (oneTau && Math.abs(v.rho + v.eta - 2) < 1e-9 && v.betaTarget === 1)
    marks.push({ label: 'Thm 5.4 (τ→0)', x: -jMaxTheorem(v.tauW, v.eta) / 2 });
  return marks;
}
