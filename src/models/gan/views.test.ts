/**
 * The microscopic cloud against the Gaussian predicted from the ODE state (Fig. 2's check):
 * the fractions of points inside the 1σ, 2σ, 3σ ellipses must be 1 − e^{−k²/2}.
 */
import { describe, expect, it } from 'vitest';

import { fractionsInside, gaussianFraction } from '../../core/gaussian2';
import { simulatorWithMicro } from '../../core/microSimulator';
import { runOde, series } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { ganModel } from '.';
import { ganCloudGaussian } from './views';

const EXPECTED = [1, 2, 3].map(gaussianFraction); // 0.393, 0.865, 0.989

describe('GAN microscopic cloud', () => {
  const cases = [
    ['constant U, d = 1 (Fig. 2)', 'fig2'],
    ['random U, d = 2 (Fig. 1 success)', 'fig1a'],
  ] as const;
  for (const [label, id] of cases) {
    it(`${label}: the cloud fills the predicted 1σ/2σ/3σ ellipses at t = 0 and t = 10`, () => {
      const preset = ganModel.presets.find((p) => p.id === id)!;
      const { params } = parseState(`${preset.state}&n=4000&T=10`, models);
      const ode = runOde(ganModel, params, { samples: 11 });
      const sim = simulatorWithMicro(ganModel, params);
      for (const t of [0, 10]) {
        sim.step(Math.round(t * 4000) - sim.steps);
        const snap = sim.micro!();
        const at = (name: string) => series(ode, name)[t]!;
        const g = ganCloudGaussian(params, at);
        const got = fractionsInside(snap.columns['v1']!, snap.columns['w']!, g);
        // Binomial SE at n = 4000 is ≤ 0.008; 0.035 also covers the O(1/√n) gap between
        // the simulated and the ODE order parameters.
        got.forEach((f, k) =>
          expect(Math.abs(f - EXPECTED[k]!), `t=${t} ${k + 1}σ: ${f}`).toBeLessThan(0.035),
        );
      }
    });
  }

  it("constant U: the paper's [[S, r], [r, z]] used as the covariance misses the cloud", () => {
    const fig2 = ganModel.presets.find((p) => p.id === 'fig2')!.state;
    const { params } = parseState(`${fig2}&P0=0.6&q0=0.5&n=4000`, models);
    const snap = simulatorWithMicro(ganModel, params).micro!();
    const state = (name: string) => ({ P11: 0.6, q1: 0.5, r1: 0.3 })[name] ?? 1;
    const right = fractionsInside(
      snap.columns['v1']!,
      snap.columns['w']!,
      ganCloudGaussian(params, state),
    );
    const printed = fractionsInside(snap.columns['v1']!, snap.columns['w']!, {
      mean: [0.6, 0.5],
      cov: [1, 0.3, 1],
    });
    expect(Math.abs(right[0]! - EXPECTED[0]!)).toBeLessThan(0.035);
    expect(Math.abs(printed[0]! - EXPECTED[0]!)).toBeGreaterThan(0.06); // measured 0.090: ≈ 11 SE
  });

  it('constant U: the mean is (P, q), not 0; random U: the cloud is centred', () => {
    const fig2 = ganModel.presets.find((p) => p.id === 'fig2')!.state;
    const { params } = parseState(`${fig2}&P0=0.6&q0=0.5&n=4000`, models);
    const snap = simulatorWithMicro(ganModel, params).micro!();
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(snap.columns['v1']!)).toBeCloseTo(0.6, 10); // exact: P = (1/n)Σ √n V_i here
    expect(mean(snap.columns['w']!)).toBeCloseTo(0.5, 10);
    const random = parseState(`${fig2}&P0=0.6&q0=0.5&n=4000&U=random`, models).params;
    const snapR = simulatorWithMicro(ganModel, random).micro!();
    expect(Math.abs(mean(snapR.columns['v1']!))).toBeLessThan(4 / Math.sqrt(4000));
    const g = ganCloudGaussian(random, (name) => ({ P11: 0.6, q1: 0.5, r1: 0.3 })[name] ?? 1);
    expect(g.mean).toEqual([0, 0]);
    expect(g.cov).toEqual([1, 0.3, 1]);
  });
});
