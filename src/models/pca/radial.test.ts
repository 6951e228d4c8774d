/**
 * The radial fluctuations √n(r⊥² − r_eq) of (3.5)/(7.8), corrected (radial.ts; derivation in
 * docs/models/pca.md, "Radial fluctuations"): many runs of the exact Gram chain at two times
 * against the Gaussian law's mean and variance, at the paper's Fig. 5 setting and at settings
 * the paper does not use (k = 3 with c_δ = 0.5 from an informed r0 ≠ c_δ, and the §7 ridge).
 */
import { describe, expect, it } from 'vitest';

import { fluctuationSpec } from '../../core/model';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { pcaModel } from '.';
import { pcaRadialFluctuation } from './fluctuations';
import { pcaParamsOf } from './params';
import { radialDrift, radialLaw, radialNoiseVariance } from './radial';

/** The values √n(r⊥² − centre) of `runs` Gram-chain runs (streams 0…runs−1) at each time. */
function radialSamples(query: string, times: number[], runs: number) {
  const { model, params, notices } = parseState(`model=pca&${query}`, models);
  expect(notices).toEqual([]);
  const scale = pcaRadialFluctuation.scale(params);
  const centre = pcaRadialFluctuation.centre(params);
  const values = times.map(() => new Float64Array(runs));
  const out = new Float64Array(2);
  for (let r = 0; r < runs; r++) {
    const sim = model.simulator(params, { stream: r, variant: 'gram' });
    times.forEach((t, j) => {
      sim.step(Math.round(t * sim.stepsPerTime) - sim.steps);
      sim.observe(out);
      values[j]![r] = scale * (out[1]! - centre);
    });
  }
  return { params, values };
}

function moments(x: Float64Array) {
  const R = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / R;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1);
  // Standard errors of the mean and (for a near-Gaussian sample) of the variance.
  return {
    mean,
    variance,
    seMean: Math.sqrt(variance / R),
    seVar: variance * Math.sqrt(2 / (R - 1)),
  };
}

/** Mean and variance at each time within 4 standard errors of radialLaw; returns the moments. */
function expectLaw(query: string, times: number[], runs: number) {
  const { params, values } = radialSamples(query, times, runs);
  const p = pcaParamsOf(params);
  return times.map((t, j) => {
    const law = radialLaw(p, t);
    expect(law, `law at t = ${t}`).not.toBeNull();
    const s = moments(values[j]!);
    const what = `${query}, t = ${t}: sample ${s.mean.toFixed(3)} ± ${s.seMean.toFixed(3)}, var ${s.variance.toFixed(3)} ± ${s.seVar.toFixed(3)}; law ${law!.mean.toFixed(3)} + bias ${law!.bias.toFixed(3)}, var ${(law!.sd ** 2).toFixed(3)}`;
    // The limit's mean plus its O(1/√n) correction (radialLaw's bias, small against 4 SE except
    // at k = 3, c_δ = 0.5, n = 1000, where the bare limit is 5 SE off).
    expect(Math.abs(s.mean - law!.mean - law!.bias), what).toBeLessThan(4 * s.seMean);
    expect(Math.abs(s.variance - law!.sd ** 2), what).toBeLessThan(4 * s.seVar);
    return s;
  });
}

describe('PCA: the law of √n(r⊥² − r_eq), (3.5)/(7.8) corrected', () => {
  it('closed forms: f′(c_δ) = −4kc_δ^{k−1}, stationary variance 2kc_δ², 4c_δ(c_δ − α/4) with the ridge', () => {
    for (const [k, cdelta] of [
      [2, 1],
      [3, 0.5],
      [4, 0.7],
    ] as const) {
      const p = { k, cdelta, alpha: 0 };
      const { f, slope } = radialDrift(p, cdelta);
      expect(f).toBeCloseTo(0, 14);
      // f″ against a central difference of f′.
      const h = 1e-5;
      const fd = (radialDrift(p, cdelta + h).slope - radialDrift(p, cdelta - h).slope) / (2 * h);
      expect(radialDrift(p, cdelta).curvature).toBeCloseTo(fd, 5);
      expect(slope).toBeCloseTo(-4 * k * cdelta ** (k - 1), 12);
      expect(radialNoiseVariance(p, cdelta) / (2 * -slope)).toBeCloseTo(2 * k * cdelta ** 2, 12);
    }
    const ridge = { k: 2, cdelta: 1, alpha: 1 };
    const { f, slope } = radialDrift(ridge, 0.75);
    expect(f).toBeCloseTo(0, 14);
    expect(radialNoiseVariance(ridge, 0.75) / (2 * -slope)).toBeCloseTo(3, 12); // 4·1·0.75
    // Long after the start the law is stationary, about r_eq with that variance.
    const p = pcaParamsOf(parseState('model=pca&k=2&lambda=0.5&alpha=1&n=2000', models).params);
    const late = radialLaw(p, 5)!;
    expect(late.mean).toBeCloseTo(0, 6);
    expect(late.sd ** 2).toBeCloseTo(3, 6);
    expect(pcaRadialFluctuation.centre(parseState('model=pca&alpha=1', models).params)).toBe(0.75);
    // Past α_c(2) = 4c_δ there is no equator and no law.
    const collapse = parseState('model=pca&alpha=4.2', models).params;
    expect(radialLaw(pcaParamsOf(collapse), 1)).toBeNull();
    // The model lists it beside √n·m, which stays the default; fl=r2 / --series r2 choose it.
    expect(fluctuationSpec(pcaModel, 'r2')?.law).toBe(pcaRadialFluctuation.law);
    expect(fluctuationSpec(pcaModel, null)?.series).toBe('m');
    expect(fluctuationSpec(pcaModel, 'toString')?.series).toBe('m');
  });

  it('the paper’s Fig. 5 setting (k = 2, c_δ = 1, λ = 0.9, n = 2000, random start), 2000 runs', () => {
    // t = 0.05: the variance still relaxes from 2r0² = 2 (4 − 2e^{−0.8} = 3.10); t = 1: 2k = 4.
    const [, late] = expectLaw(
      'k=2&lambda=0.9&cdelta=1&init=random&r0=1&n=2000&seed=11&T=1',
      [0.05, 1],
      2000,
    );
    // The misprints are rejected: the printed drift −4k²·r̃ with the corrected noise would give a
    // stationary variance 2 (and the printed pair (k − 1)/(2k) = ¼).
    expect(Math.abs(late!.variance - 2)).toBeGreaterThan(4 * late!.seVar);
  });

  it('k = 3, c_δ = 0.5, informed r0 = 0.8 (time-dependent coefficients), n = 1000, 2000 runs', () => {
    // Mean √n(ρ(t) − c_δ) from ρ(0) = 0.8, variance from 0 towards 2kc_δ² = 1.5.
    expectLaw(
      'k=3&lambda=1&cdelta=0.5&init=informed&m0=0&r0=0.8&n=1000&seed=12&T=1.5',
      [0.1, 1.5],
      2000,
    );
  });

  it('the §7 ridge at k = 3, α = 1.4 < α_c(3) = 1.5: about the upper root 0.629, 2000 runs', () => {
    // Near α_c the equator is shallow (f′(r_eq) = −1.95): slow relaxation, stationary variance 9.2.
    // n = 8000: at n = 2000 the variance at t = 2 is 9.93 ± 0.31 against 8.98, an O(1/n) excess
    // that is gone here (docs/models/pca.md).
    expectLaw(
      'k=3&lambda=1&cdelta=1&alpha=1.4&init=informed&m0=0&r0=0.9&n=8000&seed=14&T=2',
      [0.2, 2],
      2000,
    );
  });

  it('the §7 ridge, α = 1 (k = 2, c_δ = 1): about r_eq = 0.75, n = 2000, 2000 runs', () => {
    // From r0 = 1 the mean falls from √n·0.25 = 11.2 to 0; the variance tends to 3, not 2k = 4.
    expectLaw(
      'k=2&lambda=0.5&cdelta=1&alpha=1&init=random&r0=1&n=2000&seed=13&T=1',
      [0.1, 1],
      2000,
    );
  });
});
