/**
 * Every figure and table of Wang, Hu & Lu (2019), with the preset that opens it (CLI `presets`).
 * Checks of each against the paper's numbers: docs/models/gan.md.
 */
import type { PaperFigure } from '../../core/model';

export const ganFigures: PaperFigure[] = [
  {
    figure: 'Fig. 1(a)',
    caption: 'd = 2, η = 2: success, both features learned in turn, q → 0',
    preset: 'fig1a',
  },
  {
    figure: 'Fig. 1(b)',
    caption: 'd = 2, η = 1: oscillation (left inequality of (15) fails)',
    preset: 'fig1b',
  },
  {
    figure: 'Fig. 1(c)',
    caption: 'd = 2, η = 4: mode collapse (τη̄² > Λ₂), only feature 1 learned',
    preset: 'fig1c',
  },
  {
    figure: 'Fig. 2',
    caption: 'the microscopic cloud (√n V, √n w) at t = 0, 10, 100, 150 with the PDE (12) ellipses',
    preset: 'fig2',
  },
  {
    figure: 'Fig. 3(a)',
    caption: 'the five fixed-point types of Table 1 in (P, q, r), as P–q, P–r and q–r projections',
    preset: 'fig3a-pq',
  },
  {
    figure: 'Fig. 3(a), P–r projection',
    caption: 'the same fixed points on the P–r plane',
    preset: 'fig3a-pr',
  },
  {
    figure: 'Fig. 3(a), q–r projection',
    caption: 'the same fixed points on the q–r plane',
    preset: 'fig3a-qr',
  },
  {
    figure: 'Fig. 3(b)',
    caption: 'd = 1 phase diagram in (τ, τ̃/τ) with every boundary of Table 1 and the variation',
    preset: 'fig3b',
  },
  {
    figure: 'Fig. 3(b), by continuation',
    caption:
      'the vertical τ = 0.3 of Fig. 3(b) as a bifurcation diagram in α = τ̃/τ: Hopf, branch points and fold on its lines',
    preset: 'fig3b-bifurcation',
  },
  {
    figure: 'Table 1',
    caption:
      "the fixed points of (13) for d = 1, Λ = Λ̃: location, existence, stability (the fixed-points command; Type 2's bound is α ≤ β(τ))",
    preset: 'fig3a-pq',
  },
  {
    figure: 'Fig. 4(a)',
    caption: 'd = 1, τ̃ = 0.03: info-1, two time scales',
    preset: 'fig4a',
  },
  {
    figure: 'Fig. 4(b)',
    caption: 'd = 1, τ̃ = 0.2: oscillating, first limit cycle',
    preset: 'fig4b',
  },
  {
    figure: 'Fig. 4(c)',
    caption: 'd = 1, τ̃ = 0.4: oscillating, second limit cycle',
    preset: 'fig4c',
  },
  {
    figure: 'Fig. 4(d)',
    caption: 'd = 1, τ̃ = 0.47: info-2, a stable type-5 point',
    preset: 'fig4d',
  },
  {
    figure: 'Fig. 5',
    caption: 'd = 2 phase diagram in (τ, τ̃/τ) from the stable fixed points, with the lines of (15)',
    preset: 'fig5',
  },
];
