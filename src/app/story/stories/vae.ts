/** The β-VAE story (Ichikawa & Hukushima): posterior collapse as β crosses ρ + η, then KL annealing. */
import { presetScene, type ShippedStory } from './preset';

export const vaeStory: ShippedStory = {
  id: 'vae',
  model: 'vae',
  title: 'A linear β-VAE: posterior collapse and KL annealing',
  scenes: [
    presetScene(
      'vae',
      'fig1-matched',
      'show=trajectories,portrait&ctl=beta,rho,eta',
      'Below the threshold (Fig. 1): at {beta} with {rho} and {eta}, $\\beta < \\rho + \\eta$ and $\\varepsilon_g$ leaves its plateau; the overlay draws $\\beta = 0.5, 1, 1.5$.',
    ),
    presetScene(
      'vae',
      'fig1-collapse',
      'show=trajectories,portrait&ctl=beta,rho,eta',
      'Posterior collapse: at {beta}, past $\\rho + \\eta$, the plateau never ends — the encoder overlap $m$ stays at 0 and the latent carries no information.',
    ),
    presetScene(
      'vae',
      'fig4-bifurcation',
      'show=bifurcation&ctl=beta',
      'Why (Fig. 4): the leading eigenvalue of the Jacobian along the continued branches against $\\beta$, at {rho} and {eta}: it reaches 0 at the branch point $\\beta = \\rho + \\eta$.',
    ),
    presetScene(
      'vae',
      'fig3-tanh',
      'show=trajectories&ctl=gamma',
      'KL annealing (Fig. 3): $\\beta(t)$ (dotted) rises as a tanh at rate {gamma} to {betaTarget}, so training starts at a small $\\beta$; the overlay draws $\\varepsilon_g$ for $\\gamma = 0.03, 0.3, 3$: the rate sets how soon it settles.',
    ),
  ],
};
