/**
 * The two exact samplers of the PCA chain agree in distribution: from the same x, one step of the
 * O(n) sampler and one step of the literal full-tensor gradient have the same mean and covariance
 * (Δx is Gaussian given x, so these fix its law), namely
 *   E Δx = δ(2kλm^{k−1}v − 2k‖x‖^{2k−2}x),  Cov Δx = 4δ²(k‖x‖^{2k−2}I + k(k−1)‖x‖^{2k−4}xxᵀ)
 * (docs/models/pca.md; (7.2) of the paper is 4× the covariance of G). Then both follow the ODE (3.1).
 */
import { describe, expect, it } from 'vitest';

import { runOde, runSgd, series } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { pcaParamsOf } from './params';
import { PcaSimulator, type PcaVectorVariant } from './sgd';

function oneStepMoments(query: string, variant: PcaVectorVariant, x0: number[], draws: number) {
  const { params } = parseState(`model=pca&${query}&n=${x0.length}`, models);
  const p = pcaParamsOf(params);
  const sim = new PcaSimulator(p, variant, 7);
  const n = x0.length;
  const delta = p.cdelta / n;
  const mean = new Float64Array(n);
  const cov = new Float64Array(n * n);
  const d = new Float64Array(n);
  for (let r = 0; r < draws; r++) {
    sim.x.set(x0);
    sim.step(1);
    for (let i = 0; i < n; i++) d[i] = (sim.x[i]! - x0[i]!) / delta;
    for (let i = 0; i < n; i++) {
      mean[i] = mean[i]! + d[i]!;
      for (let j = 0; j < n; j++) cov[i * n + j] = cov[i * n + j]! + d[i]! * d[j]!;
    }
  }
  for (let i = 0; i < n; i++) mean[i] = mean[i]! / draws;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) cov[i * n + j] = cov[i * n + j]! / draws - mean[i]! * mean[j]!;
  return { mean, cov, p };
}

describe('PCA: the O(n) sampler and the full tensor give the same one-step law', () => {
  // n = 10, the smallest the table allows; k = 4's tensor has 10⁴ entries per draw.
  const cases: [number, number, number[]][] = [
    [2, 40000, [0.6, 0.3, -0.5, 0.2, 0.7, -0.1, 0.1, -0.3, 0.2, 0.05]],
    [3, 40000, [0.7, -0.4, 0.3, 0.5, -0.2, 0.1, 0.2, -0.1, 0.15, 0.1]],
    [4, 8000, [0.5, 0.4, -0.3, 0.6, 0.1, -0.2, 0.1, 0.05, -0.1, 0.2]],
  ];
  for (const [k, draws, x0] of cases) {
    for (const variant of ['fast', 'tensor'] as const) {
      it(`k = ${k}, ${variant}: mean and covariance of Δx/δ within 4.5 standard errors`, () => {
        const { mean, cov, p } = oneStepMoments(`k=${k}&lambda=1.5&cdelta=1`, variant, x0, draws);
        const n = x0.length;
        const s = x0.reduce((a, b) => a + b * b, 0);
        const m = x0[0]!;
        const sk1 = Math.pow(s, k - 1);
        const sk2 = Math.pow(s, k - 2);
        const Sigma = (i: number, j: number) =>
          4 * ((i === j ? k * sk1 : 0) + k * (k - 1) * sk2 * x0[i]! * x0[j]!);
        for (let i = 0; i < n; i++) {
          // The O(δ) bias of the increment is zero: Δx/δ has exactly this mean.
          const drift =
            (i === 0 ? 2 * k * p.lambda * Math.pow(m, k - 1) : 0) - 2 * k * sk1 * x0[i]!;
          expect(Math.abs(mean[i]! - drift)).toBeLessThan(4.5 * Math.sqrt(Sigma(i, i) / draws));
          for (let j = 0; j < n; j++) {
            const se = Math.sqrt((Sigma(i, i) * Sigma(j, j) + Sigma(i, j) ** 2) / draws);
            expect(Math.abs(cov[i * n + j]! - Sigma(i, j)), `cov[${i}][${j}]`).toBeLessThan(
              4.5 * se,
            );
          }
        }
      });
    }
  }

  it('the tensor path refuses sizes it cannot draw, with a sentence', () => {
    const { model, params } = parseState('model=pca&k=3&n=100', models);
    expect(() => model.simulator(params, { variant: 'tensor' })).toThrow(/n ≤ 62 for k = 3/);
  });
});

describe('PCA: the full-tensor SGD follows the ODE (3.1) at small n', () => {
  const rms = (query: string, n: number, seeds: number[]) => {
    let sum = 0;
    let count = 0;
    for (const seed of seeds) {
      const { model, params } = parseState(`model=pca&${query}&n=${n}&seed=${seed}`, models);
      const ode = runOde(model, params, { samples: 11 });
      const sgd = runSgd(model, params, { samples: 11, variant: 'tensor' });
      for (const name of ['m', 'r2']) {
        const a = series(ode, name);
        const b = series(sgd, name);
        for (let j = 1; j < a.length; j++) {
          sum += (a[j]! - b[j]!) ** 2;
          count++;
        }
      }
    }
    return Math.sqrt(sum / count);
  };

  it('k = 2, n = 120: within 3/√n', () => {
    expect(
      rms('k=2&lambda=2&cdelta=1&init=informed&m0=0.5&r0=0.5&T=2', 120, [1, 2, 3]),
    ).toBeLessThan(3 / Math.sqrt(120));
  });

  // c_δ = 0.5: at n = 60 and c_δ = 1 the step 2kδR^{2(k−1)} near m* is 0.6 and the SGD itself
  // diverges in some runs (both samplers), far from the n → ∞ regime.
  it('k = 3, n = 60, c_δ = 0.5: within 3/√n', () => {
    expect(
      rms('k=3&lambda=5&cdelta=0.5&init=informed&m0=0.8&r0=0.5&T=1', 60, [1, 2, 3]),
    ).toBeLessThan(3 / Math.sqrt(60));
  });
});
