/** The caption line of an exported figure: the model and its parameters, with symbols. */
import type { Model } from '../core/model';
import type { Params } from '../core/params';
import { formatValue } from './sliderScale';

export function captionOf(model: Model, params: Params, runs: number): string {
  const parts = model.params.map((spec) => {
    const v = params[spec.key];
    const text =
      typeof v === 'number'
        ? formatValue(v)
        : Array.isArray(v)
          ? v.map(formatValue).join(',')
          : String(v);
    return `${spec.symbol.replace('_', '')}=${text}`;
  });
  return `${model.title} · ${parts.join('  ')}  runs=${runs} · curves: ODE, dots: SGD`;
}
