/** The model's parameters as a compact table with symbols (sliders come with the explorer). */
import { useStore } from 'zustand';

import { formatNumber } from '../../core/params';
import type { AppStore } from '../store';
import { MathSymbol } from './MathSymbol';

export function ParamSummary({ store }: { store: AppStore }) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  return (
    <div className="params">
      <h2>Parameters</h2>
      <dl>
        {model.params.map((spec) => {
          const v = params[spec.key];
          const text =
            typeof v === 'number'
              ? v === Infinity
                ? '∞'
                : formatNumber(v)
              : Array.isArray(v)
                ? v.join(', ')
                : String(v);
          return (
            <div key={spec.key} className="param" title={`${spec.label}: ${spec.description}`}>
              <dt>
                <MathSymbol symbol={spec.symbol} />
              </dt>
              <dd data-key={spec.key}>{text}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
