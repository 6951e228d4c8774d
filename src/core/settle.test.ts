/**
 * The settle test on three planar ODEs whose long-time behaviour is known in closed form: a
 * stable focus (fixed), the Hopf normal form past its bifurcation (a limit cycle of radius √μ),
 * and a decay too slow for the time allowed (unsettled).
 */
import { describe, expect, it } from 'vitest';

import type { Model } from './model';
import type { Params } from './params';
import { settleOde } from './settle';

/** ẋ = μx − y − x(x² + y²), ẏ = x + μy − y(x² + y²): a cycle of radius √μ for μ > 0. */
function hopf(mu: number): Model {
  return {
    stateNames: () => ['x', 'y'],
    initialState: () => Float64Array.of(0.1, 0),
    rhs: () => (_t: number, s: Float64Array, out: Float64Array) => {
      const [x, y] = [s[0]!, s[1]!];
      const r2 = x * x + y * y;
      out[0] = mu * x - y - x * r2;
      out[1] = x + mu * y - y * r2;
    },
  } as unknown as Model;
}

const params: Params = { T: 100 };
const options = { T0: 100, maxTime: 800, residualTol: 1e-9 };

describe('settleOde', () => {
  it('μ = −0.5: a stable focus at the origin is a fixed point', () => {
    const r = settleOde(hopf(-0.5), params, options);
    expect(r.status).toBe('fixed');
    expect(Math.hypot(r.final[0]!, r.final[1]!)).toBeLessThan(1e-6);
  });

  it('μ = 0.25: the limit cycle of radius √μ = 0.5 is a sustained oscillation', () => {
    const r = settleOde(hopf(0.25), params, options);
    expect(r.status).toBe('cycle');
    // On the circle r = 0.5 each coordinate has time variance r²/2 = 0.125; two coordinates.
    expect(r.variation).toBeCloseTo(0.25, 2);
    expect(Math.hypot(r.final[0]!, r.final[1]!)).toBeCloseTo(0.5, 4);
  });

  it('μ = −0.002: the focus decays like e^{−0.002t}, too slowly to settle by t = 800', () => {
    const r = settleOde(hopf(-0.002), params, options);
    expect(r.status).toBe('unsettled');
    expect(r.T).toBe(800);
    // Still decaying: the second window varies visibly less than the first.
    expect(r.variation / r.previousVariation).toBeLessThan(0.95);
  });
});
