/**
 * A 1-D model's right-hand side against its state (the rate ViewSpec; the contrastive model's
 * Fig. 2(b): h(Q) = (dQ/dt)/τ). Zeros are fixed points; the slope there says their stability
 * (negative: stable). The other state variables stay at initialState.
 */
import { type Model, viewSpec } from './model';
import type { Params } from './params';

export interface RateCurve {
  name: string;
  x: Float64Array;
  y: Float64Array;
  /** Zeros found by bisection between sign changes, with the slope there. */
  zeros: { x: number; slope: number; stable: boolean }[];
}

export function rateCurve(model: Model, params: Params, count = 241): RateCurve {
  const view = viewSpec(model, 'rate');
  if (!view) throw new Error(`model ${model.id} has no rate view`);
  const names = model.stateNames(params);
  const i = names.indexOf(view.x);
  if (i < 0) throw new Error(`rate view: '${view.x}' is not a state variable of ${model.id}`);
  const rhs = model.rhs(params);
  const divisor = view.divisor?.(params) ?? 1;
  const state = model.initialState(params);
  const out = new Float64Array(state.length);
  const h = (v: number) => {
    state[i] = v;
    rhs(0, state, out);
    return out[i]! / divisor;
  };
  const [a, b] = view.range;
  const x = Float64Array.from({ length: count }, (_, k) => a + ((b - a) * k) / (count - 1));
  const y = Float64Array.from(x, h);
  const zeros: RateCurve['zeros'] = [];
  for (let k = 0; k + 1 < count; k++) {
    const y0 = y[k]!;
    const y1 = y[k + 1]!;
    if (y0 === 0 || (k + 1 === count - 1 && y1 === 0)) {
      const at = y0 === 0 ? x[k]! : x[k + 1]!;
      zeros.push(zeroAt(h, at, (b - a) / (count - 1)));
    } else if (y0 * y1 < 0) {
      let lo = x[k]!;
      let hi = x[k + 1]!;
      let flo = y0;
      for (let it = 0; it < 60; it++) {
        const mid = (lo + hi) / 2;
        const fm = h(mid);
        if (fm === 0) {
          lo = hi = mid;
          break;
        }
        if (fm * flo < 0) hi = mid;
        else {
          lo = mid;
          flo = fm;
        }
      }
      zeros.push(zeroAt(h, (lo + hi) / 2, (b - a) / (count - 1)));
    }
  }
  return { name: view.x, x, y, zeros };
}

function zeroAt(h: (v: number) => number, at: number, dx: number) {
  const e = Math.max(1e-7, dx * 1e-3);
  const slope = (h(at + e) - h(at - e)) / (2 * e);
  return { x: at, slope, stable: slope < 0 };
}
