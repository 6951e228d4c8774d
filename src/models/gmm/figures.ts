/**
 * Every figure of Ben Arous–Gheissari–Jagannath's Section 4 (two-layer net, binary Gaussian
 * mixture), with the preset that opens each (CLI `presets`).
 */
import type { PaperFigure } from '../../core/model';

export const gmmFigures: PaperFigure[] = [
  {
    figure: 'Fig. 6',
    caption: 'end points (m1, m2) of 500 runs, N = 500, α = 0.1, λ = 100',
    preset: 'fig6-lambda100',
  },
  { figure: 'Fig. 6', caption: 'the same at λ = 10', preset: 'fig6-lambda10' },
  { figure: 'Fig. 6', caption: 'the λ = ∞ limit (Prop. 4.2)', preset: 'fig6-inf' },
  { figure: 'Fig. 7', caption: 'the fraction of runs ending with m1·m2 < 0 (½)', preset: 'fig7' },
  {
    figure: 'Fig. 8(a)–(c)',
    caption: 'diffusive limits near the quarter-circle, N = 250, λ = 100',
    preset: 'fig8',
  },
  {
    figure: 'Prop. 4.3',
    caption: 'the λ = ∞ diffusive limit on the quarter-circle (sign corrected)',
    preset: 'fig8-inf',
  },
];
