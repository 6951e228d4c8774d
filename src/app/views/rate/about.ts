/** What the rate view's ⓘ says (ViewKind.about). */
import type { Model } from '../../../core/model';
import type { AboutText } from '../../components/about/AboutContext';
import { about, STABILITY_CODE } from '../aboutText';

export function rateAbout(model: Model): AboutText {
  return about(
    `The speed of the n → ∞ ODE of ${model.title} as a function of its state: where the curve ` +
      'is above zero the state grows, below it shrinks, so its zeros are the fixed points.',
    STABILITY_CODE,
  );
}
