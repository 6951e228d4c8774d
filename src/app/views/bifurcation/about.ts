/** What the bifurcation view's ⓘ says (ViewKind.about). */
import type { Model } from '../../../core/model';
import type { AboutText } from '../../components/about/AboutContext';
import { about } from '../aboutText';

export function bifurcationAbout(model: Model): AboutText {
  return about(
    `The fixed points of ${model.title}'s n → ∞ ODE followed as one parameter varies: stable ` +
      'branches solid, unstable dashed, periodic orbits dotted.',
    'LP marks a fold (two branches meet), H a Hopf point (an oscillation is born; hover for ' +
      'whether it is supercritical, from l₁ or, on a family of fixed points, by integration), BP ' +
      'a branch point; the dots with bars are the SGD’s late-time mean ± std at the current value. A ' +
      'click moves the parameter.',
  );
}
