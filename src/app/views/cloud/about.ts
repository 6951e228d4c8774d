/** What the cloud's ⓘ says (ViewKind.about). */
import type { Model } from '../../../core/model';
import { viewSpec } from '../../../core/model';
import type { AboutText } from '../../components/about/AboutContext';
import { about } from '../aboutText';

export function cloudAbout(model: Model): AboutText {
  const spec = viewSpec(model, 'cloud');
  return about(
    'The microscopic state: one point per coordinate i of one SGD run at finite n, scaled by √n, ' +
      'at the snapshot time the slider picks. The macroscopic ODE follows only averages over ' +
      'these points; the cloud shows how they are spread.',
    spec?.gaussianNote &&
      `The ellipses are the 1σ, 2σ and 3σ contours of the Gaussian the theory predicts from the ` +
        `ODE's state at that time (${spec.gaussianNote.replace(/^ellipses: /, '')}).`,
    spec?.color &&
      `Colour is a third coordinate, ${spec.colorLabel ?? spec.color}, read on the colour bar.`,
  );
}
