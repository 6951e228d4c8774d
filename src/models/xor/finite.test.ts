/**
 * Figs. 9–10 as drawn: the literal XOR SGD at finite λ (finite.ts) against the λ = ∞ predictions
 * the paper compares it with: 3/32 optimal (§9.4). (At t = 100 some units are still escaping
 * m ≈ 0 at the rate 1/8 − α, so the end points are not all at ±√C_α yet; not asserted.)
 */
import { describe, expect, it } from 'vitest';

import { viewSpec } from '../../core/model';
import { parseState } from '../../core/state';
import { models } from '../registry';

describe('XOR at finite λ (Figs. 9–10)', () => {
  it('λ = 100, N = 120: about 3/32 of random starts end optimal, as at λ = ∞ (§9.4)', () => {
    const { model, params } = parseState(
      'model=xor&K=4&alpha=0.1&lambda=100&cdelta=1&n=120&seed=5&T=100',
      models,
    );
    const runs = 256;
    const x = new Float64Array(model.stateNames(params).length);
    let optimal = 0;
    for (let r = 0; r < runs; r++) {
      const sim = model.simulator(params, { stream: r });
      sim.step(Math.round(100 * sim.stepsPerTime));
      sim.observe(x);
      if (model.theory!.basinOf!(params, x) === 'optimal') optimal++;
    }
    const se = Math.sqrt(((3 / 32) * (29 / 32)) / runs);
    expect(Math.abs(optimal / runs - 3 / 32)).toBeLessThan(4 * se);
  });

  it('the finite-λ start is the λ = ∞ start (same v, m), and the note says which curve is drawn', () => {
    const finite = parseState('model=xor&K=4&lambda=100&n=200&seed=5', models);
    const inf = parseState('model=xor&K=4&n=200&seed=5', models);
    // The finite-λ state adds R⊥ (22 entries for K = 4); its first 12 are the λ = ∞ start.
    const a = new Float64Array(22);
    const b = new Float64Array(12);
    finite.model.simulator(finite.params, { stream: 3 }).observe(a);
    inf.model.simulator(inf.params, { stream: 3 }).observe(b);
    expect(Array.from(a.slice(0, 12))).toEqual(Array.from(b));
    // R⊥_11 = ‖W_1⊥‖² ≈ (N − 2)/N for W_1 ~ N(0, I/N).
    expect(a[12]).toBeGreaterThan(0.8);
    expect(a[12]).toBeLessThan(1.2);
    expect(viewSpec(finite.model, 'trajectories')?.note!(finite.params)).toMatch(
      /Prop. 9.1’s ODE at this λ/,
    );
    expect(viewSpec(inf.model, 'trajectories')?.note!(inf.params)).toBeNull();
  });
});
