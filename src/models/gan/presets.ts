/**
 * Paper figures as state strings. Fig. 1 uses the setting of Section 3.1, with its n = 5000 (and
 * so does Fig. 5, drawn in that setting); Fig. 2 the n = 10000 of its caption. Fig. 4 gives neither
 * n nor Λ: n = 2000, and Λ = Λ̃ = 1.2 puts its four step sizes in the four phases the caption
 * names (info-1, two oscillating, info-2): docs/models/gan.md.
 */
import type { Preset } from '../../core/model';

const fig1 =
  'tau=0.2&taut=0.04&lambda=inf&d=2&Lambda=5,3&LambdaT=5,3&P0=0.1,0.1&q0=0.1,0.1&U=random&n=5000&seed=1&T=600';
const fig4 = (taut: number) =>
  `tau=0.3&taut=${taut}&eta=1&lambda=inf&d=1&Lambda=FIG4&LambdaT=FIG4&P0=0.1&q0=0.1&U=random&n=2000&seed=1&T=1000`;

export const FIG4_LAMBDA = 1.2;

export const ganPresets: Preset[] = [
  {
    id: 'fig1a',
    title: 'Success',
    figure: 'Fig. 1(a)',
    description: 'η = 2: the generator learns both features one after the other; q returns to 0.',
    state: `${fig1}&eta=2`,
  },
  {
    id: 'fig1b',
    title: 'Oscillation',
    figure: 'Fig. 1(b)',
    description:
      'η = 1: too little noise; the left inequality of (15) fails and q keeps oscillating.',
    state: `${fig1}&eta=1`,
  },
  {
    id: 'fig1c',
    title: 'Mode collapse',
    figure: 'Fig. 1(c)',
    description: 'η = 4: too much noise; τη̄² > Λ₂, so only the stronger feature is learned.',
    state: `${fig1}&eta=4`,
  },
  {
    id: 'fig2',
    title: 'Microscopic cloud',
    figure: 'Fig. 2',
    description:
      'd = 1 with a constant U = 1/√n, n = 10000: the cloud (√n V, √n w) follows the PDE (12).',
    state:
      'tau=0.2&taut=0.04&eta=2&lambda=inf&d=1&Lambda=5&LambdaT=5&P0=0.1&q0=0.1&U=constant&n=10000&seed=1&T=150',
  },
  {
    id: 'fig4a',
    title: 'Info-1',
    figure: 'Fig. 4(a)',
    description: 'd = 1, τ̃ = 0.03: two time scales; D learns first, then G fools it (q → 0).',
    state: fig4(0.03),
  },
  {
    id: 'fig4b',
    title: 'Oscillating (1)',
    figure: 'Fig. 4(b)',
    description: 'd = 1, τ̃ = 0.2: no stable fixed point; a limit cycle around P = ±1.',
    state: fig4(0.2),
  },
  {
    id: 'fig4c',
    title: 'Oscillating (2)',
    figure: 'Fig. 4(c)',
    description: 'd = 1, τ̃ = 0.4: the second kind of limit cycle.',
    state: fig4(0.4),
  },
  {
    id: 'fig4d',
    title: 'Info-2',
    figure: 'Fig. 4(d)',
    description: 'd = 1, τ̃ = 0.47: a stable type-5 fixed point with P, q, r ≠ 0.',
    state: fig4(0.47),
  },
  {
    id: 'fig3b',
    title: 'Phase diagram, d = 1',
    figure: 'Fig. 3(b)',
    description:
      'd = 1, η = 1, Λ = Λ̃ = 1.2 in the (τ, τ̃/τ) plane: noninfo-1/2, info-1/2 and oscillating, Table 1 lines, Fig. 4 marked.',
    state: fig4(0.15),
    view: 'dn=40',
  },
  {
    id: 'fig3b-bifurcation',
    title: 'Bifurcation diagram against α, d = 1',
    figure: 'Fig. 3(b), by continuation',
    description:
      "Fig. 3(b)'s setting at τ = 0.3 (τ̃ = 0.2): (P, q, r) continued in α = τ̃/τ; the Hopf point on the q = r = 0 line, the branch points and the type-5 fold are where the vertical τ = 0.3 crosses Table 1's lines. The oscillating phase's stable cycles (dotted) start at the Hopf point and end in a homoclinic loop at α ≈ 1.115.",
    state: fig4(0.2),
    view: 'tab=bifurcation&ba=alpha:0.1:4&by=q1',
  },
  {
    id: 'fig5',
    title: 'Phase diagram, d = 2',
    figure: 'Fig. 5',
    description:
      "Fig. 1's setting (d = 2, η = 2) in the (τ, τ̃/τ) plane, with the two inequalities of (15) as lines.",
    state: `${fig1.replace('tau=0.2&', 'tau=0.3&')}&eta=2`,
    view: 'dn=30',
  },
  // Fig. 3(a): the five types of Table 1 in (P, q, r), as three linked 2-D projections of the
  // portrait (the same state, so the same fixed points). Fig. 4(d)'s step sizes have all five types:
  // type 2 exists since α = 1.57 ≥ 1 + τ/Λ, type 4 since τ < Λ, and type 5 is the stable focus.
  ...(
    [
      ['P11', 'q1', 'P–q'],
      ['P11', 'r1', 'P–r'],
      ['q1', 'r1', 'q–r'],
    ] as const
  ).map(([x, y, plane]) => ({
    id: `fig3a-${x[0]}${y[0]}`.toLowerCase(),
    title: `Fixed points, ${plane} plane`,
    figure: 'Fig. 3(a)',
    description: `The five fixed-point types of Table 1 (d = 1, τ = 0.3, τ̃ = 0.47), projected on the ${plane} plane.`,
    state: fig4(0.47),
    view: `x=${x}&y=${y}`,
  })),
].map((p) => ({ ...p, state: p.state.replaceAll('FIG4', String(FIG4_LAMBDA)) }));
