/** What the trajectories' ⓘ says (ViewKind.about). */
import type { Model } from '../../../core/model';
import type { AboutText } from '../../components/about/AboutContext';
import { about, CURVES_AND_DOTS } from '../aboutText';

export function trajectoriesAbout(model: Model): AboutText {
  return about(
    `The order parameters of ${model.title} against time t. ${CURVES_AND_DOTS}`,
    'Colour follows the feature (index) and the dash the kind of order parameter; a legend ' +
      'button hides or shows its series. Click the chart to set the time cursor that the other ' +
      'views follow; an overlay draws the ODE for several parameter values, each with open SGD dots.',
  );
}
