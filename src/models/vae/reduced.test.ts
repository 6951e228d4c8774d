/**
 * The Gram chain (reduced.ts) is the literal SGD (sgd.ts) in law. At small N, where a wrong
 * χ² degree of freedom or a missing noise term would show, R independent runs of each variant
 * (disjoint streams) are compared at two times on every order parameter: the means within 4
 * standard errors and the two-sample KS statistic below its 0.1 % critical value.
 */
import { describe, expect, it } from 'vitest';

import { runSgd } from '../../core/run';
import { ksCritical001, meanGapInSe, twoSampleKs } from '../../core/sameLaw';
import { parseState } from '../../core/state';
import { vaeModel } from '.';
import { vaeLayout } from './layout';
import { vaeParamsOf } from './params';
import { VaeGramSimulator } from './reduced';
import { VaeSimulator } from './sgd';

const R = 1500;

function parsed(state: string) {
  const r = parseState(`model=vae&${state}`, [vaeModel]);
  expect(r.notices).toEqual([]);
  return r.params;
}

/** Per sample time (T/2 and T) and order parameter, the values over the given streams. */
function samples(state: string, variant: string, streams: number[]): number[][][] {
  const params = parsed(state);
  const names = vaeModel.stateNames(params);
  const run = runSgd(vaeModel, params, { samples: 3, streams, variant });
  const width = run.names.length;
  return [1, 2].map((row) =>
    names.map((name) => {
      const i = run.names.indexOf(name);
      return run.perRun.map((y) => y[row * width + i]!);
    }),
  );
}

const cases: [string, string][] = [
  [
    'constant β, λ > 0, unequal rates, random start',
    'tauW=0.5&tauV=0.3&tauD=0.4&beta=0.5&lambda=0.1&rho=1.5&eta=0.7&init=random&n=30&seed=11&T=12',
  ],
  [
    'tanh annealing, informed start',
    'tau=0.4&anneal=tanh&gamma=0.3&betaTarget=1.2&init=informed&m0=0.3&n=30&seed=12&T=10',
  ],
  ['M = 2, M* = 2, random start', 'tau=0.4&beta=0.7&M=2&Mstar=2&init=random&n=40&seed=13&T=8'],
  [
    // W₁ = V₁ = W* exactly: the frame starts with 3 of 5 directions and grows.
    'rank-deficient start (m0 = 1), M = 2, M* = 1, cyclic annealing',
    'tau=0.4&anneal=cyclic&gamma=0.2&betaTarget=1.5&M=2&Mstar=1&init=informed&m0=1&n=30&seed=14&T=8',
  ],
];

describe('VAE: the Gram chain equals the literal SGD in law', () => {
  it.each(cases)('%s', (_, state) => {
    const literal = samples(
      state,
      'literal',
      Array.from({ length: R }, (_, r) => r),
    );
    const gram = samples(
      state,
      'gram',
      Array.from({ length: R }, (_, r) => R + r),
    );
    const names = vaeModel.stateNames(parsed(state));
    const critical = ksCritical001(R, R);
    for (let t = 0; t < 2; t++) {
      names.forEach((name, i) => {
        const a = literal[t]![i]!;
        const b = gram[t]![i]!;
        const where = `${name} at ${t === 0 ? 'T/2' : 'T'}`;
        expect(meanGapInSe(a, b), where).toBeLessThan(4);
        expect(twoSampleKs(a, b), where).toBeLessThan(critical);
      });
    }
  });
});

describe('VAE: the Gram chain’s start and frame', () => {
  it('a stream starts from the literal sampler’s statistics (to rounding)', () => {
    const p = vaeParamsOf(parsed('M=2&Mstar=2&init=random&n=200&seed=5'));
    const L = vaeLayout(2, 2);
    const a = new Float64Array(L.size);
    const b = new Float64Array(L.size);
    new VaeSimulator(p, 3).observe(a);
    new VaeGramSimulator(p, 3).observe(b);
    for (let k = 0; k < L.size; k++) expect(b[k]!).toBeCloseTo(a[k]!, 12);
  });

  it('a rank-deficient start gets a frame of its true dimension, which grows by one per step', () => {
    // M = M* = 1, m0 = 1: W = V = W*, one direction; the noise adds one per step up to 3.
    const sim = new VaeGramSimulator(vaeParamsOf(parsed('init=informed&m0=1&n=50&seed=1')));
    const ranks = [sim.rank];
    for (let k = 0; k < 3; k++) {
      sim.step(1);
      ranks.push(sim.rank);
    }
    expect(ranks).toEqual([1, 2, 3, 3]);
  });

  it('is bit-for-bit reproducible from its seed and stream', () => {
    const p = vaeParamsOf(parsed('M=2&Mstar=1&init=random&n=100&seed=9&anneal=tanh'));
    const run = () => {
      const sim = new VaeGramSimulator(p, 2);
      sim.step(5000);
      const out = new Float64Array(sim.names.length);
      sim.observe(out);
      return Array.from(out);
    };
    expect(run()).toEqual(run());
  });
});
