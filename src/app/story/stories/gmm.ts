/** The GMM story (Ben Arous, Gheissari & Jagannath): where random starts of a two-layer net end. */
import { presetScene, type ShippedStory } from './preset';

export const gmmStory: ShippedStory = {
  id: 'gmm',
  model: 'gmm',
  title: 'A two-layer net on a Gaussian mixture: basins',
  scenes: [
    presetScene(
      'gmm',
      'fig6-lambda100',
      'show=basins,portrait&ctl=lambda',
      'Random starts (Fig. 6): at {lambda} and {alpha}, each dot is where one SGD run ends in $(m_1, m_2)$, each circle where the ODE from the same start ends.',
    ),
    presetScene(
      'gmm',
      'fig7',
      'show=basins,trajectories&ctl=lambda',
      'The fraction of runs per basin (Fig. 7) against the prediction: about half end with $m_1 m_2 < 0$.',
    ),
  ],
};
