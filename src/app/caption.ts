/**
 * The caption line of an exported figure: the model and its parameters, with symbols. Symbols keep
 * their subscript mark ('η_T=2'): the SVG exports lower it in a <tspan>, plain-text consumers call
 * plainText (core/typeset.ts).
 */
import type { Model } from '../core/model';
import type { Params } from '../core/params';
import { formatValue } from './sliderScale';

/** How far the SGD got, for a caption: an export taken mid-run must say its dots stop early. */
export interface SgdProgress {
  status: 'idle' | 'running' | 'paused' | 'done' | 'error';
  tReached: number;
  T: number;
}

export function captionOf(model: Model, params: Params, runs: number, sgd?: SgdProgress): string {
  const parts = model.params.map((spec) => {
    const v = params[spec.key];
    const text =
      typeof v === 'number'
        ? formatValue(v)
        : Array.isArray(v)
          ? v.map(formatValue).join(',')
          : String(v);
    return `${spec.symbol}=${text}`;
  });
  const incomplete =
    sgd && sgd.status !== 'done'
      ? ` · SGD incomplete (${sgd.status}): dots to t = ${formatValue(sgd.tReached)} of ${formatValue(sgd.T)}`
      : '';
  return `${model.title} · ${parts.join('  ')}  runs=${runs} · curves: ODE, dots: SGD${incomplete}`;
}
