/** What the fluctuation view's ⓘ says (ViewKind.about). */
import type { Model } from '../../../core/model';
import type { AboutText } from '../../components/about/AboutContext';
import { about } from '../aboutText';

export function fluctuationAbout(model: Model): AboutText {
  return about(
    `Many SGD runs of ${model.title} at finite n, each a thin trace of its rescaled ` +
      'fluctuation (√n times the deviation), against the limit law the paper proves: its mean ' +
      '(line) and ±1σ, ±2σ bands.',
    'Click a time to see the runs’ histogram there against the Gaussian of the law.',
  );
}
