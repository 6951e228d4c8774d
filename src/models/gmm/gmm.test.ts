/**
 * The binary-GMM classifier: the ODEs of Props. 4.1/4.2 against the literal SGD at the 1/√N rate,
 * run by run from random starts; basin fractions against ½ (Figs. 6–7); Prop. 4.2's fixed points
 * and the stability docs/models/gmm.md describes; the presets.
 */
import { describe, expect, it } from 'vitest';

import { analyzeFixedPoints } from '../../core/analysis';
import { basinFractions, odeFinals, sgdEnsemble } from '../../core/basins';
import { viewSpec } from '../../core/model';
import { solveOde, timeGrid } from '../../core/ode';
import { runOde, SampledSgd, series } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { BASIN_OPTIMAL, BASIN_QUARTER } from './closedForms';
import { cAlpha } from './params';

function params(query: string) {
  const parsed = parseState(`model=gmm&${query}`, models);
  expect(parsed.notices).toEqual([]);
  return parsed;
}

/**
 * RMS and max over all seven statistics and the samples after t = 0 of SGD − ODE, the ODE started
 * from each run's own measured start (streams 0..runs−1: each its own random initialisation).
 */
function deviation(
  query: string,
  runs: number,
  variant: 'literal' | 'fast' = 'literal',
): { rms: number; max: number } {
  const { model, params: p } = params(query);
  const times = timeGrid(0, Number(p['T']), 21);
  let sum = 0;
  let count = 0;
  let max = 0;
  for (let r = 0; r < runs; r++) {
    const run = new SampledSgd(model.simulator(p, { stream: r, variant }), times);
    while (!run.done) run.advance(1e6);
    const ode = solveOde(model.rhs(p), run.y.slice(0, 7), times);
    expect(ode.status).toBe('done');
    for (let k = 7; k < run.y.length; k++) {
      const d = run.y[k]! - ode.y[k]!;
      sum += d * d;
      count++;
      max = Math.max(max, Math.abs(d));
    }
  }
  return { rms: Math.sqrt(sum / count), max };
}

describe('GMM: the ODE against the literal SGD from random starts', () => {
  // Measured (4 runs, T = 40): RMS·√N ≈ 0.17 at N = 500 and 0.13 at N = 2000; max·√N ≈ 0.6.
  it('λ = 100 (Prop. 4.1): within 0.5/√N RMS and 2/√N at worst, shrinking like 1/√N', () => {
    const q = 'lambda=100&r0=0.01&alpha=0.1&init=random&T=30';
    const at250 = deviation(`${q}&n=250`, 4);
    const at1000 = deviation(`${q}&n=1000`, 4);
    for (const [N, d] of [
      [250, at250],
      [1000, at1000],
    ] as const) {
      expect(d.rms).toBeLessThan(0.5 / Math.sqrt(N));
      expect(d.max).toBeLessThan(2 / Math.sqrt(N));
    }
    expect(at250.rms / at1000.rms).toBeGreaterThan(1.4); // 1/√N predicts 2
  });

  it('λ = ∞ (Prop. 4.2, noiseless data): the same at N = 500 and 2000', () => {
    const q = 'lambda=inf&r0=0&alpha=0.1&init=random&T=40';
    const at500 = deviation(`${q}&n=500`, 4);
    const at2000 = deviation(`${q}&n=2000`, 4);
    expect(at500.rms).toBeLessThan(0.5 / Math.sqrt(500));
    expect(at2000.rms).toBeLessThan(0.5 / Math.sqrt(2000));
    expect(at500.max).toBeLessThan(2 / Math.sqrt(500));
    expect(at2000.max).toBeLessThan(2 / Math.sqrt(2000));
  });

  it("the 'fast' statistics chain: the same at λ = 100, N = 500 and 2000", () => {
    // Measured: RMS·√N ≈ 0.15, max·√N ≈ 1.0 at N = 500 (4 runs, T = 40).
    const q = 'lambda=100&r0=0.01&alpha=0.1&init=random&T=30';
    for (const N of [500, 2000]) {
      const d = deviation(`${q}&n=${N}`, 4, 'fast');
      expect(d.rms).toBeLessThan(0.5 / Math.sqrt(N));
      expect(d.max).toBeLessThan(2 / Math.sqrt(N));
    }
  });

  it('λ = 10 and c_δ = 0.5 (the corrector c_δ v_i v_j B_ij/λ at work): within 0.5/√N', () => {
    expect(deviation('lambda=10&r0=0.1&init=random&T=30&n=500', 2).rms).toBeLessThan(
      0.5 / Math.sqrt(500),
    );
    expect(deviation('lambda=100&r0=0.01&cdelta=0.5&init=random&T=30&n=500', 2).rms).toBeLessThan(
      0.5 / Math.sqrt(500),
    );
  });
});

describe('GMM: basins from random initialisations (Figs. 6–7)', () => {
  // 200 SGD runs at N = 200 to t = 20 (where the sign pattern of m is settled; at N = 500 and
  // t = 100 the labels of 200 runs were the same, measured once): the fraction with m1·m2 < 0
  // is ½ within 3 binomial standard errors, and run by run the basin is the one the sign of
  // v1·v2 at t = 0 predicts (Prop. 4.2) and the one the finite-λ ODE from the run's start reaches.
  const q = 'lambda=100&r0=0.01&alpha=0.1&init=random&n=200&T=20&seed=1';
  const { model, params: p } = params(q);
  const R = 200;
  const ens = sgdEnsemble(
    model,
    p,
    Array.from({ length: R }, (_, r) => r),
    2,
  );
  // Rows are the 7 statistics and the observable dm; two samples per run, t = 0 and T.
  const width = ens.names.length;
  const starts = ens.runs.map((y) => y.slice(0, 7));
  const labels = ens.runs.map((y) => model.theory!.basinOf!(p, y.slice(width)));

  it('the fraction in the optimal basin is ½ within 3 standard errors', () => {
    const optimal = basinFractions(labels).find((b) => b.label === BASIN_OPTIMAL)!;
    expect(labels.every((l) => l === BASIN_OPTIMAL || l === BASIN_QUARTER)).toBe(true);
    expect(Math.abs(optimal.fraction - 0.5)).toBeLessThan(3 * Math.sqrt(0.25 / R));
  });

  it('run by run, sign(v1·v2) at t = 0 decides, and the ODE from the same start agrees', () => {
    const predicted = starts.map((s) => (s[0]! * s[1]! < 0 ? BASIN_OPTIMAL : BASIN_QUARTER));
    const bySign = labels.filter((l, r) => l === predicted[r]).length;
    const finals = odeFinals(model, p, starts, 20);
    const byOde = finals.filter((f, r) => model.theory!.basinOf!(p, f) === labels[r]).length;
    // Measured: 200/200 and 200/200 (literal SGD, 400 runs: 399 and 400). A run with v_i(0) ≈ 0
    // may go either way.
    expect(bySign).toBeGreaterThanOrEqual(R - 2);
    expect(byOde).toBeGreaterThanOrEqual(R - 2);
  });
});

describe('GMM: at low SNR the basins are not the sign rule (found here)', () => {
  // The finite-λ ODE from 1000 random starts v ~ N(0, I₂), m = 0, R⊥ = I/λ (α = 0.1) ends with
  // m1·m2 < 0 in a fraction 0.752, 0.638, 0.576, 0.545, 0.539, 0.532 at λ = 0.5, 1, 2, 5, 10, 100,
  // where the sign rule of Prop. 4.2 gives 0.531 on the same starts: about a quarter of the
  // quarter-circle starts reach an optimal point at λ = 1. Fig. 7's ½ holds for λ ≳ 10.
  it('λ = 1: the ODE sends ≥ 10% of the v1·v2 > 0 starts to m1·m2 < 0, and SGD agrees run by run', () => {
    const { model, params: p } = params('lambda=1&r0=1&alpha=0.1&init=random&n=200&T=20&seed=1');
    const R = 100;
    const ens = sgdEnsemble(
      model,
      p,
      Array.from({ length: R }, (_, r) => r),
      2,
    );
    const starts = ens.runs.map((y) => y.slice(0, 7));
    const sgd = ens.runs.map((y) => model.theory!.basinOf!(p, y.slice(ens.names.length)));
    const ode = odeFinals(model, p, starts, 20).map((f) => model.theory!.basinOf!(p, f));
    const same = ode.filter((l, r) => l === sgd[r]).length;
    const quarterStarts = starts
      .map((s, r) => r)
      .filter((r) => starts[r]![0]! * starts[r]![1]! > 0);
    const crossed = quarterStarts.filter((r) => ode[r] === BASIN_OPTIMAL).length;
    // Measured (200 runs): SGD = ODE for 197, and 21 of 109 quarter-circle starts crossed.
    expect(same).toBeGreaterThanOrEqual(94);
    expect(crossed / quarterStarts.length).toBeGreaterThan(0.1);
  });
});

describe("GMM: Prop. 4.2's fixed points (λ = ∞)", () => {
  const at = (alpha: number) => {
    const { model, params: p } = params(`lambda=inf&alpha=${alpha}&r0=0`);
    return analyzeFixedPoints(model, p, { perAxis: 0 });
  };

  it('α = 0.1: ±(√C_α, −√C_α) stable with m = v and R⊥ = 0; the origin unstable', () => {
    const c = Math.sqrt(cAlpha(0.1)); // C_0.1 = log 4
    const a = at(0.1);
    const optimal = a.points.filter((x) => x.type === 'optimal');
    expect(optimal).toHaveLength(2);
    for (const fp of optimal) {
      expect(fp.stability).toBe('stable');
      expect(Math.abs(fp.x[0]!)).toBeCloseTo(c, 8);
      expect(fp.x[0]! * fp.x[1]!).toBeCloseTo(-c * c, 8);
      expect(fp.x[2]).toBeCloseTo(fp.x[0]!, 8);
      expect(fp.x[4]).toBeCloseTo(0, 10);
    }
    const origin = a.points.find((x) => x.type === 'origin')!;
    expect(origin.stability).not.toBe('stable');
    // Linearised at 0: v̇ = m/4 − αv, ṁ = v/4 − αm → eigenvalues −α ± 1/4.
    expect(origin.eigenvalues[0]!.re).toBeCloseTo(0.25 - 0.1, 5);
  });

  it('α = 0.3 > 1/4: only the origin, and it is stable', () => {
    const a = at(0.3);
    expect(a.points.map((x) => x.type)).toEqual(['origin']);
    expect(a.points[0]!.stability).toBe('stable');
  });

  it('quarter-circle interiors attract their neighbours (docs/models/gmm.md); Prop. 4.3 as printed does not', () => {
    const alpha = 0.1;
    const C = cAlpha(alpha);
    const { model, params: p } = params(`lambda=inf&alpha=${alpha}&r0=0`);
    const a = analyzeFixedPoints(model, p, { perAxis: 0 });
    const interior = [...a.points, ...a.families.flatMap((f) => f.samples)].filter(
      (x) => x.type === 'quarter circle',
    );
    expect(interior.length).toBeGreaterThan(0);
    for (const fp of interior) {
      expect(fp.x[0]! ** 2 + fp.x[1]! ** 2).toBeCloseTo(C, 6);
      const re = fp.eigenvalues.map((e) => e.re).sort((x, y) => x - y);
      // −2C(α − 2α²) (radial; Prop. 4.3 prints the opposite sign), −2α five times
      // (v − m twice, R⊥ thrice) and 0 along the circle.
      expect(re[0]).toBeCloseTo(-2 * C * (alpha - 2 * alpha * alpha), 4);
      for (let k = 1; k < 6; k++) expect(re[k]).toBeCloseTo(-2 * alpha, 4);
      expect(Math.abs(re[6]!)).toBeLessThan(1e-5);
    }
  });

  it('the ends of the quarter-circles on the axes repel (proof of Prop. 4.2)', () => {
    const ends = at(0.1).points.filter((x) => x.type === 'quarter-circle end');
    expect(ends.length).toBe(4);
    // On the axis the field jumps; by its pieces the end is left into v₁v₂ < 0 at the rate
    // 1/4 − α of the unit at 0 (a central difference across the jump gave 0.109).
    for (const fp of ends) {
      expect(fp.stability).toBe('unstable');
      expect(fp.pieceRate).toBeCloseTo(0.25 - 0.1, 9);
    }
  });
});

describe('GMM: the diffusive limit near a quarter-circle (Prop. 4.3, sign corrected)', () => {
  // From the fig8-inf preset (λ = ∞, N = 250, α = 0.1, a start on the circle at 30°): the sample
  // sd of √N·dm over 64 runs against the OU law's, within 4 standard errors (sd·(2R)^{−1/2}).
  // With Prop. 4.3's printed sign the radius would be unstable and the sd would grow.
  it('the sd of √N(‖m‖ − √C_α) follows the OU law at t = 2, 5 and 50', () => {
    const { model } = params('lambda=inf');
    const preset = model.presets.find((x) => x.id === 'fig8-inf')!;
    const { params: p } = params(preset.state);
    const view = viewSpec(model, 'fluctuation')!;
    const R = 64;
    const times = [0, 2, 5, 50];
    const ens = sgdEnsemble(
      model,
      p,
      Array.from({ length: R }, (_, r) => r),
      51,
    );
    const col = ens.names.indexOf('dm');
    for (const t of times.slice(1)) {
      const j = Math.round(t); // samples at t = 0, 1, …, 50
      const x = ens.runs.map((y) => view.scale(p) * y[j * ens.names.length + col]!);
      const mean = x.reduce((a, b) => a + b, 0) / R;
      const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
      const law = view.law(p, t)!;
      expect(Math.abs(sd - law.sd), `t = ${t}`).toBeLessThan(4 * law.sd * Math.sqrt(1 / (2 * R)));
      expect(Math.abs(mean - law.mean), `t = ${t}`).toBeLessThan(
        4 * law.sd * Math.sqrt(1 / R) + 0.01,
      );
    }
    expect(view.law(params('lambda=100').params, 1)).toBeNull(); // random start: no law
  });
});

describe('GMM: presets', () => {
  it('parse without notices and integrate', () => {
    const { model } = params('lambda=inf');
    for (const preset of model.presets) {
      const { params: p } = params(`${preset.state}&T=5`);
      const ode = runOde(model, p, { samples: 6 });
      expect(ode.status, preset.id).toBe('done');
      expect(Number.isFinite(series(ode, 'm1').at(-1)!)).toBe(true);
    }
  });
});
