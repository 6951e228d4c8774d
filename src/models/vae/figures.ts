/**
 * Every figure of Ichikawa & Hukushima, "Learning Dynamics in Linear VAE" (it has no tables), with
 * the preset that opens it (CLI `presets`). Checks against the paper: docs/models/vae.md.
 */
import type { PaperFigure } from '../../core/model';

export const vaeFigures: PaperFigure[] = [
  {
    figure: 'Fig. 1 (matched, left and middle)',
    caption: 'M = M* = 1: εg, m and Q against t for β = 0.5, 1, 1.5 (τ = 0.01, N = 500, 5 runs)',
    preset: 'fig1-matched',
  },
  {
    figure: 'Fig. 1 (matched, β > ρ + η)',
    caption: 'the plateau that never ends: posterior collapse at β = 2.5',
    preset: 'fig1-collapse',
  },
  {
    figure: 'Fig. 1 (mismatched, left to right)',
    caption: 'M = 2, M* = 1: εg, m, Q and E₁₂ against t (E₁₂ rises, peaks, decays)',
    preset: 'fig1-mismatched',
  },
  {
    figure: 'Fig. 2 (solid)',
    caption: 'settled εg against β, model-matched (Theorem 5.1)',
    preset: 'fig2-matched',
  },
  {
    figure: 'Fig. 2 (dashed)',
    caption: 'settled εg against β, model-mismatched (Theorem 5.3)',
    preset: 'fig2-mismatched',
  },
  {
    figure: 'Fig. 3 (top)',
    caption: 'εg and β(t) with tanh annealing beside constant β = 1 (τ = 1)',
    preset: 'fig3-tanh',
  },
  {
    figure: 'Fig. 3 (bottom)',
    caption: 'time to ε* + 0.001 against the tanh annealing rate γ (the scan of the same preset)',
    preset: 'fig3-tanh',
  },
  ...(
    [
      ['left', 'ρ = 0.5, η = 1.5'],
      ['middle', 'ρ = η = 1'],
      ['right', 'ρ = 1.95, η = 0.05'],
    ] as const
  ).flatMap(([panel, setting]) => [
    {
      figure: `Fig. 4 (${panel})`,
      caption: `max eigenvalue of the Jacobian at the stable point against β, ${setting}, model-matched`,
      preset: `fig4-${panel}`,
    },
    {
      figure: `Fig. 4 (${panel}, mismatched)`,
      caption: `the same, ${setting}, M = 2, M* = 1 (zero at β = η and at β = ρ + η)`,
      preset: `fig4-${panel}-mismatched`,
    },
  ]),
  {
    figure: 'Fig. 4 (middle), by continuation',
    caption:
      'the leading eigenvalue along the continued branches against β, ρ = η = 1: zero at the branch point β = ρ + η',
    preset: 'fig4-bifurcation',
  },
  {
    figure: 'Fig. 5 (top)',
    caption: 'εg and β(t) with linear, tanh and no annealing at τ = 0.001',
    preset: 'fig5-linear',
  },
  {
    figure: 'Fig. 5 (top, tanh)',
    caption: 'the tanh curve of Fig. 5 at its optimal γ',
    preset: 'fig5-tanh',
  },
  {
    figure: 'Fig. 5 (bottom)',
    caption: 'time to ε* + 0.001 against γ for linear annealing (the tanh scan: preset fig5-tanh)',
    preset: 'fig5-linear',
  },
];
