/** Paper figures as state strings (Fig. 1: N = 500, τ = 0.01, ρ = η = 1; T chosen to show convergence). */
import type { Preset } from '../../core/model';

const fig1 = 'tau=0.01&rho=1&eta=1&lambda=0&init=random&n=500&seed=1&T=1500';

export const vaePresets: Preset[] = [
  {
    id: 'fig1-matched',
    title: 'Matched, β = 0.5',
    figure: 'Fig. 1 (M = M* = 1)',
    description: 'M = M* = 1: ε_g falls to the fixed point of Theorem 5.1 (small τ).',
    state: `${fig1}&M=1&Mstar=1&beta=0.5`,
  },
  {
    id: 'fig1-collapse',
    title: 'Posterior collapse, β = 2.5',
    figure: 'Fig. 1 (M = M* = 1)',
    description: 'β above ρ + η = 2: the posterior collapses, m → 0 and ε_g → ρ.',
    state: `${fig1}&M=1&Mstar=1&beta=2.5`,
  },
  {
    id: 'fig1-mismatched',
    title: 'Mismatched, β = 0.5',
    figure: 'Fig. 1 (M = 2, M* = 1)',
    description: 'A superfluous latent: E12 rises, then decays to 0.',
    state: `${fig1}&M=2&Mstar=1&beta=0.5`,
  },
  {
    id: 'fig3-tanh',
    title: 'tanh KL annealing',
    figure: 'Fig. 3',
    description: 'β(t) = tanh(γt), Eq. (17): the same end point as constant β = 1, reached faster.',
    state:
      'tau=0.1&rho=1&eta=1&M=1&Mstar=1&anneal=tanh&gamma=0.05&betaTarget=1&init=informed&m0=0.2&n=500&seed=1&T=300',
  },
];
