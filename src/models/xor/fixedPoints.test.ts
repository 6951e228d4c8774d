/**
 * Prop. 9.3 (Ben Arous–Gheissari–Jagannath): the fixed points of the λ = ∞ XOR field, found
 * through the model contract (Filippov equilibria, classified by the pieces, core/piecewise.ts).
 */
import { describe, expect, it } from 'vitest';

import { analyzeFixedPoints } from '../../core/analysis';
import { filippovRhs } from '../../core/piecewise';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { xorCAlpha } from './closedForms';
import { xorSets, xorUnitClass } from './theory';

function analyse(query: string) {
  const { model, params } = parseState(`model=xor&${query}`, models);
  return { model, params, a: analyzeFixedPoints(model, params) };
}

describe('XOR fixed points (Prop. 9.3)', () => {
  const K = 4;
  const alpha = 0.1;
  const { model, params, a } = analyse(`K=${K}&alpha=${alpha}`);

  it('K = 4, α = 0.1: 39 connected sets, the 24 with every class a singleton stable', () => {
    const sets = new Map<string, string[]>();
    for (const p of a.points) sets.set(p.type!, [...(sets.get(p.type!) ?? []), p.stability]);
    expect(sets.size).toBe(39);
    const stable = [...sets].filter(([, s]) => s.every((x) => x === 'stable'));
    expect(stable).toHaveLength(24); // 4!
    for (const [type, s] of stable) {
      expect(s).toHaveLength(1); // an isolated point
      expect(type.split(' ')).toHaveLength(4);
    }
    // Every other set (the origin, and the 14 with an empty class) holds an unstable point and
    // no stable one: it is left along the missing class's direction.
    const others = [...sets].filter(([, s]) => !s.every((x) => x === 'stable'));
    expect(others).toHaveLength(15);
    for (const [, s] of others) {
      expect(s).toContain('unstable');
      expect(s).not.toContain('stable');
    }
  });

  it('the origin is unstable for α < 1/8, left at the rate 1/8 − α along a sliding direction', () => {
    const origin = a.points.find((p) => p.type === 'origin')!;
    expect(origin.stability).toBe('unstable');
    expect(origin.pieceRate).toBeCloseTo(1 / 8 - alpha, 9);
  });

  it('each point is a Filippov equilibrium with Σ v_i² = C_α on every non-empty class', () => {
    const F = filippovRhs(model.piecewise!(params)!);
    const dx = new Float64Array(3 * K);
    const C = xorCAlpha(alpha);
    for (const p of a.points) {
      F(0, p.x, dx);
      expect(Math.max(...Array.from(dx, Math.abs))).toBeLessThan(1e-12);
      const sum = new Map<string, number>();
      for (let i = 0; i < K; i++) {
        const c = xorUnitClass(K, p.x, i);
        if (c) sum.set(c, (sum.get(c) ?? 0) + p.x[i]! ** 2);
      }
      for (const s of sum.values()) expect(s).toBeCloseTo(C, 12);
    }
  });

  it('an optimal point: units off their class slide (m held at 0) and the rest decay', () => {
    const p = a.points.find((q) => q.stability === 'stable')!;
    expect(p.sliding).toHaveLength(4); // one m per unit is held at 0
    // Per unit, −2α and −2C_α·α(1 − 4α) (the 2×2 block of (v_i, m_i) at σ(−C_α) = 4α).
    const C = xorCAlpha(alpha);
    const res = p.eigenvalues.map((e) => e.re).sort((x, y) => x - y);
    expect(res.slice(0, 4).every((r) => Math.abs(r + 2 * alpha) < 1e-7)).toBe(true);
    const slow = -2 * C * alpha * (1 - 4 * alpha);
    expect(res.slice(4).every((r) => Math.abs(r - slow) < 1e-7)).toBe(true);
  });

  it('K = 5 (Remark 5): the four-class set is the one stable set, a manifold of marginal points', () => {
    const sets = xorSets(analyse('K=5&alpha=0.1').a.points);
    expect(sets).toHaveLength(16); // the origin and the 15 non-empty sets of classes
    const stable = sets.filter((s) => s.stability === 'stable');
    expect(stable.map((s) => s.set)).toEqual(['μ+ μ− ν+ ν−']);
    // K = 4 through the same summary: 39 sets, 24 stable.
    const four = xorSets(a.points);
    expect(four).toHaveLength(39);
    expect(four.filter((s) => s.stability === 'stable')).toHaveLength(24);
  });

  it('α > 1/8: the origin is the only fixed point, and stable', () => {
    const r = analyse('K=4&alpha=0.15').a;
    expect(r.points).toHaveLength(1);
    expect(r.points[0]!.type).toBe('origin');
    expect(r.points[0]!.stability).toBe('stable');
  });
});
