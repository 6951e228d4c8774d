/** What the scans' ⓘ says (ViewKind.about). */
import type { Model } from '../../../core/model';
import type { AboutText } from '../../components/about/AboutContext';
import { about } from '../aboutText';

export function scanAbout(model: Model): AboutText {
  return about(
    `A quantity of ${model.title} read off the n → ∞ ODE at each value of one parameter ` +
      '(the picker chooses which), e.g. its settled value or the time the ODE takes to reach it.',
    'Dashed vertical lines are the paper’s thresholds, each named; the rule marked “now” is ' +
      'the current value of the parameter.',
  );
}
