/**
 * The bifurcation view's pure parts: default axes for a model with no declaration, the key
 * that leaves out the continued axis, and the picture of a diagram (runs of equal stability).
 */
import { describe, expect, it } from 'vitest';

import { bifurcationDiagram } from '../../../core/continuation/diagram';
import type { Branch } from '../../../core/continuation/types';
import { viewSpec } from '../../../core/model';
import { parseState } from '../../../core/state';
import { models } from '../../../models/registry';
import { labelLifts } from '../../charts/labels';
import { bifurcationAxis, bifurcationRequest, bifurcationY, LEADING } from './axes';
import { bifurcationPicture, eigenvalueText, lateTime } from './data';

function branch(stability: Branch['stability']): Branch {
  const n = stability.length;
  return {
    axis: 'mu',
    names: ['x'],
    p: Array.from({ length: n }, (_, k) => k),
    x: Array.from({ length: n }, (_, k) => 10 * k),
    eigRe: new Array<number>(n).fill(0),
    eigIm: new Array<number>(n).fill(0),
    stability,
    leading: Array.from({ length: n }, (_, k) => -k),
    special: [],
    family: null,
    ends: ['range', 'range'],
  };
}

describe('bifurcation view', () => {
  it('defaults to a finite parameter and the first state variable for every model', () => {
    for (const model of models) {
      const { params } = parseState(`model=${model.id}`, models);
      const axis = bifurcationAxis(model, params, null);
      expect(axis, model.id).not.toBeNull();
      expect(axis!.from).toBeLessThan(axis!.to);
      const names = model.stateNames(params);
      expect(bifurcationY(model, names, null)).toBe(viewSpec(model, 'bifurcation')?.y ?? names[0]);
      expect(bifurcationY(model, names, 'nonsense')).not.toBe('nonsense');
      expect(bifurcationY(model, names, LEADING)).toBe(LEADING);
    }
  });

  it('keeps the key when only the continued parameter moves, and widens the range to it', () => {
    const a = parseState('model=vae&beta=0.5', models);
    const b = parseState('model=vae&beta=0.9', models);
    const axis = { param: 'beta', from: 0.6, to: 2 };
    const ra = bifurcationRequest(a.model, a.params, axis);
    const rb = bifurcationRequest(b.model, b.params, axis);
    expect(ra.range).toEqual([0.5, 2]);
    expect(rb.range).toEqual([0.6, 2]);
    const c = parseState('model=vae&beta=0.9&eta=0.3', models);
    expect(bifurcationRequest(c.model, c.params, { ...axis, from: 0.5 }).key).not.toBe(
      bifurcationRequest(b.model, b.params, { ...axis, from: 0.5 }).key,
    );
    expect(bifurcationRequest(a.model, a.params, { ...axis, from: 0.4 }).key).toBe(
      bifurcationRequest(b.model, b.params, { ...axis, from: 0.4 }).key,
    );
  });

  it('splits a branch into runs of equal stability that share their end points', () => {
    const d = {
      branches: [branch(['stable', 'stable', 'unstable', 'unstable', 'stable'])],
      curves: [],
      periodic: [],
      notes: [],
    };
    const pic = bifurcationPicture(d, 'x');
    expect(pic.runs.map((r) => [r.stable, r.points.map((q) => q[0])])).toEqual([
      [true, [0, 1, 2]],
      [false, [2, 3, 4]],
    ]);
    expect(pic.runs[0]!.points[1]).toEqual([1, 10]);
    expect(bifurcationPicture(d, LEADING).runs[1]!.points[2]).toEqual([4, -4]);
    expect(bifurcationPicture(d, 'absent').runs).toEqual([]);
  });

  it('pools the late-time spread over runs and over time', () => {
    // 20 samples of two series; the last two (a tenth) hold a: 1 ± 0 and 3 ± 0, b: 5 ± 2 twice.
    const t = Float64Array.from({ length: 20 }, (_, k) => k);
    const mean = new Float64Array(40);
    const std = new Float64Array(40);
    mean.set([1, 5, 3, 5], 36);
    std.set([0, 2, 0, 2], 36);
    const s = { names: ['a', 'b'], t, mean, std };
    expect(lateTime(s, 'a')).toEqual({ mean: 2, std: 1 });
    expect(lateTime(s, 'b')).toEqual({ mean: 5, std: 2 });
    expect(lateTime({ ...s, std: null }, 'b')).toEqual({ mean: 5, std: 0 });
    expect(lateTime(s, 'c')).toBeNull();
  });

  it('writes a complex pair once', () => {
    expect(
      eigenvalueText([
        { re: 0.01, im: 0.5 },
        { re: 0.01, im: -0.5 },
        { re: -1.25, im: 0 },
      ]),
    ).toEqual(['0.01 ± 0.5i', '−1.25']);
  });

  it("names the VAE's exchange of stability at β = ρ + η as a branch point", () => {
    const { model, params } = parseState('model=vae&beta=0.5&anneal=none', models);
    const d = bifurcationDiagram(model, params, { axis: 'beta', range: [0.2, 3] });
    const marks = bifurcationPicture(d, model.stateNames(params)[0]!).special;
    // β* = ρ + η = 2 (docs/models/vae.md).
    const at2 = marks.filter((s) => s.kind === 'branch-point' && Math.abs(s.p - 2) < 1e-6);
    expect(at2.length).toBeGreaterThan(0);
    expect(at2[0]!.name).toBe('branch point');
    // A point on two branches (the one it switched from and the one it switched to) is one mark.
    const raw = d.branches.reduce((sum, b) => sum + b.special.length, 0);
    expect(marks.length).toBeLessThan(raw);
  });
});

describe('special-point labels', () => {
  it('lifts a label that would print over an earlier one, and leaves distant ones alone', () => {
    // Two branch points a pixel apart (the GAN's BP BP at τ ≈ 0.17), and one far away.
    expect(
      labelLifts([
        [100, 50],
        [101, 50],
        [300, 50],
      ]),
    ).toEqual([0, 13, 0]);
    expect(
      labelLifts([
        [100, 50],
        [100, 50],
        [100, 50],
      ]),
    ).toEqual([0, 13, 26]);
  });
});
