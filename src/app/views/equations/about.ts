/** What the equations view's ⓘ says (ViewKind.about). */
import type { Model } from '../../../core/model';
import type { AboutText } from '../../components/about/AboutContext';
import { about } from '../aboutText';

export function equationsAbout(model: Model): AboutText {
  return about(
    `The macroscopic ODE of ${model.title} being integrated, and the SGD step it describes as ` +
      'n → ∞, numbered as in the paper, with the current values filled in.',
    'Hovering a symbol lights its slider; notes name the paper’s misprints and how they were ' +
      'found.',
  );
}
