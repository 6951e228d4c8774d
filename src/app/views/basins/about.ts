/** What the basins view's ⓘ says (ViewKind.about). */
import type { Model } from '../../../core/model';
import type { AboutText } from '../../components/about/AboutContext';
import { about } from '../aboutText';

export function basinsAbout(model: Model): AboutText {
  return about(
    `Where random initialisations of ${model.title} end: dots are the SGD runs at finite n, ` +
      'circles the n → ∞ ODE from the same starts.',
    'The table gives the fraction of runs per basin ± its standard error, against the ' +
      'prediction of the paper.',
  );
}
