/**
 * Every figure of Meng–Wang's paper and supplement, with the preset that opens each (CLI
 * `presets`). Figs. 7–9 with identical Gaussian features differ from the paper's drawing on
 * purpose: docs/models/contrastive.md.
 */
import type { PaperFigure } from '../../core/model';

const schematic = 'a diagram of the network, not a result';

export const contrastiveFigures: PaperFigure[] = [
  { figure: 'Fig. 1', caption: 'the one-layer contrastive model', reason: schematic },
  { figure: 'Fig. 2(a)', caption: 'Q(t), m₂ = 0.9', preset: 'fig2a-m09' },
  {
    figure: 'Fig. 2(a)',
    caption: 'Q(t), m₂ = 1.0 (with 0.9 and 1.1 overlaid)',
    preset: 'fig2a-m10',
  },
  { figure: 'Fig. 2(a)', caption: 'Q(t), m₂ = 1.1', preset: 'fig2a-m11' },
  { figure: 'Fig. 2(b)', caption: 'h(Q) = (dQ/dt)/τ', preset: 'fig2b' },
  {
    figure: 'Fig. 3(a)',
    caption: 'two-feature phase portrait and attraction regions',
    preset: 'fig3',
  },
  { figure: 'Fig. 3(b)', caption: 'Q₁(t), Q₂(t): the smaller-m₂ feature wins', preset: 'fig3b' },
  {
    figure: 'Fig. 4',
    caption: 'settled cosine against η, independent noise',
    preset: 'fig4-independent',
  },
  {
    figure: 'Fig. 4',
    caption: 'settled cosine against η, anti-correlated noise',
    preset: 'fig4-anticorrelated',
  },
  { figure: 'Fig. 5', caption: 'the model analysed in the supplement', reason: schematic },
  { figure: 'Fig. 6(a)', caption: 'h(Q) for m₂ = 0.9', preset: 'fig6a-m09' },
  { figure: 'Fig. 6(a)', caption: 'h(Q) for m₂ = 1.0', preset: 'fig6a-m10' },
  { figure: 'Fig. 6(a)', caption: 'h(Q) for m₂ = 1.1', preset: 'fig6a-m11' },
  { figure: 'Fig. 6(b)', caption: 'Q(t) from Q₀ = 0.1', preset: 'fig6b-m10-low' },
  { figure: 'Fig. 6(b)', caption: 'Q(t) from Q₀ = 0.3', preset: 'fig2a-m10' },
  {
    figure: 'Fig. 7(a–c)',
    caption: 'the field, two identical Gaussian features (a line of fixed points here)',
    preset: 'fig7-symmetric',
  },
  {
    figure: 'Fig. 7(d–f)',
    caption: 'the field, Gaussian against three-point',
    preset: 'fig7-asymmetric',
  },
  {
    figure: 'Fig. 8(a–b)',
    caption: 'portrait, two N(0, 1) features (no signal: only Q = 0 here)',
    preset: 'fig8ab',
  },
  {
    figure: 'Fig. 8(c)',
    caption: 'portrait, two N(0, 1.1) features (a stable line here)',
    preset: 'fig8c',
  },
  {
    figure: 'Fig. 9(a)',
    caption: 'portrait, N(0, 1.1) against three-point m₂ = 1',
    preset: 'fig9a',
  },
  {
    figure: 'Fig. 9(b)',
    caption: 'portrait, N(0, 1.2) against three-point m₂ = 1.1',
    preset: 'fig9b',
  },
  { figure: 'Fig. 10(a)', caption: 'h(Q), independent noise, η = 0.1', preset: 'fig10a-eta01' },
  { figure: 'Fig. 10(a)', caption: 'h(Q), independent noise, η = 0.3', preset: 'fig10a-eta03' },
  { figure: 'Fig. 10(b)', caption: 'h(Q), anti-correlated noise', preset: 'fig10b' },
  { figure: 'Fig. 11(a)', caption: 'ReLU: h(Q) for several m₂', preset: 'relu' },
  { figure: 'Fig. 11(b)', caption: 'ReLU: h(Q) without noise', preset: 'fig11b-eta0' },
  { figure: 'Fig. 11(b)', caption: 'ReLU: h(Q), anti-correlated noise', preset: 'fig11b-eta03' },
];
