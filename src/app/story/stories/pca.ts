/** The spiked PCA story (Ben Arous, Gheissari & Jagannath): the k = 3 barrier at m†. */
import { presetScene, type ShippedStory } from './preset';

export const pcaStory: ShippedStory = {
  id: 'pca',
  model: 'pca',
  title: 'Spiked PCA: the k = 3 barrier',
  scenes: [
    presetScene(
      'pca',
      'fig2-3',
      'show=trajectories,portrait&ctl=lambda',
      'Matrix PCA, {k} (Figs. 2–3): above $\\lambda = c_\\delta$ the correlation $m$ escapes from a random start and grows; the overlay draws $\\lambda = 0.9$ to $1.3$.',
    ),
    presetScene(
      'pca',
      'k3-below',
      'show=trajectories,portrait&ctl=m0,lambda',
      'Tensor PCA, {k}, {lambda} (Prop. 3.2): a warm start {m0} below the saddle $m^\\dagger \\approx 0.296$ falls back to the equator $m = 0$.',
    ),
    presetScene(
      'pca',
      'k3-above',
      'show=trajectories,portrait&ctl=m0,lambda',
      'The same with {m0}, just above $m^\\dagger$: now $m$ climbs to the stable $m^* = 1$. For $k \\geq 3$ the barrier is there however large $\\lambda$ is.',
    ),
    presetScene(
      'pca',
      'k3-bifurcation',
      'show=bifurcation,portrait&ctl=lambda',
      'The fixed points against $\\lambda$ at {k}: $m^\\dagger$ (the lower branch) and $m^*$ (the upper) are born together in a fold (LP); below it only the equator $m = 0$ is left, and at {lambda} a start must clear $m^\\dagger$.',
    ),
  ],
};
