/**
 * Paper figures as state strings (Fig. 1: N = 500, τ = 0.01, ρ = η = 1, five SGD runs, ε_g for
 * β = 0.5, 1, 1.5 overlaid; T chosen to show convergence). Fig. 3: τ = 1, ρ = η = 1, λ = 0 as in
 * its caption, with γ at the optimum of its own convergence-time scan (the scan shown beside).
 */
import type { Preset } from '../../core/model';

const fig1 = 'tau=0.01&rho=1&eta=1&lambda=0&init=random&n=500&seed=1&T=1500';

export const vaePresets: Preset[] = [
  {
    id: 'fig1-matched',
    title: 'Matched, β = 0.5',
    figure: 'Fig. 1 (M = M* = 1)',
    description: 'M = M* = 1: ε_g falls to the fixed point of Theorem 5.1 (small τ).',
    state: `${fig1}&M=1&Mstar=1&beta=0.5`,
    view: 'runs=5&ov=beta:0.5,1,1.5',
  },
  {
    id: 'fig1-collapse',
    title: 'Posterior collapse, β = 2.5',
    figure: 'Fig. 1 (M = M* = 1)',
    description: 'β above ρ + η = 2: the posterior collapses, m → 0 and ε_g → ρ.',
    state: `${fig1}&M=1&Mstar=1&beta=2.5`,
    view: 'runs=5',
  },
  {
    id: 'fig1-mismatched',
    title: 'Mismatched, β = 1',
    figure: 'Fig. 1 (M = 2, M* = 1)',
    description: 'A superfluous latent: E12 rises, peaks near t ≈ 1000, then decays to 0.',
    // Seed 2's random start has a small E12(0), so the rise is clear; T long enough for the decay.
    state: 'tau=0.01&rho=1&eta=1&lambda=0&init=random&n=500&seed=2&T=4000&M=2&Mstar=1&beta=1',
    view: 'runs=5&ov=beta:0.5,1,1.5',
  },
  {
    id: 'fig3-tanh',
    title: 'tanh KL annealing',
    figure: 'Fig. 3',
    description:
      'β(t) = tanh(γt), Eq. (17), at the fastest γ of the scan: the end point of constant β = 1, reached sooner.',
    state:
      'tau=1&rho=1&eta=1&lambda=0&M=1&Mstar=1&anneal=tanh&gamma=0.3&betaTarget=1&init=informed&m0=0.1&n=500&seed=1&T=60',
    view: 'sc=gamma&ov=gamma:0.03,0.3,3',
  },
];
