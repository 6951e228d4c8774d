/** What the portrait's ⓘ says (ViewKind.about). */
import type { Model } from '../../../core/model';
import type { AboutText } from '../../components/about/AboutContext';
import { about, CURVES_AND_DOTS, STABILITY_CODE } from '../aboutText';

export function portraitAbout(model: Model): AboutText {
  return about(
    `One order parameter against another (pick the axes): the path the state of ${model.title} ` +
      `takes. ${CURVES_AND_DOTS}`,
    `□ marks the start, ★ the end and ⊕ the time cursor. ${STABILITY_CODE}`,
    'The field (its checkbox) draws the ODE’s direction across the plane; attraction regions, ' +
      'where the model has them, colour each start by where the ODE from it ends.',
  );
}
