/**
 * Paper figures as state strings (Section 5, §9.4): N = 500, α = 0.1, 100N steps (T = 100 at
 * c_δ = 1) from v_i ~ N(0, 1), W_i ~ N(0, I_N/N). Figs. 9–10 were drawn at a finite λ the
 * paper does not print: λ = 100 here (Figs. 8 and 11 use 100), by the literal O(KN) SGD, beside
 * the λ = ∞ presets of the exact chain. The curves are Prop. 9.2's ODE at λ = ∞ and Prop. 9.1's
 * (with R⊥ in the state) at λ = 100.
 */
import type { Preset } from '../../core/model';
import { xorGoodStartProbability } from './closedForms';

const run = 'alpha=0.1&cdelta=1&n=500&seed=2&T=100';

export const xorPresets: Preset[] = [
  {
    id: 'fig9',
    title: 'End points in (μ₁, μ₂), K = 4',
    figure: 'Fig. 9 (λ = ∞)',
    description:
      '500 random starts run for 100N steps; the end points sit on the fixed sets of Prop. 9.3 (stable: ±√Cα, Cα = log 1.5).',
    state: `K=4&${run}`,
    view: 'view=basins&nr=500',
  },
  {
    id: 'fig10',
    title: 'Fraction optimal, K = 4: 3/32',
    figure: 'Fig. 10 (λ = ∞)',
    description:
      'The fraction of runs ending at one of the 24 optimal classifiers against 3/32 (§9.4).',
    state: `K=4&${run}`,
    view: 'view=basins&nr=500',
  },
  {
    id: 'fig9-lambda100',
    title: 'End points at λ = 100, K = 4',
    figure: 'Fig. 9',
    description:
      'The literal SGD at λ = 100 (λ is not printed): end points of random starts; the curves are Prop. 9.1’s finite-λ ODE from each run’s start.',
    state: `K=4&lambda=100&${run}`,
    view: 'view=basins&nr=200',
  },
  {
    id: 'fig10-lambda100',
    title: 'Fraction optimal at λ = 100: 3/32',
    figure: 'Fig. 10',
    description:
      'The fraction of finite-λ runs at an optimal classifier against the λ = ∞ prediction 3/32; the ODE is Prop. 9.1’s at λ = 100.',
    state: `K=4&lambda=100&${run}`,
    view: 'view=basins&nr=200',
  },
  {
    id: 'prop93',
    title: 'The 39 fixed sets of Prop. 9.3',
    figure: 'Prop. 9.3',
    description:
      'K = 4, α = 0.1: 24 optimal points stable; the origin (left at rate 1/8 − α) and the 14 sets with an empty class unstable.',
    state: `K=4&${run}`,
    view: 'view=portrait',
  },
  {
    id: 'fig11',
    title: 'Diffusion on the quarter-rings (Prop. 5.1)',
    figure: 'Fig. 11 (λ = ∞)',
    description:
      'N = 250, α = 0.1 from the product of quarter-rings: the μ ring’s radial offset is an OU process (variance → 0.125), rank one within the ring.',
    state: 'K=4&alpha=0.1&cdelta=1&init=rings&theta=0.5236&n=250&seed=1&T=100',
    view: 'view=fluctuation&nr=64',
  },
  ...[6, 8].map((K) => ({
    id: `fig-k${K}`,
    title: `K = ${K}: optimal from ${(100 * xorGoodStartProbability(K)).toFixed(1)} % of starts`,
    figure: 'Section 5.1, (5.2)',
    description: `Random starts reach an optimal classifier with probability (5.2) = ${xorGoodStartProbability(K).toPrecision(3)} for K = ${K}.`,
    state: `K=${K}&${run}`,
    view: 'view=basins&nr=200',
  })),
];
