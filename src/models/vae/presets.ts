/**
 * Paper figures as state strings (Fig. 1: N = 500, τ = 0.01, ρ = η = 1, five SGD runs, ε_g for
 * β = 0.5, 1, 1.5 overlaid; T chosen to show convergence). Fig. 3: τ = 1, ρ = η = 1, λ = 0 as in
 * its caption, with γ at the optimum of its own convergence-time scan (the scan shown beside).
 */
import type { Preset } from '../../core/model';

// Q0 = 0.01: a decoder started at small norm, under the plateau's Q ≈ 0.22, so that ε_g first rises
// (the early peak of Fig. 1 for small β) before m escapes (docs/models/vae.md).
const fig1 = 'tau=0.01&rho=1&eta=1&lambda=0&init=random&Q0=0.01&n=500&seed=1&T=1500';
/** Figs. 2, 4 and 5: τ = 0.001 (the small-τ limit of Section 5.2), λ = 0, an informed start. */
const small = 'tau=0.001&rho=1&eta=1&lambda=0&init=informed&m0=0.1&n=500&seed=1&T=200';

export const vaePresets: Preset[] = [
  {
    id: 'fig1-matched',
    title: 'Matched, β = 0.5',
    figure: 'Fig. 1 (M = M* = 1)',
    description:
      'M = M* = 1, decoder started small (Q₀ = 0.01): εg peaks early (less for larger β), then falls to Theorem 5.1.',
    state: `${fig1}&M=1&Mstar=1&beta=0.5`,
    view: 'runs=5&ov=beta:0.5,1,1.5',
  },
  {
    id: 'fig1-collapse',
    title: 'Posterior collapse, β = 2.5',
    figure: 'Fig. 1 (M = M* = 1)',
    description: 'β above ρ + η = 2: the posterior collapses, m → 0 and εg → ρ.',
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
  // Fig. 2: the settled ε_g against β at small τ (the τ → 0 limit of Theorems 5.1 and 5.3),
  // from an informed start so that no plateau has to be escaped.
  {
    id: 'fig2-matched',
    title: 'Settled εg against β, matched',
    figure: 'Fig. 2 (solid)',
    description:
      'M = M* = 1, τ = 0.001: εg* of Theorem 5.1 against β, least at β = η, ρ beyond β = ρ + η.',
    state: `${small}&M=1&Mstar=1&beta=1`,
    view: 'sc=beta',
  },
  {
    id: 'fig2-mismatched',
    title: 'Settled εg against β, mismatched',
    figure: 'Fig. 2 (dashed)',
    description:
      'M = 2, M* = 1, τ = 0.001: Theorem 5.3, the superfluous latent adds η − β below β = η.',
    state: `${small}&M=2&Mstar=1&beta=1`,
    view: 'sc=beta',
  },
  // Fig. 4: the leading eigenvalue (λ/τ) at the stable point against β for (ρ, η) of each panel,
  // model-matched and model-mismatched.
  ...(
    [
      ['left', 0.5, 1.5],
      ['middle', 1, 1],
      ['right', 1.95, 0.05],
    ] as const
  ).flatMap(([panel, rho, eta]) =>
    [false, true].map((mismatched) => ({
      id: `fig4-${panel}${mismatched ? '-mismatched' : ''}`,
      title: `Max eigenvalue, ρ = ${rho}, η = ${eta}${mismatched ? ', M = 2' : ''}`,
      figure: `Fig. 4 (${panel}${mismatched ? ', mismatched' : ''})`,
      description: mismatched
        ? `M = 2, M* = 1: λₘₐₓ/τ of the stable point against β; 0 at β = η (marginal, Theorem 5.3) and at β = ρ + η.`
        : `M = M* = 1: λₘₐₓ/τ of the stable point against β; 0 at β = ρ + η = 2, Theorem 5.4's Jₘₐₓ/τ at β = 1.`,
      state: `${small.replace('rho=1&eta=1', `rho=${rho}&eta=${eta}`)}&M=${mismatched ? 2 : 1}&Mstar=1&beta=1.5`,
      view: 'sc=fig4',
    })),
  ),
  {
    id: 'fig4-bifurcation',
    title: 'Leading eigenvalue by continuation',
    figure: 'Fig. 4 (middle), by continuation',
    description:
      'ρ = η = 1, M = M* = 1: the leading eigenvalue (λ, not λ/τ) along every branch against β; the stable branch crosses 0 at the branch point β = ρ + η = 2.',
    state: `${small}&M=1&Mstar=1&beta=1.5`,
    view: 'tab=bifurcation&ba=beta:0.2:3&by=leading',
  },
  // Fig. 5 (τ = 0.001): linear annealing β(t) = γt (Eq. (2) from β = 0, ε = γ/N with N = 500)
  // and tanh annealing, each at the fastest rate of its own scan.
  {
    id: 'fig5-linear',
    title: 'Linear KL annealing',
    figure: 'Fig. 5 (linear)',
    description:
      'β(t) = γt up to 1 at γ = 1.34e-4, the fastest rate of the scan: 10% sooner than constant β = 1.',
    state: `${small}&M=1&Mstar=1&anneal=linear&beta=0&eps=2.68e-7&betaTarget=1&T=20000`,
    view: 'sc=gamma-linear',
  },
  {
    id: 'fig5-tanh',
    title: 'tanh KL annealing, τ = 0.001',
    figure: 'Fig. 5 (tanh)',
    description:
      'β(t) = tanh(γt) at γ = 2.4e-4, the fastest rate of the scan, just above −Jₘₐₓ/2 = 1.9e-4.',
    state: `${small}&M=1&Mstar=1&anneal=tanh&gamma=2.4e-4&betaTarget=1&T=20000`,
    view: 'sc=fig5-tanh',
  },
];
