/** What the phase diagram's ⓘ says (ViewKind.about). */
import type { Model } from '../../../core/model';
import type { AboutText } from '../../components/about/AboutContext';
import { about, phasesList } from '../aboutText';

export function diagramAbout(model: Model): AboutText {
  return about(
    'Each cell is a point of the two chosen parameters, coloured by the phase the n → ∞ ODE ' +
      'ends in there; a click moves the parameters to it.',
    phasesList(model),
    'Black lines are the paper’s closed-form boundaries; blue (fold) and purple (Hopf) curves ' +
      'are found by continuation, solid where they separate two phases and dotted where the ' +
      'phase is the same on both sides; dots mark the paper’s figures and × the current state.',
  );
}
