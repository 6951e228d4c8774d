/**
 * The ridge-penalised loss of §7 (Appendix 7): L + (α/2)‖x‖². The ODE's equator against α_c(k)
 * and its roots, and the ridge SGD (both samplers) against the ODE.
 */
import { describe, expect, it } from 'vitest';

import { analyzeFixedPoints } from '../../core/analysis';
import { runOde, runSgd, series } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { alphaC, ridgeEquatorRadii } from './closedForms';

function parsed(query: string) {
  const r = parseState(`model=pca&${query}`, models);
  expect(r.notices).toEqual([]);
  return r;
}

/** r⊥² where the ODE from (0, r0) settles (m stays 0 on the equator). */
function settledRadius(query: string): number {
  const { model, params } = parsed(`${query}&init=informed&m0=0&T=400`);
  return series(runOde(model, params, { samples: 2 }), 'r2')[1]!;
}

describe('PCA with a ridge (§7)', () => {
  it('α_c(k) = 2c_δ^{k−1}k(k−1)^{−(k−1)}(k−2)^{k−2}: 4c_δ for k = 2 (not 2c_δ), 1.5 for k = 3', () => {
    expect(alphaC(2, 1)).toBe(4);
    expect(alphaC(2, 0.5)).toBe(2);
    expect(alphaC(3, 1)).toBeCloseTo(1.5, 14);
    expect(alphaC(4, 1)).toBeCloseTo((2 * 4 * 4) / 27, 14);
  });

  it('k = 2: the equator sits at r⊥² = c_δ − α/4 (the printed c_δ − α/2 is off) and is lost at 4c_δ', () => {
    expect(settledRadius('k=2&lambda=0.5&cdelta=1&alpha=1&r0=1')).toBeCloseTo(0.75, 6);
    expect(settledRadius('k=2&lambda=0.5&cdelta=1&alpha=3.9&r0=1')).toBeCloseTo(0.025, 6);
    expect(settledRadius('k=2&lambda=0.5&cdelta=1&alpha=4.1&r0=1')).toBeLessThan(1e-6);
  });

  it('k = 3: two equator roots below α_c(3) = 1.5, the upper stable; none above', () => {
    const roots = ridgeEquatorRadii(3, 1, 1.4);
    expect(roots).toHaveLength(2);
    for (const u of roots) expect(3 * u * (2 - 2 * u)).toBeCloseTo(1.4, 10);
    expect(settledRadius('k=3&lambda=1&cdelta=1&alpha=1.4&r0=0.9')).toBeCloseTo(roots[1]!, 6);
    expect(settledRadius(`k=3&lambda=1&cdelta=1&alpha=1.4&r0=${roots[0]! - 0.01}`)).toBeLessThan(
      1e-3,
    );
    expect(settledRadius('k=3&lambda=1&cdelta=1&alpha=1.6&r0=0.9')).toBeLessThan(1e-3);
    const { model, params } = parsed('k=3&lambda=1&cdelta=1&alpha=1.4');
    const types = analyzeFixedPoints(model, params).points.map((p) => [p.type, p.stability]);
    expect(types).toContainEqual(['equator', 'stable']);
    expect(types).toContainEqual(['equator†', 'unstable']);
  });

  it('the ridge SGD follows the ridge ODE within 3/√n (fast sampler, and the literal tensor one)', () => {
    for (const [variant, n] of [
      ['fast', 1000],
      ['tensor', 200],
    ] as const) {
      let sum = 0;
      let count = 0;
      for (const seed of [1, 2]) {
        const { model, params } = parsed(
          `k=2&lambda=2&cdelta=1&alpha=1&init=informed&m0=0.5&r0=0.5&T=1.5&n=${n}&seed=${seed}`,
        );
        const ode = runOde(model, params, { samples: 16 });
        const sgd = runSgd(model, params, { samples: 16, variant });
        for (const name of ['m', 'r2']) {
          const a = series(ode, name);
          const b = series(sgd, name);
          for (let j = 1; j < a.length; j++) {
            sum += (a[j]! - b[j]!) ** 2;
            count++;
          }
        }
      }
      expect(Math.sqrt(sum / count) * Math.sqrt(n), variant).toBeLessThan(3);
    }
  });

  it('k = 2: the recovered state moves to R² = λ − α/4, r⊥² = 4c_δR²/(4R² + α)', () => {
    // ṁ = 0 off the equator: 4λ − 4R² − α = 0; ṙ⊥² = 0: −8R²(r⊥² − c_δ) − 2αr⊥² = 0.
    const { model, params } = parsed(
      'k=2&lambda=2&cdelta=1&alpha=1&init=informed&m0=0.5&r0=0.5&T=50',
    );
    const ode = runOde(model, params, { samples: 2 });
    const R2 = 2 - 1 / 4;
    const r2 = (4 * R2) / (4 * R2 + 1);
    expect(series(ode, 'r2')[1]).toBeCloseTo(r2, 6);
    expect(series(ode, 'm')[1]).toBeCloseTo(Math.sqrt(R2 - r2), 6); // 0.935, not α = 0's 1
  });
});
