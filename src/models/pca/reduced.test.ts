/**
 * The (m, r⊥) Gram chain (reduced.ts) against the samplers that keep x (sgd.ts): the same step
 * from the same noise vector, and the same law after many steps at small n, where an
 * approximation would show (docs/models/pca.md, "The Gram chain").
 */
import { describe, expect, it } from 'vitest';

import { fillNormals } from '../../core/normal';
import { Rng } from '../../core/rng';
import { ksCritical001, meanGapInSe, twoSampleKs } from '../../core/sameLaw';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { pcaParamsOf } from './params';
import { gramStep } from './reduced';
import { observePca, PcaSimulator } from './sgd';

function parse(query: string) {
  const parsed = parseState(`model=pca&${query}`, models);
  expect(parsed.notices).toEqual([]);
  return parsed;
}

describe('PCA Gram chain: one step from the same noise vector equals the fast step', () => {
  // α = 0.5: the §7 ridge's shrink too.
  for (const [k, alpha] of [
    [2, 0],
    [3, 0],
    [4, 0],
    [2, 0.5],
    [3, 0.5],
  ] as const) {
    it(`k = ${k}, α = ${alpha}: (m, r⊥²) after 50 steps within 1e-12 (relative) of the n-vector's`, () => {
      const { params } = parse(
        `k=${k}&lambda=1.5&cdelta=0.2&alpha=${alpha}&init=random&n=15&seed=4`,
      );
      const p = pcaParamsOf(params);
      const sim = new PcaSimulator(p, 'fast', 2);
      // The simulator's stream, copied before each step, replays the z the step draws.
      const rng = (sim as unknown as { rng: Rng }).rng;
      const z = new Float64Array(p.n);
      const obs = new Float64Array(2);
      const delta = p.cdelta / p.n;
      for (let s = 0; s < 50; s++) {
        observePca(sim.x, obs);
        const state = { m: obs[0]!, r: Math.sqrt(obs[1]!) };
        const copy = new Rng(0);
        Object.assign(copy, { s0: rng.s0, s1: rng.s1, s2: rng.s2, s3: rng.s3 });
        fillNormals(copy, z);
        let g2 = 0;
        let norm2 = 0;
        for (let i = 1; i < p.n; i++) {
          g2 += (z[i]! * sim.x[i]!) / state.r;
          norm2 += z[i]! * z[i]!;
        }
        gramStep(state, { g1: z[0]!, g2, rest: norm2 - g2 * g2 }, p.k, p.lambda, delta, p.alpha);
        sim.step(1);
        observePca(sim.x, obs);
        expect(Math.abs(state.m - obs[0]!)).toBeLessThan(1e-12 * (1 + Math.abs(obs[0]!)));
        expect(Math.abs(state.r * state.r - obs[1]!)).toBeLessThan(1e-12 * (1 + obs[1]!));
      }
    });
  }
});

/** (m, r⊥², R²) at each time for `runs` streams of one variant; rows by series, then time. */
function samples(query: string, variant: string, runs: number, times: number[]): number[][][] {
  const { model, params } = parse(query);
  const out = [0, 1, 2].map(() => times.map(() => [] as number[]));
  const row = new Float64Array(2);
  for (let r = 0; r < runs; r++) {
    const sim = model.simulator(params, { variant, stream: r });
    times.forEach((t, i) => {
      sim.step(Math.round(t * sim.stepsPerTime) - sim.steps);
      sim.observe(row);
      out[0]![i]!.push(row[0]!);
      out[1]![i]!.push(row[1]!);
      out[2]![i]!.push(row[0]! * row[0]! + row[1]!);
    });
  }
  return out;
}

describe('PCA Gram chain: equal in law to the SGD on x at small n', () => {
  // Each case: the state, the sampler on x to compare with, two times (and the runs per sampler). Seeds differ between the
  // two samplers so that their runs are independent (the random starts would otherwise agree).
  // δ = c_δ/n is large at these n, so each step moves (m, r⊥²) by O(n^{-1/2}) or more. For k ≥ 3
  // c_δ is small: at c_δ = 0.5, n = 24 a third of the runs of either sampler blow up (the factor
  // 1 − 2kδR^{2(k−1)} turns negative), and a law with infinities has no means to compare.
  const cases: [string, string, string, number[], number?][] = [
    ['k = 2, random start', 'k=2&lambda=2&cdelta=1&init=random&r0=1&n=20', 'fast', [0.5, 2]],
    [
      'k = 2, informed start, c_δ = 0.5',
      'k=2&lambda=1.5&cdelta=0.5&init=informed&m0=0.3&r0=0.5&n=30',
      'fast',
      [0.5, 2],
    ],
    ['k = 3, random start', 'k=3&lambda=4&cdelta=0.2&init=random&r0=1&n=24', 'fast', [1, 4]],
    [
      'k = 3, informed start',
      'k=3&lambda=5&cdelta=0.2&init=informed&m0=0.5&r0=0.5&n=40',
      'fast',
      [0.25, 1],
    ],
    [
      'k = 4, informed start',
      'k=4&lambda=3&cdelta=0.1&init=informed&m0=0.5&r0=0.3&n=20',
      'fast',
      [0.25, 1],
    ],
    // The literal O(n^k) gradient of the full tensor, with the tensor scaling λ_n = Λ√n.
    [
      'k = 3, tensor scaling, the full-tensor sampler',
      'k=3&lambda=0.5&scaling=tensor&cdelta=0.2&init=random&r0=1&n=10',
      'tensor',
      [0.5, 1.5],
      1000, // n³ = 1000 normals per step
    ],
  ];
  for (const [label, query, other, times, runs = 2000] of cases) {
    it(`${label}: means within 4 SE and KS below its 0.1% critical value for m, r⊥², R²`, () => {
      const gram = samples(`${query}&seed=11`, 'gram', runs, times);
      const ref = samples(`${query}&seed=12`, other, runs, times);
      const critical = ksCritical001(runs, runs);
      ['m', 'r2', 'R2'].forEach((name, j) =>
        times.forEach((t, i) => {
          const a = gram[j]![i]!;
          const b = ref[j]![i]!;
          expect(a.every(Number.isFinite), `${name}(${t}) finite`).toBe(true);
          expect(b.every(Number.isFinite), `${name}(${t}) finite (${other})`).toBe(true);
          expect(meanGapInSe(a, b), `${name}(${t}) means`).toBeLessThan(4);
          expect(twoSampleKs(a, b), `${name}(${t}) KS`).toBeLessThan(critical);
        }),
      );
    });
  }

  it('the variants of one stream start from the same (m, r⊥²)', () => {
    const { model, params } = parse('k=2&lambda=1.2&init=random&n=500&seed=3');
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    model.simulator(params, { variant: 'gram', stream: 5 }).observe(a);
    model.simulator(params, { variant: 'fast', stream: 5 }).observe(b);
    expect(b[0]).toBe(a[0]);
    expect(Math.abs(b[1]! - a[1]!)).toBeLessThan(1e-12);
    expect(model.initialState(params)[0]).toBe(
      (() => {
        const c = new Float64Array(2);
        model.simulator(params, { stream: 0 }).observe(c);
        return c[0];
      })(),
    );
  });
});
