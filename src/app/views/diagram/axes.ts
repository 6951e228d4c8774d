/**
 * The phase diagram's axes (the URL's or the model's default) and what its cells depend on.
 */
import { type Model, viewSpec } from '../../../core/model';
import type { Params } from '../../../core/params';
import type { DiagramAxis } from '../../../workers/protocol';
import type { ViewSettings } from '../../appKeys';

/** The phase diagram's axes: the URL's or the model's default. */
export function diagramAxes(
  model: Model,
  s: Pick<ViewSettings, 'diagramX' | 'diagramY'>,
): { x: DiagramAxis; y: DiagramAxis } | null {
  const d = viewSpec(model, 'diagram');
  const x = s.diagramX ?? (d ? { param: d.x, from: d.xRange[0], to: d.xRange[1] } : null);
  const y = s.diagramY ?? (d ? { param: d.y, from: d.yRange[0], to: d.yRange[1] } : null);
  return x && y ? { x, y } : null;
}

/** What a diagram depends on: the model state without the parameters its axes set. */
export function diagramKey(
  model: Model,
  params: Params,
  x: DiagramAxis,
  y: DiagramAxis,
  n: number,
): string {
  const skip = new Set<string>([
    'T',
    'n',
    'seed',
    ...Object.keys(viewSpec(model, 'diagram')?.fixed ?? {}),
  ]);
  for (const axis of [x, y]) {
    skip.add(axis.param);
    for (const k of model.theory?.derivedAxes?.find((a) => a.key === axis.param)?.params ?? [])
      skip.add(k);
  }
  const rest = Object.entries(params).filter(([k]) => !skip.has(k));
  return JSON.stringify([model.id, rest, x, y, n]);
}
