/**
 * Basins and attraction regions on a toy double well (ẋ = x − x³, ẏ = −y: basins x > 0 and
 * x < 0, boundary x = 0), and the rate curve's zeros and their stability.
 */
import { describe, expect, it } from 'vitest';

import {
  attractionGrid,
  BasinClassifier,
  basinFractions,
  boundaryCells,
  gridEdges,
  labelCells,
  subdivide,
} from './basins';
import { type Model, viewSpec } from './model';
import { runParams } from './params';
import { rateCurve } from './rate';

function toyModel(withBasinOf: boolean): Model {
  return {
    id: 'toy',
    title: 'double well',
    paper: '',
    params: runParams({ symbol: 'n', time: 'steps/n', n: 100, T: 20, Tmax: 100 }),
    stateNames: () => ['x', 'y'],
    initialState: () => Float64Array.from([0.1, 0.5]),
    rhs: () => (_t, s, out) => {
      out[0] = s[0]! - s[0]! ** 3;
      out[1] = -s[1]!;
    },
    simulator: () => {
      throw new Error('no SGD');
    },
    presets: [],
    views: [
      { kind: 'portrait', x: 'x', y: 'y' },
      {
        kind: 'attraction',
        x: 'x',
        y: 'y',
        xRange: [-1, 1],
        yRange: [-1, 1],
        settleTime: () => 30,
      },
      { kind: 'rate', x: 'x', range: [-1.5, 1.5], label: 'ẋ' },
    ],
    theory: {
      fixedPointStarts: () => ({
        lo: [-1.5, -1],
        hi: [1.5, 1],
        candidates: [Float64Array.from([1, 0]), Float64Array.from([-1, 0])],
      }),
      ...(withBasinOf ? { basinOf: (_p, x) => (x[0]! > 0 ? 'right' : 'left') } : {}),
    },
  };
}

const params = { n: 100, seed: 1, T: 20 };

describe('attraction regions', () => {
  it('a 10×10 grid splits at x = 0, with theory.basinOf', () => {
    const model = toyModel(true);
    const cells = labelCells(
      model,
      params,
      attractionGrid(viewSpec(model, 'attraction')!, 10, false),
      {
        log: false,
      },
    );
    for (const c of cells) expect(c.label).toBe((c.x0 + c.x1) / 2 > 0 ? 'right' : 'left');
    const boundary = boundaryCells(
      cells.map((c) => c.label),
      10,
    );
    // The columns either side of x = 0 (i = 4 and 5), in every row.
    expect(boundary).toHaveLength(20);
    expect(boundary.every((k) => k % 10 === 4 || k % 10 === 5)).toBe(true);
  });

  it('without basinOf, the nearest stable fixed point names the basin', () => {
    const model = toyModel(false);
    const classifier = new BasinClassifier(model, params);
    const a = classifier.label(Float64Array.from([0.999999, 0]));
    const b = classifier.label(Float64Array.from([-0.999999, 0]));
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(a).not.toBe(b);
    expect(a).toContain('x = 1');
    // Far from every stable point: not settled.
    expect(classifier.label(Float64Array.from([0.3, 0.2]))).toBeNull();
  });

  it('geometric edges for log grids; subdivision keeps the spacing', () => {
    expect(gridEdges([1e-4, 1], 4, true).map((v) => Number(v.toPrecision(6)))).toEqual([
      1e-4, 1e-3, 1e-2, 1e-1, 1,
    ]);
    const parts = subdivide({ x0: 1e-4, x1: 1e-2, y0: 0, y1: 1 }, 2, true);
    expect(parts).toHaveLength(4);
    expect(parts[0]!.x1).toBeCloseTo(1e-3, 12);
  });
});

describe('basin fractions', () => {
  it('counts, fractions and binomial standard errors; null is "not settled"', () => {
    const f = basinFractions(['a', 'b', 'a', null, 'a']);
    expect(f.map((c) => [c.label, c.count])).toEqual([
      ['a', 3],
      ['b', 1],
      ['not settled', 1],
    ]);
    expect(f[0]!.fraction).toBeCloseTo(0.6, 12);
    expect(f[0]!.stderr).toBeCloseTo(Math.sqrt((0.6 * 0.4) / 5), 12);
  });
});

describe('rate curve', () => {
  it('finds x = −1, 0, 1 with slopes −2, 1, −2 (stable, unstable, stable)', () => {
    const r = rateCurve(toyModel(true), params, 301);
    expect(r.zeros.map((z) => Number(z.x.toFixed(9)))).toEqual([-1, 0, 1]);
    expect(r.zeros.map((z) => z.stable)).toEqual([true, false, true]);
    expect(r.zeros[0]!.slope).toBeCloseTo(-2, 4);
    expect(r.zeros[1]!.slope).toBeCloseTo(1, 4);
  });
});
