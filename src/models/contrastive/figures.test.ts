/**
 * The supplement's Figs. 6–11 presets (Meng–Wang, S-IV and Appendix D), each against what the
 * paper states; where the mathematics disagrees with the paper (Figs. 7–9 with identical
 * Gaussian features) the test pins the mathematics and docs/models/contrastive.md says why.
 */
import { describe, expect, it } from 'vitest';

import { analyzeFixedPoints } from '../../core/analysis';
import { viewSpec } from '../../core/model';
import { runOde } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { contrastivePresets } from './presets';

function preset(id: string) {
  const p = contrastivePresets.find((q) => q.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return parseState(`model=contrastive&${p.state}`, models);
}

/** The fixed points of a preset: isolated points (Q, stability) and families. */
function fixedPoints(id: string) {
  const { model, params } = preset(id);
  return { model, params, a: analyzeFixedPoints(model, params) };
}

const zeros = (id: string) =>
  fixedPoints(id)
    .a.points.map((p) => ({ Q: p.x[0]!, stable: p.stability === 'stable' }))
    .sort((a, b) => a.Q - b.Q);

describe('Fig. 6(a): h(Q) for m₂ = 0.9, 1, 1.1 (as Fig. 2(b))', () => {
  it('0.9: only Q = 0, stable; 1.0: Q = 0 and a recovery state stable; 1.1: Q = 0 unstable', () => {
    expect(zeros('fig6a-m09')).toEqual([{ Q: 0, stable: true }]);
    const m10 = zeros('fig6a-m10');
    expect(m10.map((z) => z.stable)).toEqual([true, false, true]);
    expect(m10[2]!.Q).toBeGreaterThan(0.6);
    const m11 = zeros('fig6a-m11');
    expect(m11[0]).toEqual({ Q: 0, stable: false });
    expect(m11.at(-1)!.stable).toBe(true);
  });
});

describe('Figs. 7–8: two identical Gaussian features', () => {
  it('m₂ = 1.1: the stable set is the line Q₁ + Q₂ = Q* of the one-feature model, not 4 points', () => {
    const { a } = fixedPoints('fig8c');
    expect(a.points.map((p) => [p.type, p.stability])).toEqual([['origin', 'unstable']]);
    expect(a.families).toHaveLength(1);
    const line = a.families[0]!;
    expect(line.dimension).toBe(1);
    const sums = line.samples.map((s) => s.x[0]! + s.x[1]!);
    // The one-feature recovery state at the same law and τ/m.
    const one = parseState(
      'model=contrastive&d1=1&sigma=square&c1=gauss:1.1&tau=0.05&batch=10&eta=0&noiseCorr=0',
      models,
    );
    const Q = analyzeFixedPoints(one.model, one.params).points.find((p) => p.x[0]! > 0.1)!.x[0]!;
    expect(Q).toBeCloseTo(0.4536, 3);
    for (const s of sums) expect(s).toBeCloseTo(Q, 9);
    for (const s of line.samples) expect(s.stability).toBe('stable');
    // It runs from axis to axis: (Q*, 0) and (0, Q*) are its ends, not isolated points.
    expect(Math.max(...line.samples.map((s) => s.x[0]!))).toBeCloseTo(Q, 6);
    expect(Math.max(...line.samples.map((s) => s.x[1]!))).toBeCloseTo(Q, 6);
  });

  it('m₂ = 1.1: Q₁/Q₂ is conserved, so a run ends on the line at its starting ratio', () => {
    const { model, params } = preset('fig8c');
    const ode = runOde(model, { ...params, T: 2000 }, { samples: 2 });
    const [Q1, Q2] = [ode.y[ode.names.length]!, ode.y[ode.names.length + 1]!];
    expect(Q1 / Q2).toBeCloseTo(4, 6); // q0 = (0.2, 0.1): Q0 = (0.04, 0.01)
    expect(Q1 + Q2).toBeCloseTo(0.4536, 3);
  });

  it('m₂ = 1 (Fig. 8(a–b)): no signal, so Q = 0 is the only fixed point and stable', () => {
    const { a, model, params } = fixedPoints('fig8ab');
    expect(a.points.map((p) => [p.type, p.stability])).toEqual([['origin', 'stable']]);
    expect(a.families).toHaveLength(0);
    expect(viewSpec(model, 'trajectories')?.note!(params)).toMatch(/no signal/);
    expect(viewSpec(model, 'trajectories')?.note!(preset('fig8c').params)).toMatch(/Q₁ \+ Q₂/);
    expect(viewSpec(model, 'trajectories')?.note!(preset('fig9a').params)).toBeNull();
  });
});

describe('Fig. 9: Gaussian against three-point features', () => {
  it('(a): Q = 0 and the mixed point unstable, a stable state on each axis (plus an axis saddle)', () => {
    const pts = fixedPoints('fig9a').a.points;
    const by = (type: string) => pts.filter((p) => p.type === type);
    expect(by('origin')[0]!.stability).toBe('unstable');
    expect(by('mixed').map((p) => p.stability)).toEqual(['unstable']);
    expect(by('feature 1').map((p) => p.stability)).toEqual(['stable']);
    expect(
      by('feature 2')
        .map((p) => p.stability)
        .sort(),
    ).toEqual(['stable', 'unstable']);
    expect(by('feature 1')[0]!.x[0]).toBeCloseTo(0.4536, 3);
  });

  it('(b) = Fig. 3: stable states on the axes only', () => {
    const pts = fixedPoints('fig9b').a.points;
    for (const p of pts) expect(p.stability === 'stable').toBe(p.type!.startsWith('feature'));
    expect(pts.filter((p) => p.type === 'mixed')).toHaveLength(1);
  });
});

describe('Fig. 10 (Claims 3–4) and Fig. 11(b)', () => {
  const recovery = (id: string) => zeros(id).find((z) => z.Q > 0.5 && z.stable)?.Q ?? null;

  it('independent noise: a recovery state at η = 0.1, none at η = 0.3 (paper: gone past 0.2)', () => {
    expect(recovery('fig10a-eta01')).not.toBeNull();
    expect(recovery('fig10a-eta03')).toBeNull();
  });

  it('anti-correlated noise raises the recovery state above the noise-free one (S-56)', () => {
    const noisy = recovery('fig10b')!;
    const { params } = preset('fig10b');
    const { model } = preset('fig10b');
    const clean = analyzeFixedPoints(model, { ...params, eta: 0 }).points.find(
      (p) => p.x[0]! > 0.5 && p.stability === 'stable',
    )!.x[0]!;
    expect(noisy).toBeGreaterThan(clean);
  });

  it('ReLU: the recovery state near Q = 1 appears with anti-correlated noise', () => {
    expect(recovery('fig11b-eta0')).toBeNull();
    expect(recovery('fig11b-eta03')).toBeGreaterThan(0.95);
  });
});
