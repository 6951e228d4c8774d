import { describe, expect, it } from 'vitest';

import { ellipsePoints } from '../views/cloud/chart';
import { arrowPositions } from '../views/portrait/chart';
import { extentOf, nearestIndex, niceExtent, normalizeTrajectoryOptions, valueAt } from './options';
import { seriesStyle, seriesStyles } from './style';

const data = {
  names: ['P11', 'q1'],
  t: Float64Array.from([0, 1, 2, 3]),
  y: Float64Array.from([0, 1, 0.5, 0.5, 1, 0, 2, -1]),
};

describe('chart option helpers', () => {
  it('niceExtent pads the visible series only, and never collapses', () => {
    expect(niceExtent(data, new Set(['P11']), 0)).toEqual([0, 2]);
    expect(niceExtent(data, new Set(['q1']), 0.5)).toEqual([-2, 2]);
    expect(niceExtent(data, new Set(), 0)).toEqual([-1, 1]);
    const flat = { names: ['z'], t: Float64Array.from([0, 1]), y: Float64Array.from([1, 1]) };
    expect(niceExtent(flat, new Set(['z']))).toEqual([0.5, 1.5]);
  });

  it('normalizeTrajectoryOptions fills defaults and respects minimum sizes', () => {
    const o = normalizeTrajectoryOptions(data, { width: 50, height: 40 });
    expect(o.width).toBe(200);
    expect(o.height).toBe(150);
    expect(o.xDomain).toEqual([0, 3]);
    expect([...o.visible]).toEqual(['P11', 'q1']);
    expect(o.xLabel).toBe('t');
  });

  it('nearestIndex and valueAt find and interpolate samples', () => {
    expect(nearestIndex(data.t, 1.4)).toBe(1);
    expect(nearestIndex(data.t, 1.6)).toBe(2);
    expect(nearestIndex(data.t, -5)).toBe(0);
    expect(nearestIndex(new Float64Array(0), 1)).toBe(-1);
    expect(valueAt(data, 0, 1.5)).toBeCloseTo(0.75, 12);
    expect(valueAt(data, 1, 2.5)).toBeCloseTo(-0.5, 12);
    expect(valueAt(data, 0, 99)).toBe(2);
  });

  it('extentOf skips non-finite values', () => {
    expect(extentOf([Float64Array.from([1, Number.NaN, 3])], 0)).toEqual([1, 3]);
    expect(extentOf([[Number.POSITIVE_INFINITY]])).toEqual([-1, 1]);
  });

  it('series styles: colour by feature, dash by the declared kind, off-diagonals secondary', () => {
    const kinds = { P: { dash: '' }, q: { dash: '7 4' }, S: { dash: '9 3', primary: false } };
    const style = (name: string) => seriesStyle(name, undefined, kinds);
    expect(style('P11').color).toBe(style('q1').color);
    expect(style('P22').color).not.toBe(style('P11').color);
    expect(style('P11').dash).not.toBe(style('q1').dash);
    expect(style('P12').primary).toBe(false);
    expect(style('S11').primary).toBe(false);
    expect(style('z').primary).toBe(true);
  });

  it('seriesStyles answers a repeated question from its cache, and a new one anew', () => {
    const kinds = { P: { dash: '' }, q: { dash: '7 4' } };
    const a = seriesStyles(['P11', 'P12', 'q1'], ['P11', 'P12', 'q1'], kinds);
    expect(seriesStyles(['P11', 'P12', 'q1'], ['P11', 'P12', 'q1'], kinds)).toBe(a);
    const b = seriesStyles(['P11', 'q1'], ['P11', 'q1'], kinds);
    expect(b).not.toBe(a);
    expect([...b.keys()]).toEqual(['P11', 'q1']);
  });

  it('series styles: without declared kinds, no kind is secondary or dashed', () => {
    expect(seriesStyle('S11').primary).toBe(true);
    expect(seriesStyle('q1').dash).toBe('');
    expect(seriesStyle('epsg').dash).toBe('4 2');
  });

  it('seriesStyles: one (colour, dash) per series; primary series keep their own style', () => {
    const pair = (s: { color: string; dash: string }) => `${s.color}|${s.dash}`;
    // The VAE's two observables were both neutral dashed; twelve XOR-like series over 4 features.
    const vae = ['m11', 'd11', 'Q11', 'E11', 'R11', 'D1', 'epsg', 'beta'];
    const vaeStyles = seriesStyles(vae, vae.slice(0, 6));
    expect(new Set([...vaeStyles.values()].map(pair)).size).toBe(vae.length);
    expect(vaeStyles.get('beta')!.dash).toBe(vaeStyles.get('epsg')!.dash);
    const many = ['a', 'b', 'c'].flatMap((k) => [1, 2, 3, 4].map((i) => `${k}${i}`));
    expect(new Set([...seriesStyles(many).values()].map(pair)).size).toBe(many.length);
    const kinds = { P: { dash: '' }, q: { dash: '7 4' } };
    const gan = seriesStyles(['P11', 'P12', 'P21', 'P22', 'q1', 'q2'], undefined, kinds);
    expect(gan.get('P22')).toEqual(seriesStyle('P22', undefined, kinds));
    expect(gan.get('P12')!.color).not.toBe(gan.get('P11')!.color);
  });
});

describe('portrait arrows', () => {
  it('places unit segments along the path in the direction of travel', () => {
    const arrows = arrowPositions(
      [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
      [0.25, 0.75],
    );
    expect(arrows[0]).toEqual([4, 0, 5, 0]);
    expect(arrows[1]![0]).toBeCloseTo(10, 12);
    expect(arrows[1]![3]).toBeCloseTo(5, 12);
    expect(arrowPositions([[1, 1]], [0.5])).toEqual([]);
  });
});

describe('cloud ellipses', () => {
  it('the k-σ ellipse has Mahalanobis radius k everywhere', () => {
    const g = {
      mean: [0.3, -0.2] as [number, number],
      cov: [0.8, 0.3, 0.5] as [number, number, number],
    };
    const [a, b, c] = g.cov;
    const det = a * c - b * b;
    for (const k of [1, 2, 3]) {
      for (const [x, y] of ellipsePoints(g, k, 40)) {
        const dx = x - g.mean[0];
        const dy = y - g.mean[1];
        expect(Math.sqrt((c * dx * dx - 2 * b * dx * dy + a * dy * dy) / det)).toBeCloseTo(k, 10);
      }
    }
  });
});
