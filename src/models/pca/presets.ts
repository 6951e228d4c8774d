/**
 * Paper figures as state strings. Figs. 1–5 use c_δ = 1 and random starts x₀ ~ N(0, I/n); 10n
 * steps are T = 10 in t = steps·δ. The k = 3 pair starts either side of m† (λ = 4: m† = 0.296,
 * m* = 1) to show the barrier of Prop. 3.2 / Remark 3.
 */
import type { Preset } from '../../core/model';

const fig1 = 'k=2&cdelta=1&init=random&r0=1&scaling=fixed&n=1500&seed=1&T=10';
const figs2to5 = 'k=2&cdelta=1&init=random&r0=1&scaling=fixed&n=2000&seed=1';
const barrier = 'k=3&lambda=4&cdelta=1&init=informed&r0=1&scaling=fixed&n=2000&seed=1&T=3';

export const pcaPresets: Preset[] = [
  {
    id: 'fig1a',
    title: 'λ = 0.8: stable OU',
    figure: 'Fig. 1(a)',
    description: 'λ < λc = 1: √n·m is a stable OU process, variance → 1/(1 − λ) = 5 (Prop. 3.3).',
    state: `lambda=0.8&${fig1}`,
    view: 'view=fluctuation&nr=200',
  },
  {
    id: 'fig1b',
    title: 'λ = 0.8: (m, r⊥²) portrait',
    figure: 'Fig. 1(b)',
    description: 'r⊥² → cδ = 1 while m stays in the O(1/√n) window of the stable point (0, 1).',
    state: `lambda=0.8&${fig1}`,
    view: 'view=portrait',
  },
  {
    id: 'fig1c',
    title: 'λ = 1.2: unstable OU',
    figure: 'Fig. 1(c)',
    description: 'λ > 1: √n·m grows like exp(4(λ−1)t) until m leaves the equator (Prop. 3.3).',
    state: `lambda=1.2&${fig1}`,
    view: 'view=fluctuation',
  },
  {
    id: 'fig1d',
    title: 'λ = 1.2: (m, r⊥²) portrait',
    figure: 'Fig. 1(d)',
    description: 'The run escapes to (±m*, 1) with m*² = λ − cδ = 0.2 (Prop. 3.2).',
    state: `lambda=1.2&${fig1}`,
    view: 'view=portrait',
  },
  {
    id: 'fig2-3',
    title: 'λ near 1: (m, r⊥²) and m(t)',
    figure: 'Figs. 2–3',
    description: 'n = 2000, 10n steps; the ODE overlay for λ = 0.9 … 1.3 (from run 0’s start).',
    state: `lambda=1.1&${figs2to5}&T=10`,
    view: 'ov=lambda:0.9,1,1.1,1.2,1.3',
  },
  {
    id: 'fig4-stable',
    title: 'λ = 0.9: √n-window, stable',
    figure: 'Fig. 4(a)–(b)',
    description: '1.5n steps zoomed to the O(1/√n) window of m = 0: a stable OU process.',
    state: `lambda=0.9&${figs2to5}&T=1.5`,
    view: 'view=fluctuation&nr=200',
  },
  {
    id: 'fig4-unstable',
    title: 'λ = 1.3: √n-window, unstable',
    figure: 'Fig. 4(c)–(d)',
    description: '1.5n steps zoomed to the O(1/√n) window of m = 0: an unstable OU process.',
    state: `lambda=1.3&${figs2to5}&T=1.5`,
    view: 'view=fluctuation&nr=200',
  },
  {
    id: 'fig5',
    title: 'r⊥²(t) for λ near 1',
    figure: 'Fig. 5',
    description: 'r⊥² relaxes to cδ at rate 8 whatever λ; √n(r⊥² − 1) is a stable OU (3.5).',
    state: `lambda=1.1&${figs2to5}&T=10`,
  },
  {
    // fl=r2: the fluctuation view's radial spec (fluctuations.ts), as `cli fluctuation --series r2`.
    id: 'fig5-radial',
    title: '√n(r⊥² − cδ): the radial OU of (3.5)',
    figure: '(3.5), Fig. 5',
    description:
      'λ = 0.9 (m stays at the equator): √n(r⊥² − 1) relaxes at rate 4k = 8 to variance 2k = 4 (printed (3.5): 4k², variance ¼).',
    state: `lambda=0.9&${figs2to5}&T=10`,
    view: 'view=fluctuation&tab=fluctuation&fl=r2&nr=200',
  },
  {
    id: 'k3-below',
    title: 'k = 3 barrier: start below m†',
    figure: 'Prop. 3.2, Remark 3',
    description:
      'λ = 4 > λc(3) = 3.08, m0 = 0.25 < m† = 0.296: the warm start still falls to m = 0.',
    state: `${barrier}&m0=0.25`,
  },
  {
    id: 'k3-above',
    title: 'k = 3 barrier: start above m†',
    figure: 'Prop. 3.2, Remark 3',
    description: 'λ = 4, m0 = 0.35 > m† = 0.296: the run climbs to m* = 1.',
    state: `${barrier}&m0=0.35`,
  },
  {
    id: 'k3-bifurcation',
    title: 'k = 3 barrier by continuation',
    figure: 'Prop. 3.2, by continuation',
    description:
      'k = 3: (m, r⊥²) continued in λ from the informed state at λ = 4; the stable and the barrier (saddle) branches meet at the fold λc(3).',
    state: `${barrier}&m0=0.35`,
    view: 'tab=bifurcation&ba=lambda:0.5:6',
  },
  {
    id: 'tensor-k3',
    title: 'Tensor PCA, λₙ = Λ√n',
    figure: '(3.3)',
    description:
      'k = 3 with λₙ = Λ√n, Λ = 1: the barrier √n·m† = cδ²/Λ sits at the initial spread of √n·m.',
    state: 'k=3&lambda=1&scaling=tensor&cdelta=1&init=random&r0=1&n=2000&seed=1&T=5',
  },
  {
    id: 'ridge-k2',
    title: 'Ridge α = 1, k = 2',
    figure: '§7.1',
    description:
      'L + (α/2)‖x‖²: the equator moves to r⊥² = cδ − α/4 = 0.75 (printed: cδ − α/2); λ = 1.5 escapes to R² = λ − α/4.',
    state:
      'k=2&lambda=1.5&cdelta=1&alpha=1&init=informed&m0=0.02&r0=1&scaling=fixed&n=2000&seed=1&T=10',
    view: 'view=portrait',
  },
  {
    id: 'ridge-alphac',
    title: 'Ridge past αc(2) = 4cδ',
    figure: '§7.1, αc(k)',
    description: 'α = 4.2 > αc(2) = 4cδ (printed: 2cδ): no equator, x collapses to the origin.',
    state:
      'k=2&lambda=0.5&cdelta=1&alpha=4.2&init=informed&m0=0.02&r0=1&scaling=fixed&n=2000&seed=1&T=5',
  },
  {
    id: 'ridge-k3',
    title: 'Ridge α = 1.4 < αc(3) = 1.5, k = 3',
    figure: '§7.1, αc(k)',
    description:
      'Two equator roots of 3u(2 − 2u) = α: from r⊥² = 0.9 the run settles on the upper (stable) one, 0.63.',
    state:
      'k=3&lambda=1&cdelta=1&alpha=1.4&init=informed&m0=0&r0=0.9&scaling=fixed&n=2000&seed=1&T=10',
    view: 'view=portrait',
  },
];
