/**
 * The 'fast' statistics chain (reduced.ts) against the literal SGD (sgd.ts): the one-step law of
 * (v, m, R⊥) from the same state, and the same start per stream.
 */
import { describe, expect, it } from 'vitest';

import type { Simulator } from '../../core/model';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { gmmParamsOf } from './params';
import { GmmReducedSimulator } from './reduced';
import { GmmSimulator } from './sgd';

/** Mean and covariance entries (with standard errors) of samples of a 7-vector. */
function moments(rows: Float64Array[]) {
  const n = rows.length;
  const mean = new Float64Array(7);
  for (const r of rows) for (let i = 0; i < 7; i++) mean[i] = mean[i]! + r[i]! / n;
  const stat = (f: (r: Float64Array) => number) => {
    let s = 0;
    let s2 = 0;
    for (const r of rows) {
      const x = f(r);
      s += x;
      s2 += x * x;
    }
    const m = s / n;
    return { value: m, se: Math.sqrt(Math.max(0, s2 / n - m * m) / n) };
  };
  const out: { name: string; value: number; se: number }[] = [];
  for (let i = 0; i < 7; i++) out.push({ name: `E${i}`, ...stat((r) => r[i]!) });
  for (let i = 0; i < 7; i++)
    for (let j = i; j < 7; j++)
      out.push({ name: `C${i}${j}`, ...stat((r) => (r[i]! - mean[i]!) * (r[j]! - mean[j]!)) });
  return out;
}

describe('GMM samplers: the fast chain is the literal SGD in law', () => {
  // A state with every statistic non-zero and R⊥ not diagonal; N = 20 and λ = 2 make one step's
  // noise large, δ = c_δ/N = 0.05.
  const N = 20;
  const { params: p } = parseState(
    `model=gmm&lambda=2&alpha=0.1&cdelta=1&init=given&n=${N}&seed=3`,
    models,
  );
  const g = gmmParamsOf(p);
  const u0 = [0.9, -0.6, 0.3, -0.2, 0.5, 0.2, 0.4];

  const literal = (stream: number): Simulator => {
    const sim = new GmmSimulator(g, stream);
    const { v, W1, W2 } = sim.state;
    W1.fill(0);
    W2.fill(0);
    v[0] = u0[0]!;
    v[1] = u0[1]!;
    W1[0] = u0[2]!;
    W2[0] = u0[3]!;
    // W⊥ with Gram [[0.5, 0.2], [0.2, 0.4]], in coordinates 1 and 2 (μ = e₀).
    W1[1] = Math.sqrt(0.5);
    W2[1] = 0.2 / Math.sqrt(0.5);
    W2[2] = Math.sqrt(0.4 - 0.08);
    return sim;
  };
  const fast = (stream: number): Simulator => {
    const sim = new GmmReducedSimulator(g, stream);
    sim.u.set(u0);
    return sim;
  };

  it('one step from the same state: means and covariances of Δ(v, m, R⊥) agree within 4.5 SE', () => {
    const samples = 20000;
    const draw = (make: (s: number) => Simulator, offset: number) =>
      Array.from({ length: samples }, (_, k) => {
        const sim = make(offset + k);
        const before = new Float64Array(7);
        sim.observe(before);
        sim.step(1);
        const after = new Float64Array(7);
        sim.observe(after);
        return after.map((x, i) => (x - before[i]!) / (g.cdelta / N));
      });
    const a = moments(draw(literal, 0));
    const b = moments(draw(fast, 1_000_000));
    for (let k = 0; k < a.length; k++) {
      const se = Math.hypot(a[k]!.se, b[k]!.se);
      expect(Math.abs(a[k]!.value - b[k]!.value), a[k]!.name).toBeLessThan(4.5 * se + 1e-12);
    }
  });

  it('both variants of a stream start from the same statistics', () => {
    const { params: q } = parseState(
      'model=gmm&lambda=100&r0=0.01&init=random&n=300&seed=5',
      models,
    );
    const h = gmmParamsOf(q);
    for (const stream of [0, 1, 7]) {
      const x = new Float64Array(7);
      const y = new Float64Array(7);
      new GmmSimulator(h, stream).observe(x);
      new GmmReducedSimulator(h, stream).observe(y);
      expect(Array.from(y)).toEqual(Array.from(x));
    }
  });
});
