/**
 * Every figure of Ben Arous–Gheissari–Jagannath's Section 3 (spiked matrix/tensor PCA) and the
 * section's other results, with the preset that opens each (CLI `presets`).
 */
import type { PaperFigure } from '../../core/model';

export const pcaFigures: PaperFigure[] = [
  { figure: 'Fig. 1(a)', caption: 'λ = 0.8: √n·m, a stable OU process', preset: 'fig1a' },
  { figure: 'Fig. 1(b)', caption: 'λ = 0.8: trajectories in (m, r⊥²)', preset: 'fig1b' },
  { figure: 'Fig. 1(c)', caption: 'λ = 1.2: √n·m, an unstable OU process', preset: 'fig1c' },
  { figure: 'Fig. 1(d)', caption: 'λ = 1.2: trajectories in (m, r⊥²)', preset: 'fig1d' },
  { figure: 'Fig. 2', caption: '(m, r⊥²) for 10n steps, λ near 1, n = 2000', preset: 'fig2-3' },
  { figure: 'Fig. 3', caption: 'm(t) for 10n steps, λ near 1, n = 2000', preset: 'fig2-3' },
  {
    figure: 'Fig. 4(a)–(b)',
    caption: 'm in its O(1/√n) window, 1.5n steps: stable OU',
    preset: 'fig4-stable',
  },
  {
    figure: 'Fig. 4(c)–(d)',
    caption: 'm in its O(1/√n) window, 1.5n steps: unstable OU',
    preset: 'fig4-unstable',
  },
  { figure: 'Fig. 5', caption: 'r⊥²(t) for 10n steps: a stable OU, whatever λ', preset: 'fig5' },
  {
    figure: '(3.5)',
    caption:
      'the law of √n(r⊥² − cδ): drift −4k·cδᵏ⁻¹, variance 2k·cδ² (misprinted); CLI fluctuation --series r2',
    preset: 'fig5-radial',
  },
  {
    figure: 'Prop. 3.2, Remark 3',
    caption: 'k = 3: warm starts either side of m†',
    preset: 'k3-above',
  },
  { figure: '(3.3)', caption: 'tensor PCA at λₙ = Λ√(nᵏ⁻²)', preset: 'tensor-k3' },
  {
    figure: '§7.1',
    caption: 'the ridge-penalised loss: the equator at cδ − α/4 (k = 2)',
    preset: 'ridge-k2',
  },
  { figure: '§7.1, αc(k)', caption: 'past αc(2) = 4cδ: no equator', preset: 'ridge-alphac' },
  {
    figure: '§7.1, αc(k)',
    caption: 'k = 3 below αc(3) = 1.5: two equator roots',
    preset: 'ridge-k3',
  },
];
