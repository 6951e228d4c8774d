/** The GAN story (Wang, Hu & Lu): success, oscillation, mode collapse, then the phase diagram. */
import { presetScene, type ShippedStory } from './preset';

const TWO_VIEWS = 'show=trajectories,portrait&ctl=eta,tau,taut';

export const ganStory: ShippedStory = {
  id: 'gan',
  model: 'gan',
  title: 'A linear GAN: success, oscillation, mode collapse',
  scenes: [
    presetScene(
      'gan',
      'fig1a',
      TWO_VIEWS,
      'Success (Fig. 1(a)): at {eta}, {tau} and {taut} the generator learns both features in turn — $P_{11}$ rises first, then $P_{22}$ — while the discriminator overlaps $q$ return to 0.',
    ),
    presetScene(
      'gan',
      'fig1b',
      TWO_VIEWS,
      'Oscillation (Fig. 1(b)): lower the noise to {eta} and the left inequality of (15) fails: the overlaps keep oscillating instead of settling.',
    ),
    presetScene(
      'gan',
      'fig1c',
      TWO_VIEWS,
      'Mode collapse (Fig. 1(c)): raise it to {eta} and $\\tau\\bar\\eta^2 > \\Lambda_2$: only feature 1 is learned, $P_{22}$ never leaves its start.',
    ),
    presetScene(
      'gan',
      'fig5',
      'show=diagram,trajectories&ctl=tau,taut',
      'The phase diagram (Fig. 5) in $(\\tau, \\tilde\\tau/\\tau)$ at {eta}: each cell is coloured by the stable fixed point the ODE reaches, with the lines of (15). Click a cell to move there.',
    ),
  ],
};
