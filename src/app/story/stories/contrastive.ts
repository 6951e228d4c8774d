/** The contrastive story (Meng & Wang): learnability of one feature, then feature selection. */
import { presetScene, type ShippedStory } from './preset';

export const contrastiveStory: ShippedStory = {
  id: 'contrastive',
  model: 'contrastive',
  title: 'Contrastive learning: which feature is learned',
  scenes: [
    presetScene(
      'contrastive',
      'fig2a-m10',
      'show=trajectories,rate&ctl=tau,batch',
      'One feature (Fig. 2): at {tau} whether $Q$ grows depends on the second moment $m_2$ of the feature; the overlay draws $m_2 = 0.9, 1, 1.1$ from {q0}, and the rate $h(Q)$ shows why.',
    ),
    presetScene(
      'contrastive',
      'fig3b',
      'show=trajectories,portrait&ctl=tau',
      'Two features (Fig. 3(b)): at {tau} both $Q_1$ and $Q_2$ start near 0, and the feature with the smaller $m_2$ wins while the other decays: contrastive learning selects features.',
    ),
    presetScene(
      'contrastive',
      'fig3',
      'show=portrait,trajectories&ctl=tau',
      'Where each start ends (Fig. 3(a)): the attraction regions on the $(Q_1, Q_2)$ plane, on log axes; the initial state decides which feature is learned.',
    ),
  ],
};
