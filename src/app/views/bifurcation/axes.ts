/**
 * The bifurcation view's axes: the continued parameter (a numeric parameter or a derived axis)
 * with its range, and the plotted y (an order parameter, or the leading eigenvalue's real part).
 * A model needs no declaration: the defaults are its `views.bifurcation` when it has one, else
 * its first numeric parameter and its first state variable. Pure, unit-tested in Node.
 */
import { axisValue } from '../../../core/continuation/equilibria';
import { type Model, viewSpec } from '../../../core/model';
import type { Params } from '../../../core/params';
import type { DiagramAxis } from '../../../workers/protocol';

/** The y of the leading eigenvalue's real part (not an order parameter's name). */
export const LEADING = 'leading';

/** The keys the view may continue along: numeric parameters, then derived axes. */
export function continuableAxes(model: Model): string[] {
  return [
    ...model.params.filter((s) => s.kind === 'number' && s.group !== 'run').map((s) => s.key),
    ...(model.theory?.derivedAxes ?? []).map((a) => a.key),
  ];
}

/** A range around value v within the parameter's bounds: [v/4, 4v] for v > 0, else v ± 1. */
export function rangeAround(model: Model, axis: string, v: number): [number, number] {
  const spec = model.params.find((s) => s.key === axis);
  const lo = spec?.kind === 'number' ? spec.min : Number.NEGATIVE_INFINITY;
  const hi = spec?.kind === 'number' ? spec.max : Number.POSITIVE_INFINITY;
  const [a, b] = v > 0 ? [v / 4, v * 4] : [v - 1, v + 1];
  return [Math.max(lo, a), Math.min(hi, b)];
}

/** The continued axis: the URL's, the model's declared default, or its first numeric parameter. */
export function bifurcationAxis(
  model: Model,
  params: Params,
  fromUrl: DiagramAxis | null,
): DiagramAxis | null {
  if (fromUrl) return fromUrl;
  const declared = viewSpec(model, 'bifurcation');
  if (declared) return { param: declared.axis, from: declared.range[0], to: declared.range[1] };
  // The first axis with a finite value (λ = ∞ has no range around it).
  for (const axis of continuableAxes(model)) {
    const v = axisValue(model, params, axis);
    if (!Number.isFinite(v)) continue;
    const [from, to] = rangeAround(model, axis, v);
    if (from < to) return { param: axis, from, to };
  }
  return null;
}

/** The plotted y: the URL's, the model's declared default, or the first state variable. */
export function bifurcationY(model: Model, names: string[], fromUrl: string | null): string {
  if (fromUrl !== null && (fromUrl === LEADING || names.includes(fromUrl))) return fromUrl;
  const declared = viewSpec(model, 'bifurcation')?.y;
  if (declared !== undefined && (declared === LEADING || names.includes(declared))) return declared;
  return names[0] ?? LEADING;
}

/**
 * What a diagram depends on: the state without the continued axis (and what it sets), T, n and
 * the seed, so that moving the parameter along the diagram does not recompute it. The range is
 * widened to hold the current value, since the continuation starts there.
 */
export function bifurcationRequest(
  model: Model,
  params: Params,
  axis: DiagramAxis,
): { key: string; axis: string; range: [number, number] } {
  const v = axisValue(model, params, axis.param);
  const range: [number, number] = [Math.min(axis.from, v), Math.max(axis.to, v)];
  const skip = new Set<string>(['T', 'n', 'seed', axis.param]);
  for (const k of model.theory?.derivedAxes?.find((a) => a.key === axis.param)?.params ?? [])
    skip.add(k);
  const rest = Object.entries(params).filter(([k]) => !skip.has(k));
  return { key: JSON.stringify([model.id, rest, axis.param, range]), axis: axis.param, range };
}
