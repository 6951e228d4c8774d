/**
 * The quadrature ODE (11) of the contrastive model against closed forms for σ = x² (S-46, the
 * corrected two-feature system of docs/models/contrastive.md and the noise case derived in
 * docs/models/contrastive.md), and Proposition 3's threshold against the ODE's root.
 * The closed forms live here only: the app uses the quadrature ODE alone.
 */
import { describe, expect, it } from 'vitest';

import { analyzeFixedPoints } from '../../core/analysis';
import { solveOde } from '../../core/ode';
import { gaussHermite } from '../../core/quadrature';
import { parseState } from '../../core/state';
import { contrastiveModel } from '.';
import { prop3Threshold } from './closedForms';
import { type Law, lawOf } from './laws';
import { basinOfState } from './theory';

const parse = (state: string) => parseState(`model=contrastive&${state}`, [contrastiveModel]);

function rhsAt(state: string, Q: number[]): number[] {
  const { params } = parse(state);
  const dx = new Float64Array(Q.length);
  contrastiveModel.rhs(params)(0, Float64Array.from(Q), dx);
  return Array.from(dx);
}

/** (S-46) as corrected in docs/models/contrastive.md (the (1 − 2Q) factor of (12) restored), σ = x², η = 0. */
function s46(Q: number, tau: number, m: number, c: Law): number {
  const [nu, ka, be] = [c.m2 - 1, c.m4 - 3, c.m6 - 15];
  const z6 = Q ** 3 * be + 15 * Q ** 2 * (1 - Q) * ka + 45 * Q * (1 - Q) ** 2 * nu + 15;
  return (
    8 * tau * (1 - Q) * (Q * Q * ka + 3 * Q * (1 - 2 * Q) * nu) - ((16 * tau * tau) / m) * Q * z6
  );
}

/** docs/models/contrastive.md's corrected two-feature system (S-50 doubled, β₁Q₁³, 3ν₂(1 − 2Q₂), S-52 fixed). */
function twoFeature(Q1: number, Q2: number, tau: number, m: number, a: Law, b: Law): number[] {
  const [n1, k1, b1] = [a.m2 - 1, a.m4 - 3, a.m6 - 15];
  const [n2, k2, b2] = [b.m2 - 1, b.m4 - 3, b.m6 - 15];
  const H1 = k1 * Q1 * Q1 + 3 * n1 * Q1 * (1 - 2 * Q1) + 3 * n1 * n2 * Q1 * Q2;
  const H2 = k2 * Q2 * Q2 + 3 * n2 * Q2 * (1 - 2 * Q2) + 3 * n1 * n2 * Q1 * Q2;
  const z6 =
    b1 * Q1 ** 3 +
    b2 * Q2 ** 3 +
    15 * k1 * Q1 ** 2 * (1 - Q1) +
    15 * k2 * Q2 ** 2 * (1 - Q2) +
    45 * n1 * Q1 * (1 - Q1) ** 2 +
    45 * n2 * Q2 * (1 - Q2) ** 2 +
    15 * k1 * n2 * Q1 ** 2 * Q2 +
    15 * k2 * n1 * Q1 * Q2 ** 2 +
    90 * n1 * n2 * Q1 * Q2 * (1 - Q1 - Q2) +
    15;
  const lam = ((16 * tau * tau) / m) * z6;
  return [8 * tau * (H1 - Q1 * (H1 + H2)) - Q1 * lam, 8 * tau * (H2 - Q2 * (H1 + H2)) - Q2 * lam];
}

/**
 * σ = x², d₁ = 1, augmentation noise of variance η and correlation ρ (docs/models/contrastive.md):
 *   dQ/dt = 8τQ(1 − Q)[κQ + 3ν(1 − 2Q) + η(1 + 2ρ)ν] − QΛ,
 *   Λ = (8τ²/m)[(1 + η)⟨z₁⁴z₂²⟩ + (1 + ρη)⟨z₁³z₂³⟩], with the moments M_k = ⟨u^k⟩ of u = qc + √(1−Q)e.
 */
function noisy(Q: number, tau: number, m: number, c: Law, eta: number, rho: number): number {
  const [nu, ka, be] = [c.m2 - 1, c.m4 - 3, c.m6 - 15];
  const M2 = 1 + nu * Q;
  const M4 = 3 + 6 * nu * Q * (1 - Q) + ka * Q * Q;
  const M6 = be * Q ** 3 + 15 * Q * Q * (1 - Q) * ka + 45 * Q * (1 - Q) ** 2 * nu + 15;
  const e2 = eta * eta;
  const e3 = e2 * eta;
  const z42 =
    M6 +
    eta * (7 + 8 * rho) * M4 +
    e2 * (9 + 24 * rho + 12 * rho * rho) * M2 +
    e3 * (3 + 12 * rho * rho);
  const z33 =
    M6 +
    eta * (6 + 9 * rho) * M4 +
    e2 * (9 + 18 * rho + 18 * rho * rho) * M2 +
    e3 * (9 * rho + 6 * rho ** 3);
  const lam = ((8 * tau * tau) / m) * ((1 + eta) * z42 + (1 + rho * eta) * z33);
  const drift = ka * Q + 3 * nu * (1 - 2 * Q) + eta * (1 + 2 * rho) * nu;
  return 8 * tau * Q * (1 - Q) * drift - Q * lam;
}

const LAWS = ['sparse:5.5,0.2', 'gauss:1.2', 'moments:1.1,6.05,33.28', 'sparse:4,0.35'];
const GRID = [0, 1e-6, 0.013, 0.1, 0.37, 0.5, 0.81, 0.999, 1];

describe('contrastive ODE (11) by quadrature, σ = x²', () => {
  it('equals (S-46) (with its (1 − 2Q) factor) to 1e-10 for several laws', () => {
    for (const law of LAWS) {
      for (const Q of GRID) {
        const [dQ] = rhsAt(`d1=1&c1=${law}&tau=0.3&batch=4`, [Q]);
        expect(Math.abs(dQ! - s46(Q, 0.3, 4, lawOf(law)))).toBeLessThan(1e-10);
      }
    }
  });

  it('equals the corrected two-feature system to 1e-10 (docs/models/contrastive.md)', () => {
    const pairs = [
      ['gauss:1.2', 'moments:1.1,6.05,33.28'],
      ['sparse:5,0.2', 'sparse:5.5,0.2'],
      ['gauss:0.9', 'gauss:1.3'],
    ] as const;
    for (const [a, b] of pairs) {
      for (const [Q1, Q2] of [
        [0, 0],
        [0.2, 0.1],
        [0.05, 0.9],
        [0.5, 0.5],
        [0.7, 0.01],
      ] as const) {
        const got = rhsAt(`d1=2&c1=${a}&c2=${b}&tau=0.2&batch=7`, [Q1, Q2]);
        const want = twoFeature(Q1, Q2, 0.2, 7, lawOf(a), lawOf(b));
        expect(Math.abs(got[0]! - want[0]!)).toBeLessThan(1e-10);
        expect(Math.abs(got[1]! - want[1]!)).toBeLessThan(1e-10);
      }
    }
  });

  it('equals the derived augmentation-noise closed form to 1e-10 (ρ = 0, −1, 0.5, 1)', () => {
    for (const law of ['sparse:5,0.2', 'gauss:1.1']) {
      for (const [eta, rho] of [
        [0.1, 0],
        [0.4, -1],
        [0.7, 0.5],
        [0.3, 1],
        [1.5, -0.3],
      ] as const) {
        for (const Q of GRID) {
          const [dQ] = rhsAt(`d1=1&c1=${law}&tau=0.1&batch=10&eta=${eta}&noiseCorr=${rho}`, [Q]);
          const want = noisy(Q, 0.1, 10, lawOf(law), eta, rho);
          expect(Math.abs(dQ! - want)).toBeLessThan(1e-10);
        }
      }
    }
  });

  it('is not the printed (S-60)/(S-63): they drop the 15 of ⟨Θ⁶⟩ and (S-63) makes Λ < 0', () => {
    // (S-63) at Q = 0, m₂ = 1, m4 = 5 (Claim 4's setting): Λ ∝ (8η² − 16η)·3 + 30η⁴ − 12η³ + 6η².
    const eta = 0.3;
    const printed = (8 * eta * eta - 16 * eta) * 3 + 30 * eta ** 4 - 12 * eta ** 3 + 6 * eta ** 2;
    expect(printed).toBeLessThan(0);
    // The derived Λ at Q = 0 is positive: dQ/dt ≈ −QΛ just above Q = 0.
    const [dQ] = rhsAt(`d1=1&c1=sparse:5,0.2&tau=0.1&batch=10&eta=${eta}&noiseCorr=-1`, [1e-8]);
    expect(dQ!).toBeLessThan(0);
  });
});

describe('ReLU without noise: a closed form that depends on m₂ only', () => {
  it('dQ/dt = 2Q[τν(1 − Q) − (τ²/m)(1 + νQ)], ν = m₂ − 1, for Gaussian, sparse and moment laws', () => {
    // ReLU is positively homogeneous and every law is symmetric: ⟨c·relu(u)⟩ = ⟨cu⟩/2,
    // ⟨u·relu(u)⟩ = ⟨u²⟩/2 and ⟨relu(u)²⟩ = ⟨u²⟩/2 = (1 + νQ)/2, so only m₂ enters.
    for (const law of ['gauss:1.3', 'sparse:6,0.2', 'moments:1.2,5,40']) {
      const nu = lawOf(law).m2 - 1;
      for (const Q of GRID) {
        const [dQ] = rhsAt(`d1=1&sigma=relu&c1=${law}&tau=0.4&batch=5`, [Q]);
        const want = 2 * Q * (0.4 * nu * (1 - Q) - (0.16 / 5) * (1 + nu * Q));
        expect(Math.abs(dQ! - want)).toBeLessThan(1e-10);
      }
    }
  });
});

/** m₂ at which the ODE's rate at Q → 0 changes sign (bisection on a Gaussian law's variance). */
function odeRoot(state: string): number {
  const rate = (m2: number) => rhsAt(`d1=1&c1=gauss:${m2}&${state}`, [1e-9])[0]! / 1e-9;
  let lo = 0.5;
  let hi = 3;
  expect(rate(lo)).toBeLessThan(0);
  expect(rate(hi)).toBeGreaterThan(0);
  for (let k = 0; k < 60; k++) {
    const mid = 0.5 * (lo + hi);
    if (rate(mid) > 0) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/** Prop. 3's printed formula (S-45) with σ″, by its own Gauss–Hermite sum (η = 0: σ₁ = σ₂). */
function printedProp3(
  f: (x: number) => number,
  d: (x: number) => number,
  dd: (x: number) => number,
  tm: number,
): number {
  const { nodes, weights } = gaussHermite(150);
  let num = 0;
  let den = 0;
  for (let k = 0; k < nodes.length; k++) {
    const e = nodes[k]!;
    const w = weights[k]!;
    num += w * 4 * (f(e) * d(e)) ** 2; // ⟨σ²σ′²⟩ + ⟨σ²σ′²⟩ + 2⟨σσ′σσ′⟩
    den += w * (2 * f(e) * dd(e) + 2 * d(e) * d(e));
  }
  return 1 + (tm / 2) * (num / den);
}

describe('Proposition 3: the learnability threshold', () => {
  const tms = [0.002, 0.009, 0.02, 0.05];
  it('σ = x²: m₂* = 1 + 10τ/m, and the ODE root agrees', () => {
    for (const tm of tms) {
      const state = `tau=${tm * 8}&batch=8&sigma=square`;
      expect(Math.abs(odeRoot(state) - (1 + 10 * tm))).toBeLessThan(1e-8);
      const { params } = parse(state);
      expect(Math.abs(prop3Threshold(params) - (1 + 10 * tm))).toBeLessThan(1e-12);
    }
  });

  it('ReLU: m₂* = 1 + τ/m (⟨σ²σ′²⟩ = ½, ⟨2σ′²⟩ = 1), and the ODE root agrees', () => {
    for (const tm of tms) {
      const state = `tau=${tm * 8}&batch=8&sigma=relu`;
      expect(Math.abs(odeRoot(state) - (1 + tm))).toBeLessThan(1e-8);
    }
  });

  it('tanh: the printed formula (with σ″) equals the ODE root', () => {
    const t = Math.tanh;
    const d = (x: number) => 1 - t(x) ** 2;
    const dd = (x: number) => -2 * t(x) * d(x);
    for (const tm of tms) {
      const state = `tau=${tm * 8}&batch=8&sigma=tanh`;
      // tanh has poles at ±iπ/2, so the ODE's 60-node Gauss–Hermite sums carry errors of ~1e-7;
      // a wrong term in either formula would show at the scale of τ/m ≥ 0.002.
      expect(Math.abs(odeRoot(state) - printedProp3(t, d, dd, tm))).toBeLessThan(1e-6);
    }
  });

  it('with noise: Prop. 3 (any σ, any ρ) equals the ODE root', () => {
    for (const sigma of ['square', 'relu', 'tanh']) {
      for (const [eta, rho] of [
        [0.3, 0],
        [0.3, -1],
        [0.5, 0.6],
      ] as const) {
        const state = `tau=0.08&batch=8&sigma=${sigma}&eta=${eta}&noiseCorr=${rho}`;
        const { params } = parse(state);
        expect(Math.abs(odeRoot(state) - prop3Threshold(params))).toBeLessThan(1e-7);
      }
    }
  });
});

describe('fixed points through the generic engine', () => {
  const kinds = (state: string) =>
    analyzeFixedPoints(contrastiveModel, parse(state).params).points.map(
      (p) => `${p.type}:${p.stability}`,
    );

  it("Fig. 2's statements hold for τ/m in [0.0085, 0.0095] (b = 0.2, α = m₂/b), not at 0.007 or 0.0105", () => {
    const at = (tm: number, m2: number) =>
      kinds(`d1=1&c1=sparse:${m2 / 0.2},0.2&tau=${tm * 10}&batch=10`).sort();
    for (const tm of [0.0085, 0.009, 0.0095]) {
      expect(at(tm, 0.9)).toEqual(['origin:stable']); // no recovery state
      const one = at(tm, 1.0); // bistable: Q = 0 and a recovery state, a saddle between
      expect(one.filter((k) => k.endsWith(':stable'))).toEqual([
        'feature 1:stable',
        'origin:stable',
      ]);
      expect(at(tm, 1.1)).toContain('origin:unstable');
      expect(at(tm, 1.1)).toContain('feature 1:stable');
    }
    expect(at(0.007, 0.9)).toContain('feature 1:stable'); // m₂ = 0.9 would have a recovery state
    expect(at(0.0105, 1.1)).toContain('origin:stable'); // m₂ = 1.1 would not be learnable
  });

  it('Fig. 3: stable states on the axes only; the mixed state is a saddle; boundary ∝ Q₁^{1/3}', () => {
    const state = 'd1=2&c1=gauss:1.2&c2=moments:1.1,6.05,33.28&tau=0.05&batch=10';
    const found = kinds(state).sort();
    expect(found).toEqual([
      'feature 1:stable',
      'feature 2:stable',
      'mixed:unstable',
      'origin:unstable',
    ]);
    // At the origin the rates are 24τ(ν_i − 10τ/m) = 0.18 and 0.06: trajectories leave along
    // Q₂ ∝ Q₁^{0.06/0.18}, so the basins' boundary goes like Q₁^{1/3} (docs/models/contrastive.md: 0.076·Q₁^{1/3}).
    const origin = analyzeFixedPoints(contrastiveModel, parse(state).params).points.find(
      (p) => p.type === 'origin',
    )!;
    const eig = origin.eigenvalues.map((e) => e.re).sort((a, b) => a - b);
    // (The engine's Jacobian is a central difference with h = 1e-6: errors of ~1e-6.)
    expect(Math.abs(eig[0]! - 0.06)).toBeLessThan(1e-5);
    expect(Math.abs(eig[1]! - 0.18)).toBeLessThan(1e-5);
    // The boundary itself at Q₁ = 10⁻³, by bisection on Q₂ between the two basins.
    const rhs = contrastiveModel.rhs(parse(state).params);
    const basin = (Q1: number, Q2: number) =>
      basinOfState(solveOde(rhs, [Q1, Q2], [0, 3000], { rtol: 1e-9, atol: 1e-14 }).y.slice(2));
    let lo = 0;
    let hi = 0.5;
    expect(basin(1e-3, lo)).toBe('feature 1');
    expect(basin(1e-3, hi)).toBe('feature 2');
    for (let k = 0; k < 24; k++) {
      const mid = 0.5 * (lo + hi);
      if (basin(1e-3, mid) === 'feature 2') hi = mid;
      else lo = mid;
    }
    expect(Math.abs(hi / Math.cbrt(1e-3) - 0.076)).toBeLessThan(0.001);
  });
});
