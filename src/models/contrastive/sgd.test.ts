/**
 * The contrastive model's SGD: the reduced chain equals the literal N-dimensional SGD in law, and
 * the ODE (11) follows the SGD mean within a few standard errors (Fig. 2's three second moments,
 * ReLU, and the augmentation noise of Fig. 4, where the paper's (S-62)/(S-65) are off).
 */
import { describe, expect, it } from 'vitest';

import { runOde, runSgd, series } from '../../core/run';
import { ksCritical001, meanGapInSe, twoSampleKs } from '../../core/sameLaw';
import { parseState } from '../../core/state';
import { contrastiveModel } from '.';
import { ACTIVATIONS } from './expectations';
import { lawOf } from './laws';
import type { Activation } from './params';
import { activationPair } from './sgd';

const parse = (state: string) =>
  parseState(`model=contrastive&${state}`, [contrastiveModel]).params;

/** Q after `steps` SGD steps for `runs` independent streams of one variant. */
function endStates(state: string, variant: string, runs: number, steps: number): number[][] {
  const params = parse(state);
  const d1 = params['d1'] as number;
  const out: number[][] = Array.from({ length: d1 }, () => []);
  const x = new Float64Array(d1);
  for (let r = 0; r < runs; r++) {
    const sim = contrastiveModel.simulator(params, { variant, stream: r });
    sim.step(steps);
    sim.observe(x);
    for (let j = 0; j < d1; j++) out[j]!.push(x[j]!);
  }
  return out;
}

describe("the reduced step's inlined activations", () => {
  it('A = σ(z₂)σ′(z₁) and B = σ(z₁)σ′(z₂) are bit for bit those of ACTIVATIONS', () => {
    const pair = new Float64Array(2);
    for (const sigma of ['square', 'relu', 'tanh'] as Activation[]) {
      const { f, df } = ACTIVATIONS[sigma];
      for (let i = 0; i < 400; i++) {
        // A grid with both signs, zeros and large values, not only |z| < 1.
        const z1 = i % 20 === 0 ? 0 : Math.sin(1.7 * i) * (1 + (i % 7));
        const z2 = i % 13 === 0 ? 0 : Math.cos(2.3 * i) * (1 + (i % 5));
        activationPair(sigma, z1, z2, 0, pair);
        expect(pair[0]).toBe(f(z2) * df(z1));
        expect(pair[1]).toBe(f(z1) * df(z2));
      }
    }
  });
});

describe('the reduced chain is the literal SGD in law', () => {
  // N = 40 and a large τ make every step move q by O(1), so a missing term would show.
  const cases = [
    'd1=2&c1=gauss:1.2&c2=sparse:5,0.2&sigma=square&eta=0.3&noiseCorr=-0.5&batch=3&tau=0.5&q0=0.5,0.3&n=40',
    'd1=1&c1=moments:1.1,6.05,33.28&sigma=relu&batch=2&tau=2&q0=0.6&n=30',
  ];
  it.each(cases)('%s: means within 4 SE, KS below its 0.1% critical value', (state) => {
    const R = 1500;
    const a = endStates(state, 'reduced', R, 20);
    const b = endStates(state, 'literal', R, 20);
    for (let j = 0; j < a.length; j++) {
      expect(meanGapInSe(a[j]!, b[j]!)).toBeLessThan(4);
      expect(twoSampleKs(a[j]!, b[j]!)).toBeLessThan(ksCritical001(R, R));
    }
  });
});

/**
 * SGD mean of Q1 against the ODE at t = 5, 10, …, T with R runs: |mean − ODE| ≤ 4 SE while the
 * ODE is above the diffusive floor (Q of order 1/N, where the ODE's 0 is not the mean of q² and
 * the Ornstein–Uhlenbeck check below applies). Returns the SGD's end mean and standard error.
 */
function compare(state: string, runs: number): { end: number; se: number; ode: number } {
  const params = parse(state);
  const N = params['n'] as number;
  const sgd = runSgd(contrastiveModel, params, { samples: 9, runs });
  const ode = series(runOde(contrastiveModel, params, { samples: 9 }), 'Q1');
  const mean = series(sgd, 'Q1');
  const col = sgd.names.indexOf('Q1');
  let end = { end: 0, se: 0, ode: 0 };
  for (let k = 1; k < mean.length; k++) {
    const se = sgd.std![k * sgd.names.length + col]! / Math.sqrt(runs);
    if (ode[k]! > 20 / N) expect(Math.abs(mean[k]! - ode[k]!)).toBeLessThan(4 * se);
    end = { end: mean[k]!, se, ode: ode[k]! };
  }
  return end;
}

describe('ODE (11) against SGD (N = 1000, 16 runs)', () => {
  const fig2 = 'd1=1&tau=0.09&batch=10&q0=0.55&n=1000&T=40';

  it('Fig. 2, m₂ = 1.0 and 1.1: to the recovery state', () => {
    for (const law of ['sparse:5,0.2', 'sparse:5.5,0.2']) {
      const r = compare(`${fig2}&c1=${law}`, 64);
      expect(r.ode).toBeGreaterThan(0.7);
    }
  });

  it('Fig. 2, m₂ = 0.9: to Q = 0, then the O(1/N) Ornstein–Uhlenbeck floor', () => {
    const r = compare(`${fig2}&c1=sparse:4.5,0.2`, 64);
    // Near q = 0, √N·q is an OU process: drift h′(0) = 12τ(m₂ − 1) − 120τ²/m and noise variance
    // (τ²/m)·m₂⟨(4e³)²⟩ = 240m₂τ²/m per unit time, so N·E[Q] → 240m₂τ²/m / (2|h′(0)|).
    const [tau, m, m2] = [0.09, 10, 0.9];
    const h0 = 12 * tau * (m2 - 1) - (120 * tau * tau) / m;
    const ou = (240 * m2 * tau * tau) / m / (2 * Math.abs(h0));
    expect(Math.abs(1000 * r.end - ou)).toBeLessThan(4 * 1000 * r.se);
  });

  it('ReLU (m₂* = 1 + τ/m): to its recovery state, without and with anti-correlated noise', () => {
    const relu = 'd1=1&sigma=relu&c1=gauss:1.3&tau=0.3&batch=10&q0=0.3&n=1000&T=40';
    expect(compare(relu, 16).ode).toBeGreaterThan(0.85);
    expect(compare(`${relu}&eta=0.3&noiseCorr=-1`, 16).ode).toBeGreaterThan(0.5);
  });

  it('σ = x², m₂ ≠ 1 with noise: the drift term 8τηQ(1 − Q)(m₂ − 1)(1 + 2ρ_γ) is there', () => {
    // At m₂ = 1 (Fig. 4) the noise enters through Λ only; here it also shifts the drift: the
    // recovery state is Q ≈ 0.261 with the term and would be ≈ 0.125 without it.
    const r = compare(
      'd1=1&c1=gauss:1.3&tau=0.09&batch=10&q0=0.3&eta=0.4&noiseCorr=0.5&n=1000&T=40',
      16,
    );
    expect(Math.abs(r.ode - 0.261)).toBeLessThan(0.001);
  });

  // Fig. 4's setting (m₂ = 1, m₄ = 5): the settled Q for noisy augmentations. The printed (S-62)
  // (independent) and (S-65) (anti-correlated) put it elsewhere; SGD sides with the derived ODE.
  const fig4 = 'd1=1&c1=sparse:5,0.2&tau=0.09&batch=10&q0=0.95&n=1000&T=40';
  const printedRoot = (dQ: (Q: number) => number) => {
    let lo = 0.3;
    let hi = 1;
    for (let k = 0; k < 60; k++) {
      const mid = 0.5 * (lo + hi);
      if (dQ(mid) > 0) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const c = lawOf('sparse:5,0.2');
  const [ka, be] = [c.m4 - 3, c.m6 - 15];
  const [tau, m] = [0.09, 10];

  it('independent noise, η = 0.15: SGD agrees with the ODE, not with (S-62)', () => {
    const eta = 0.15;
    const r = compare(`${fig4}&eta=${eta}&noiseCorr=0`, 16);
    const s62 = (Q: number) =>
      4 * tau * (1 - Q) * Q * Q * ka -
      ((4 * tau * tau) / m) *
        Q *
        ((2 + eta) * (Q ** 3 * be + 15 * Q * Q * (1 - Q) * ka) +
          (7 * eta * eta + 14 * eta) * (Q * Q * ka + 3) +
          3 * eta ** 4 +
          12 * eta ** 3 +
          18 * eta * eta);
    expect(Math.abs(r.end - printedRoot(s62))).toBeGreaterThan(10 * r.se);
  });

  it('anti-correlated noise, η = 0.3: SGD agrees with the ODE, not with (S-65)', () => {
    const eta = 0.3;
    const r = compare(`${fig4}&eta=${eta}&noiseCorr=-1`, 16);
    const s65 = (Q: number) =>
      4 * tau * (1 - Q) * Q * Q * ka -
      ((4 * tau * tau) / m) *
        Q *
        (2 * (Q ** 3 * be + 15 * Q * Q * (1 - Q) * ka) +
          (8 * eta * eta - 16 * eta) * (Q * Q * ka + 3) +
          30 * eta ** 4 -
          12 * eta ** 3 +
          6 * eta * eta);
    expect(Math.abs(r.end - printedRoot(s65))).toBeGreaterThan(10 * r.se);
  });
});
