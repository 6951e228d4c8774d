/**
 * Batch normalisation with the population mean ((S-16), Appendix A.2: y − ȳ, ȳ = ⟨σ(z)⟩): the
 * quadrature ODE against a closed form for σ = x², and the two SGD samplers against the ODE.
 */
import { describe, expect, it } from 'vitest';

import { runOde, series } from '../../core/run';
import { parseState } from '../../core/state';
import { contrastiveModel } from '.';

const parse = (state: string) => parseState(`model=contrastive&${state}`, [contrastiveModel]);

describe('batch normalisation by the population mean', () => {
  it('σ = x², d₁ = 1, η = 0: the ODE is (S-46) less 8τνQ(1−Q)(1+νQ), with a centred Λ', () => {
    // ȳ = ⟨z²⟩ = M₂ = 1 + νQ; F = 4z(z² − ȳ) adds −4ȳz, so dq/dt gains −4τȳ⟨(c − qu)u⟩ =
    // −4τȳqν(1 − Q); Λ = (16τ²/m)⟨z²(z² − ȳ)²⟩ = (16τ²/m)(M₆ − 2M₂M₄ + M₂³).
    const [m2, m4, m6] = [1.1, 6.05, 33.275];
    const [nu, kappa, beta] = [m2 - 1, m4 - 3, m6 - 15];
    const tau = 0.09;
    const m = 10;
    const { model, params } = parse(
      `d1=1&sigma=square&c1=sparse:5.5,0.2&tau=${tau}&batch=${m}&eta=0&noiseCorr=0&bn=population`,
    );
    const rhs = model.rhs(params);
    const dx = new Float64Array(1);
    for (const Q of [0.05, 0.3, 0.6, 0.9]) {
      rhs(0, Float64Array.of(Q), dx);
      const M2 = 1 + nu * Q;
      const M4 = 3 + 6 * nu * Q * (1 - Q) + kappa * Q * Q;
      const M6 = beta * Q ** 3 + 15 * kappa * Q * Q * (1 - Q) + 45 * nu * Q * (1 - Q) ** 2 + 15;
      const expected =
        8 * tau * (1 - Q) * (kappa * Q * Q + 3 * nu * Q * (1 - 2 * Q)) -
        8 * tau * nu * Q * (1 - Q) * M2 -
        ((16 * tau * tau) / m) * Q * (M6 - 2 * M2 * M4 + M2 ** 3);
      expect(dx[0]).toBeCloseTo(expected, 12);
    }
  });

  it.each(['reduced', 'literal'])('the %s SGD follows the centred ODE within 4 SE', (variant) => {
    // Fig. 2's m₂ = 1.1 law with noise, so that ȳ = 1 + η + νQ moves with Q.
    const state =
      'd1=1&sigma=square&c1=sparse:5.5,0.2&tau=0.09&batch=10&eta=0.2&noiseCorr=-0.5&bn=population&q0=0.55&seed=1';
    const [N, runs, T] = variant === 'reduced' ? [2000, 24, 20] : [300, 8, 10];
    const { model, params } = parse(`${state}&n=${N}&T=${T}`);
    const ode = series(runOde(model, params, { samples: 5 }), 'Q1');
    const x = new Float64Array(1);
    const sims = Array.from({ length: runs }, (_, r) =>
      model.simulator(params, { variant, stream: r }),
    );
    for (let k = 1; k < 5; k++) {
      const values = sims.map((sim) => {
        sim.step(Math.round((T / 4) * sim.stepsPerTime));
        sim.observe(x);
        return x[0]!;
      });
      const mean = values.reduce((s, v) => s + v, 0) / runs;
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (runs - 1));
      expect(Math.abs(mean - ode[k]!), `t = ${(T / 4) * k}`).toBeLessThan(
        (4 * sd) / Math.sqrt(runs) + 2 / N,
      );
    }
    // Centring changes the dynamics: the ȳ = 0 ODE differs by far more than that.
    const off = parse(`${state.replace('bn=population', 'bn=off')}&n=${N}&T=${T}`);
    const plain = series(runOde(off.model, off.params, { samples: 5 }), 'Q1');
    expect(Math.abs(plain[4]! - ode[4]!)).toBeGreaterThan(0.05);
  });
});
