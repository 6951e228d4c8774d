/** Feature-law strings, validation notices, presets and the CLI-facing views of the contrastive model. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { analyzeFixedPoints, scan1d } from '../../core/analysis';
import { scansOf } from '../../core/model';
import { runOde, series } from '../../core/run';
import { parseState, serializeState } from '../../core/state';
import { contrastiveModel } from '.';
import { prop3Threshold } from './closedForms';
import { lawOf, makeLaw, validateLaw, withSecondMoment } from './laws';
import { basinOfState } from './theory';

const parse = (state: string) => parseState(`model=contrastive&${state}`, [contrastiveModel]);

describe('feature laws', () => {
  it('a rejected moment triple falls back to a valid one (issue 16: c1=moments:0.01,1e4,1e6)', () => {
    const valid = ([m2, m4, m6]: number[]) =>
      m2! >= 0.01 &&
      m2! <= 10 &&
      m4! >= m2! ** 2 &&
      m4! <= 1e4 &&
      m6! <= 1e6 &&
      m2! * m6! >= m4! ** 2;
    const fixed = validateLaw('moments', [0.01, 1e4, 1e6]);
    expect(fixed.problem).not.toBeNull();
    expect(valid(fixed.args)).toBe(true);
    const number = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(number, number, number), (args) => {
        const once = validateLaw('moments', args);
        expect(valid(once.args)).toBe(true);
        // What the fallback gives is itself accepted: no notice on a round trip.
        expect(validateLaw('moments', once.args).problem).toBeNull();
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('parses the three kinds and their moments', () => {
    expect(lawOf('gauss:1.25')).toMatchObject({ m2: 1.25, m4: 3 * 1.25 ** 2, gaussian: true });
    const s = lawOf('sparse:5,0.2');
    expect([s.m2, s.m4, s.m6]).toEqual([1, 5, 25]);
    const m = lawOf('moments:1.1,6.05,33.28');
    const mom = (k: number) => m.atoms.reduce((acc, a) => acc + a.prob * a.value ** k, 0);
    expect(Math.abs(mom(0) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(mom(2) - 1.1)).toBeLessThan(1e-12);
    expect(Math.abs(mom(4) - 6.05)).toBeLessThan(1e-12);
    expect(Math.abs(mom(6) - 33.28)).toBeLessThan(1e-10);
    // Gaussian moments give a 4-atom law with the Gaussian's m₂, m₄, m₆.
    const g = makeLaw('moments', [1, 3, 15]);
    expect(g.atoms).toHaveLength(4);
  });

  it('keeps well-formed laws and rejects malformed ones with a sentence', () => {
    const ok = parse('d1=2&c1=gauss:1.25&c2=sparse:5,0.2');
    expect(ok.notices).toEqual([]);
    expect(ok.params['c1']).toBe('gauss:1.25');
    const bad = parse('c1=gaus:1.2');
    expect(bad.params['c1']).toBe('sparse:5.5,0.2');
    expect(bad.notices[0]?.message).toMatch(/c₁ \(c1\): a law looks like gauss:m₂.*got 'gaus:1.2'/);
    expect(parse('c1=sparse:5').notices[0]?.level).toBe('rejected'); // α and b both needed
  });

  it('clamps impossible moments and bad ranges, saying why', () => {
    const r = parse('c1=moments:2,3,10');
    expect(r.params['c1']).toBe('moments:2,4,10');
    expect(r.notices[0]?.message).toMatch(/m₄ must be at least m₂²/);
    const b = parse('c1=sparse:5,1.5');
    expect(b.params['c1']).toBe('sparse:5,1');
    expect(b.notices[0]?.message).toMatch(/b must be in \[0.001, 1\]/);
    const q = parse('d1=2&q0=0.8,0.8');
    expect(q.notices.map((n) => n.key)).toEqual(['q0']);
    const q0 = q.params['q0'] as number[];
    expect(q0[0]! ** 2 + q0[1]! ** 2).toBeLessThanOrEqual(1);
  });

  it('round-trips through the state string', () => {
    const { params } = parse('d1=3&c1=gauss:1.2&c3=moments:1.1,6.05,33.28&eta=0.2&noiseCorr=-1');
    const again = parseState(serializeState(contrastiveModel, params), [contrastiveModel]);
    expect(again.params).toEqual(params);
    expect(again.notices).toEqual([]);
  });

  it('the m₂ axis keeps the family: gauss, sparse (b fixed), moments (c scaled)', () => {
    expect(withSecondMoment('gauss:1', 1.3)).toBe('gauss:1.3');
    expect(withSecondMoment('sparse:5,0.2', 0.9)).toBe('sparse:4.5,0.2');
    const m = lawOf(withSecondMoment('moments:1,5,25', 2));
    expect([m.m2, m.m4, m.m6]).toEqual([2, 20, 200]);
  });
});

describe('presets', () => {
  it('parse without notices', () => {
    for (const preset of contrastiveModel.presets) {
      expect(parse(preset.state).notices, preset.id).toEqual([]);
    }
  });

  const end = (id: string) => {
    const { params } = parse(contrastiveModel.presets.find((p) => p.id === id)!.state);
    const ode = runOde(contrastiveModel, params, { samples: 3 });
    return [series(ode, 'Q1').at(-1)!, ode.names.includes('Q2') ? series(ode, 'Q2').at(-1)! : 0];
  };

  it('say what the ODE does', () => {
    expect(end('fig2a-m09')[0]).toBeLessThan(1e-6);
    expect(end('fig2a-m10')[0]).toBeCloseTo(0.7085, 4);
    expect(end('fig2a-m11')[0]).toBeCloseTo(0.7531, 4);
    expect(end('fig6b-m10-low')[0]).toBeLessThan(1e-6);
    expect(basinOfState(end('fig3'))).toBe('feature 1');
    expect(basinOfState(end('fig3b'))).toBe('feature 2');
    expect(Math.sqrt(end('fig4-anticorrelated')[0]!)).toBeCloseTo(0.862, 3);
    expect(end('relu')[0]).toBeCloseTo(0.1 / (0.2 * 1.1), 6); // (ν − τ/m)/(ν(1 + τ/m))
    const { params } = parse(contrastiveModel.presets.find((p) => p.id === 'fig2b')!.state);
    const Qs = analyzeFixedPoints(contrastiveModel, params)
      .points.map((p) => p.x[0]!)
      .sort((a, b) => a - b);
    expect(Qs).toHaveLength(3);
    expect(Qs[1]!).toBeCloseTo(0.171, 3); // the saddle of Fig. 2(b)
    expect(prop3Threshold(params)).toBeCloseTo(1.09, 12);
  });

  it("Fig. 4's scans: independent noise lowers the cosine; anti-correlated noise raises it first", () => {
    const scans = scansOf(contrastiveModel);
    const { params } = parse(
      contrastiveModel.presets.find((p) => p.id === 'fig4-independent')!.state,
    );
    const cosAt = (rho: number, etas: number[]) => {
      const r = scan1d(
        contrastiveModel,
        { ...params, noiseCorr: rho },
        { param: 'eta', values: etas },
      );
      return r.final.map((f) => f[r.names.indexOf('cos')]!);
    };
    const [clean, indep, lost] = cosAt(0, [0, 0.1, 0.3]);
    expect(indep!).toBeLessThan(clean!);
    expect(lost!).toBeLessThan(0.01);
    const [, better, gone] = cosAt(-1, [0, 0.44, 1.1]);
    expect(better!).toBeGreaterThan(clean!);
    expect(gone!).toBeLessThan(0.01);
    expect(scans.map((s) => s.fixed?.['noiseCorr'])).toEqual([0, -1]);
  });
});
