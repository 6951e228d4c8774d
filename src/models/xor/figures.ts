/**
 * Every figure of Ben Arous–Gheissari–Jagannath's Section 5 (two-layer net, XOR mixture) and
 * its other results, with the preset that opens each (CLI `presets`).
 */
import type { PaperFigure } from '../../core/model';

export const xorFigures: PaperFigure[] = [
  {
    figure: 'Fig. 9',
    caption: 'end points (μ₁, μ₂) of 500 runs, K = 4, N = 500, α = 0.1 (drawn at λ = ∞ here)',
    preset: 'fig9',
  },
  {
    figure: 'Fig. 10',
    caption: 'the fraction of runs at an optimal classifier: 3/32 (at λ = ∞ here)',
    preset: 'fig10',
  },
  {
    figure: 'Fig. 9',
    caption:
      'the same end points at λ = 100 (the paper’s λ is not printed): the literal SGD beside Prop. 9.1’s finite-λ ODE',
    preset: 'fig9-lambda100',
  },
  {
    figure: 'Fig. 10',
    caption: 'the optimal fraction at λ = 100 against 3/32 (SGD; ODE of Prop. 9.1 from each start)',
    preset: 'fig10-lambda100',
  },
  {
    figure: 'Fig. 11(a)–(d)',
    caption:
      'the diffusive limits of Prop. 5.1 near a product of quarter-rings, N = 250 (λ = ∞ here)',
    preset: 'fig11',
  },
  {
    figure: 'Fig. 11 at finite λ',
    caption: 'the same at λ = 100 and 1000',
    reason:
      'the λ = ∞ law of Prop. 5.1 is the only one derived; at finite λ the fluctuation view has no law to draw',
  },
  {
    figure: 'Prop. 9.3',
    caption: 'the 39 connected fixed sets for K = 4, 24 stable',
    preset: 'prop93',
  },
  { figure: '(5.2)', caption: 'the optimal fraction for K = 6', preset: 'fig-k6' },
  { figure: '(5.2)', caption: 'the optimal fraction for K = 8', preset: 'fig-k8' },
];
