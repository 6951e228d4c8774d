/**
 * The linear β-VAE: the corrected ODE (docs/models/vae.md) against the SGD at the 1/√N rate,
 * Theorem 5.1 at small τ, the finite-τ fixed points docs/models/vae.md measured, posterior collapse and
 * KL annealing (Theorem 5.4).
 */
import { describe, expect, it } from 'vitest';

import { analyzeFixedPoints, phaseCell, scan1d } from '../../core/analysis';
import { runOde, runSgd, series } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';

function params(query: string) {
  const parsed = parseState(`model=vae&${query}`, models);
  expect(parsed.notices).toEqual([]);
  return parsed;
}

/** Relative RMS of SGD − ODE over the samples after t = 0, all order parameters, several seeds. */
function rms(query: string, seeds: number[], samples: number): number {
  let sum = 0;
  let count = 0;
  for (const seed of seeds) {
    const { model, params: p } = params(`${query}&seed=${seed}`);
    const ode = runOde(model, p, { samples });
    const sgd = runSgd(model, p, { samples });
    for (const name of ode.names) {
      if (name === 'beta') continue;
      const a = series(ode, name);
      const b = series(sgd, name);
      for (let j = 1; j < a.length; j++) {
        sum += ((a[j]! - b[j]!) / Math.max(1, Math.abs(a[j]!))) ** 2;
        count++;
      }
    }
  }
  return Math.sqrt(sum / count);
}

// The SGD is the default sampler, the Gram chain (reduced.ts; equal in law to the literal SGD,
// reduced.test.ts), so eight seeds are cheap. Measured √N·RMS: 0.21 (N = 500) and 0.24 (N = 2000)
// at τ = 0.1; 0.062 and 0.062 at τ = 0.01; 0.23 for M = 2, M* = 1 (the literal SGD gave 0.24,
// 0.21, 0.04, 0.05 and 0.18 with the three, one and two seeds these tests used before).
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('VAE: the ODE against the SGD (informed start)', () => {
  it('τ = 0.1: within 1/√N at N = 500 and 2000, shrinking like 1/√N', () => {
    const q = 'tau=0.1&beta=0.5&init=informed&m0=0.2&T=40';
    const at500 = rms(`${q}&n=500`, SEEDS, 21);
    const at2000 = rms(`${q}&n=2000`, SEEDS, 21);
    expect(at500).toBeLessThan(1 / Math.sqrt(500));
    expect(at2000).toBeLessThan(1 / Math.sqrt(2000));
    expect(at500 / at2000).toBeGreaterThan(1.4); // 1/√N predicts 2
  });

  it('τ = 0.01: the same at N = 500 and 2000', () => {
    const q = 'tau=0.01&beta=0.5&init=informed&m0=0.2&T=100';
    const at500 = rms(`${q}&n=500`, SEEDS, 11);
    const at2000 = rms(`${q}&n=2000`, SEEDS, 11);
    expect(at500).toBeLessThan(0.5 / Math.sqrt(500));
    expect(at2000).toBeLessThan(0.5 / Math.sqrt(2000));
  });

  it('the mismatched case M = 2, M* = 1 follows the SGD too', () => {
    expect(
      rms('tau=0.1&beta=0.5&M=2&Mstar=1&init=informed&m0=0.2&T=40&n=1000', SEEDS, 21),
    ).toBeLessThan(1 / Math.sqrt(1000));
  });
});

describe('VAE: fixed points', () => {
  const end = (query: string, name: string) => {
    const { model, params: p } = params(query);
    const ode = runOde(model, p, { samples: 101 });
    expect(ode.status).toBe('done');
    return series(ode, name).at(-1)!;
  };

  // Theorem 5.1 (τ → 0, ρ = η = 1, P = ρ + η = 2): m* = √(P − β),
  // ε* = ρ − √(P − β)(2√ρ − √(P − β)) for β < P; m* = 0, ε* = ρ above.
  for (const beta of [0.5, 1, 1.5]) {
    it(`Theorem 5.1 at τ = 0.001, β = ${beta}`, () => {
      const q = `tau=0.001&beta=${beta}&init=informed&m0=0.3&T=30000`;
      const s = Math.sqrt(2 - beta);
      expect(end(q, 'm11')).toBeCloseTo(s, 2);
      expect(Math.abs(end(q, 'epsg') - (1 - s * (2 - s)))).toBeLessThan(2e-3);
    });
  }

  it('posterior collapse above β* = ρ + η: m → 0 and ε_g → ρ', () => {
    const q = 'tau=0.001&beta=2.5&init=informed&m0=0.3&T=30000';
    expect(Math.abs(end(q, 'm11'))).toBeLessThan(0.01);
    expect(end(q, 'epsg')).toBeCloseTo(1, 2);
  });

  // docs/models/vae.md measured the finite-τ stable points: the τ² terms move them.
  const finite: [number, number, number][] = [
    [0.01, 0.5, 0.058],
    [0.01, 1, 0.004],
    [0.01, 1.5, 0.088],
    [0.1, 0.5, 0.131],
    [0.1, 1, 0.042],
    [0.1, 1.5, 0.109],
  ];
  for (const [tau, beta, eps] of finite) {
    it(`finite τ = ${tau}, β = ${beta}: ε* = ${eps} (docs/models/vae.md)`, () => {
      expect(end(`tau=${tau}&beta=${beta}&init=informed&m0=0.3&T=${60 / tau}`, 'epsg')).toBeCloseTo(
        eps,
        3,
      );
    });
  }

  it('Theorem 5.4: tanh KL annealing ends at the fixed point of constant β = 1', () => {
    const annealed = end(
      'tau=0.1&anneal=tanh&gamma=0.05&betaTarget=1&init=informed&m0=0.2&T=600',
      'epsg',
    );
    const constant = end('tau=0.1&beta=1&init=informed&m0=0.2&T=600', 'epsg');
    expect(Math.abs(annealed - constant)).toBeLessThan(1e-4);
    expect(end('tau=0.1&anneal=tanh&gamma=0.05&betaTarget=1&T=600', 'beta')).toBeCloseTo(1, 6);
  });
});

describe('VAE: the posterior-collapse threshold β* = ρ + η through the fixed-point engine', () => {
  for (const [beta, learnable] of [
    [0.5, true],
    [1.5, true],
    [2.5, false],
  ] as const) {
    it(`β = ${beta}: ${learnable ? 'the learnable point (m ≠ 0) is stable' : 'only the collapsed point (m = 0) is stable'}`, () => {
      const { model, params: p } = params(`tau=0.1&beta=${beta}`);
      const found = analyzeFixedPoints(model, p);
      const stable = found.points.filter((x) => x.stability === 'stable');
      expect(stable.length).toBeGreaterThan(0);
      for (const s of stable) expect(Math.abs(s.x[0]!) > 1e-6).toBe(learnable);
    });
  }
});

describe('VAE: phases in the (β, η) plane (Theorems 5.1 and 5.3)', () => {
  const cases: [string, number, number, string][] = [
    ['M=1&Mstar=1', 0.5, 1, 'learnable'],
    ['M=1&Mstar=1', 2.5, 1, 'collapsed'], // β > ρ + η = 2
    ['M=2&Mstar=1', 0.5, 1, 'overfitting'], // β < η: the second latent fits the noise
    ['M=2&Mstar=1', 1.5, 1, 'learnable'], // η < β < ρ + η
    ['M=2&Mstar=1', 2.5, 1, 'collapsed'],
  ];
  for (const [dims, beta, eta, phase] of cases) {
    it(`${dims}, β = ${beta}, η = ${eta}: ${phase}`, () => {
      const { model, params: p } = params(`tau=0.1&${dims}&beta=${beta}&eta=${eta}`);
      expect(phaseCell(model, p).label).toBe(phase);
    });
  }
});

describe('VAE: random starts', () => {
  it('runs are folded onto m ≥ 0, so their mean reaches the ODE end point', () => {
    const { model, params: p } = params('tau=0.1&beta=0.5&init=random&n=500&T=200');
    const ode = runOde(model, p, { samples: 5 });
    const sgd = runSgd(model, p, { samples: 5, runs: 16 });
    const mOde = series(ode, 'm11').at(-1)!;
    expect(mOde).toBeGreaterThan(1.2); // m* ≈ 1.258 at τ = 0.1, β = 0.5
    // Measured: 0.11/√N below the ODE (the runs' spread is 0.24/√N).
    expect(Math.abs(series(sgd, 'm11').at(-1)! - mOde)).toBeLessThan(1 / Math.sqrt(500));
    expect(series(sgd, 'm11')[0]!).toBeGreaterThanOrEqual(0);
  });
});

describe('VAE: Theorem 5.3 (M = 2, M* = 1, τ → 0; ρ = η = 1, P = 2)', () => {
  const end = (beta: number) => {
    const { model, params: p } = params(
      `tau=0.001&beta=${beta}&M=2&Mstar=1&init=informed&m0=0.3&T=40000`,
    );
    const ode = runOde(model, p, { samples: 3 });
    return (name: string) => series(ode, name).at(-1)!;
  };

  it('β = 0.5 < η: the overfitting point — the superfluous latent fits the noise', () => {
    const at = end(0.5);
    const P = 2;
    const b = 0.5;
    const expected: Record<string, number> = {
      m11: Math.sqrt(P - b),
      d11: Math.sqrt(P - b) / P,
      Q11: P - b,
      Q22: 1 - b, // η − β
      E11: (P - b) / (P * P),
      E22: 1 - b, // (η − β)/η²
      R11: (P - b) / P,
      R22: 1 - b, // (η − β)/η
      D1: b / P,
      D2: b, // β/η
    };
    for (const [name, value] of Object.entries(expected))
      expect(at(name), name).toBeCloseTo(value, 2);
    for (const name of ['m21', 'Q12', 'E12', 'R12'])
      expect(Math.abs(at(name)), name).toBeLessThan(1e-3);
  });

  it('η < β = 1.5 < ρ + η: the learnable point — the superfluous latent collapses', () => {
    const at = end(1.5);
    expect(at('m11')).toBeCloseTo(Math.sqrt(0.5), 2);
    expect(at('Q22')).toBeLessThan(1e-3);
    expect(at('D2')).toBeCloseTo(1, 2); // its posterior is the prior
    expect(at('D1')).toBeCloseTo(0.75, 2); // β/P
  });
});

describe('VAE: Fig. 2 — the settled ε_g against β (a 1-parameter scan)', () => {
  it('follows Theorem 5.1 at τ = 0.001: optimum at β = η, collapse beyond β = ρ + η', () => {
    const { model, params: p } = params('tau=0.001&init=informed&m0=0.3');
    const betas = [0.25, 0.5, 1, 1.5, 1.75, 2.25, 2.75];
    const r = scan1d(model, p, { param: 'beta', values: betas });
    const eps = r.final.map((row) => row[r.names.indexOf('epsg')]!);
    betas.forEach((b, k) => {
      const s = Math.sqrt(Math.max(0, 2 - b));
      const theorem = b < 2 ? 1 - s * (2 - s) : 1;
      expect(Math.abs(eps[k]! - theorem), `β = ${b}`).toBeLessThan(5e-3);
    });
    expect(Math.min(...eps)).toBe(eps[2]); // β = 1 = η
    expect(r.labels.slice(-2)).toEqual(['collapsed', 'collapsed']);
  });
});
