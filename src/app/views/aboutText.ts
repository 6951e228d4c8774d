/**
 * Sentences the views' ⓘ share (ViewKind.about): what curves and dots are, and what the
 * model's phases mean. The phase names and meanings come from the model (theory.phases), so
 * nothing here names a model.
 */
import type { Model } from '../../core/model';
import type { AboutList } from '../components/about/AboutContext';

/** The one idea behind every view: the n → ∞ ODE against SGD at finite n. */
export const CURVES_AND_DOTS =
  'Lines are the macroscopic ODE, the n → ∞ limit of online SGD; dots are an SGD simulation of ' +
  'the same model at finite dimension n (mean ± std over the runs), which the ODE describes ' +
  'up to fluctuations of order 1/√n.';

/** The stability code shared by the portrait, the diagram and the bifurcation view. */
export const STABILITY_CODE =
  'Fixed points: filled = stable, half-filled = saddle, hollow = unstable; a family of fixed ' +
  'points is a line, solid where it is stable and dashed where not.';

/** The model's phases, each "name: what it means", or null for a model without phases. */
export function phasesList(model: Model): AboutList | null {
  const phases = model.theory?.phases ?? [];
  if (phases.length === 0) return null;
  return {
    lead: 'The phases (one colour each):',
    items: phases.map((p) => (p.meaning ? `${p.label}: ${p.meaning}` : p.label)),
  };
}

/** The paragraphs, dropping those a model lacks. */
export function about(
  ...paragraphs: (string | AboutList | null | undefined | false)[]
): (string | AboutList)[] {
  return paragraphs.filter(
    (p): p is string | AboutList =>
      (typeof p === 'object' && p !== null) || (typeof p === 'string' && p !== ''),
  );
}
