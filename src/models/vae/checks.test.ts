/**
 * The β-VAE checks beyond the ODE–SGD agreement of vae.test.ts: where the printed system fails
 * (τ = 0.3, η = 2), Theorem 5.4's J_max against the ODE's Jacobian, the Fig. 3 convergence-time
 * scan, and the rise and decay of E12 in the mismatched case.
 */
import { describe, expect, it } from 'vitest';

import { scan1d } from '../../core/analysis';
import { scansOf, scanValues } from '../../core/model';
import { solveOde } from '../../core/ode';
import { runOde, runSgd, series } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { jMaxNumeric, jMaxTheorem } from './annealing';
import { vaeLayout } from './layout';
import { vaeParamsOf } from './params';
import { printedVaeRhs } from './printed';

const L = vaeLayout(1, 1);

function parsed(query: string) {
  const r = parseState(`model=vae&${query}`, models);
  expect(r.notices).toEqual([]);
  return r;
}

/** Largest |ODE − SGD| over the order parameters and samples (one run). */
function maxGap(ys: Float64Array, t: ArrayLike<number>, sgd: ReturnType<typeof runSgd>): number {
  let gap = 0;
  L.names.forEach((name, i) => {
    const b = series(sgd, name);
    for (let j = 0; j < t.length; j++) gap = Math.max(gap, Math.abs(ys[j * L.size + i]! - b[j]!));
  });
  return gap;
}

describe('VAE: the printed system (18)–(23) against the corrected one and SGD', () => {
  const times = Array.from({ length: 31 }, (_, k) => k * 2);

  it('τ = 0.3, η = 2: the printed system blows up (in E11) while SGD and the corrected ODE agree', () => {
    const { model, params } = parsed('tau=0.3&eta=2&beta=0.5&init=informed&m0=0.2&T=60&n=2000');
    const printed = solveOde(
      printedVaeRhs(vaeParamsOf(params), L),
      model.initialState(params),
      times,
    );
    expect(printed.status).toBe('diverged');
    expect(L.names[printed.divergence!.index]).toBe('E11');
    expect(printed.divergence!.t).toBeLessThan(60);
    const ode = runOde(model, params, { samples: times.length });
    const sgd = runSgd(model, params, { samples: times.length });
    expect(ode.status).toBe('done');
    expect(Array.from(sgd.t)).toEqual(times);
    // ode.y carries the observables too: compare the state columns only.
    const width = ode.names.length;
    const state = new Float64Array(times.length * L.size);
    for (let j = 0; j < times.length; j++)
      state.set(ode.y.subarray(j * width, j * width + L.size), j * L.size);
    expect(maxGap(state, times, sgd)).toBeLessThan(3 / Math.sqrt(2000));
  });

  it('τ = 0.1, η = 1: the printed system misses SGD by many 1/√N, the corrected one does not', () => {
    const { model, params } = parsed('tau=0.1&eta=1&beta=0.5&init=informed&m0=0.2&T=60&n=2000');
    const printed = solveOde(
      printedVaeRhs(vaeParamsOf(params), L),
      model.initialState(params),
      times,
    );
    const sgd = runSgd(model, params, { samples: times.length });
    expect(Array.from(sgd.t)).toEqual(times);
    expect(printed.status).toBe('done');
    expect(maxGap(printed.y, times, sgd)).toBeGreaterThan(5 / Math.sqrt(2000));
  });
});

describe('VAE: Theorem 5.4 — the threshold γ = −J_max/2', () => {
  for (const nu of [0.05, 0.3, 1, 1.4, 1.8]) {
    it(`ν = ${nu}, τ = 0.001: the closed form (misprints corrected) is the Jacobian's leading eigenvalue`, () => {
      const { params } = parsed(`tau=0.001&rho=${2 - nu}&eta=${nu}&betaTarget=1&lambda=0`);
      const numeric = jMaxNumeric(vaeParamsOf(params))!;
      expect(numeric).not.toBeNull();
      expect(Math.abs(numeric / jMaxTheorem(0.001, nu) - 1)).toBeLessThan(0.01);
    });
  }

  it('the printed interval with its factor τ would pick the wrong branch (ν = 1, τ = 0.1)', () => {
    // Printed: the plateau τ(√5 − 3)/2 only for τ(1 − 2√2 + √5)/4 ≤ ν ≤ τ(1 + 2√2 + √5)/4.
    const { params } = parsed('tau=0.1&rho=1&eta=1&betaTarget=1&lambda=0');
    const printedBranch = -0.1 * 3 + 0.1 * Math.sqrt(5); // the "otherwise" branch at ν = 1
    const numeric = jMaxNumeric(vaeParamsOf(params))!;
    expect(Math.abs(numeric - jMaxTheorem(0.1, 1))).toBeLessThan(0.05 * 0.0382);
    expect(Math.abs(numeric - printedBranch)).toBeGreaterThan(0.02);
  });
});

describe('VAE: Fig. 3 — convergence time to ε* + 0.001 against the annealing rate γ', () => {
  const { model, params } = parsed(
    'tau=1&rho=1&eta=1&lambda=0&betaTarget=1&init=informed&m0=0.1&T=100',
  );
  const spec = scansOf(model).find((s) => s.id === 'gamma')!;
  const values = scanValues(spec);
  const r = scan1d(model, params, { param: 'gamma', values }, spec);
  const threshold = -jMaxNumeric(vaeParamsOf(params))! / 2;

  it('every point converged, and the constant-β reference was measured', () => {
    expect(r.measured.every(Number.isFinite)).toBe(true);
    expect(r.reference).not.toBeNull();
  });

  it('well below −J_max/2 the annealing sets the pace: time ∝ 1/γ', () => {
    const slow = values
      .map((g, k) => g * r.measured[k]!)
      .filter((_, k) => values[k]! < threshold / 10);
    expect(slow.length).toBeGreaterThan(3);
    expect(Math.max(...slow) / Math.min(...slow)).toBeLessThan(1.15);
  });

  it('fast annealing converges like constant β; a well-tuned γ converges faster (the paper’s claim)', () => {
    const last = r.measured[r.measured.length - 1]!;
    expect(Math.abs(last / r.reference! - 1)).toBeLessThan(0.05);
    const best = Math.min(...r.measured);
    const argBest = values[r.measured.indexOf(best)]!;
    expect(best).toBeLessThan(0.9 * r.reference!);
    expect(argBest).toBeGreaterThan(threshold); // the optimum is above the slow regime
  });
});

describe('VAE: the mismatched case M = 2, M* = 1 (Fig. 1, right)', () => {
  it('E12 rises from its random start, peaks, then decays to 0 (Theorem 5.3: E12* = 0)', () => {
    const { model, params } = parsed(
      'tau=0.01&rho=1&eta=1&lambda=0&init=random&n=500&seed=2&T=8000&M=2&Mstar=1&beta=1',
    );
    const e = series(runOde(model, params, { samples: 161 }), 'E12');
    const abs = Array.from(e, Math.abs);
    const peak = Math.max(...abs);
    const at = abs.indexOf(peak);
    expect(peak).toBeGreaterThan(3 * abs[0]!);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(abs.length / 2);
    expect(abs[abs.length - 1]!).toBeLessThan(peak / 100);
  });
});
