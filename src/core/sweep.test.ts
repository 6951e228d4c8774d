/**
 * Tests of the sweep helpers: the coarse-to-fine order is a permutation that starts spread out,
 * axis specs parse or fail with a usable message, and sweep2d fills rows per y value.
 */
import { describe, expect, it } from 'vitest';

import { linspace, parseAxisSpec, refinementOrder, sweep2d, type SweepAxis } from './sweep';

describe('refinementOrder', () => {
  it('is a permutation of the cells for square, oblong and odd grids', () => {
    for (const [nx, ny] of [
      [1, 1],
      [2, 2],
      [7, 5],
      [5, 7],
      [1, 9],
      [13, 1],
      [40, 40],
      [33, 17],
      [64, 64],
    ] as const) {
      const order = refinementOrder(nx, ny);
      expect(order.length).toBe(nx * ny);
      const sorted = [...order].sort((a, b) => a - b);
      expect(sorted).toEqual(Array.from({ length: nx * ny }, (_, k) => k));
    }
  });

  it('puts one of the first four cells in each quadrant', () => {
    for (const [nx, ny] of [
      [40, 40],
      [7, 5],
      [64, 32],
      [4, 4],
    ] as const) {
      const quadrants = refinementOrder(nx, ny)
        .slice(0, 4)
        .map((idx) => {
          const i = idx % nx;
          const j = Math.floor(idx / nx);
          return `${i < nx / 2 ? 'L' : 'R'}${j < ny / 2 ? 'B' : 'T'}`;
        });
      expect(new Set(quadrants)).toEqual(new Set(['LB', 'RB', 'LT', 'RT']));
    }
  });

  it('fills in evenly: after 4^k cells of a 64×64 grid every 64/2^k block has one', () => {
    // Level k lists the centre cell of every (64/2^k)-block; levels 1..k hold 4 + 16 + … cells,
    // and the blocks of level k each contain exactly one cell once the level is done.
    const order = refinementOrder(64, 64);
    let count = 0;
    for (let k = 1; k <= 3; k++) {
      count += 4 ** k;
      const block = 64 / 2 ** k;
      const hit = new Set<number>();
      for (const idx of order.slice(0, count)) {
        hit.add(Math.floor(Math.floor(idx / 64) / block) * 2 ** k + Math.floor((idx % 64) / block));
      }
      expect(hit.size).toBe(4 ** k);
    }
  });

  it('rejects grids that are not whole numbers of cells', () => {
    expect(() => refinementOrder(0, 3)).toThrow(RangeError);
    expect(() => refinementOrder(2.5, 3)).toThrow(RangeError);
  });
});

describe('linspace and parseAxisSpec', () => {
  it('linspace has exact end points and even steps', () => {
    const v = linspace(0.05, 1, 40);
    expect(v.length).toBe(40);
    expect(v[0]).toBe(0.05);
    expect(v[39]).toBe(1);
    for (let k = 1; k < 40; k++) expect(v[k]! - v[k - 1]!).toBeCloseTo(0.95 / 39, 14);
    expect(linspace(3, 3, 1)).toEqual([3]);
  });

  it('accepts name=from:to:count', () => {
    const axis = parseAxisSpec('tau=0.05:1:40');
    expect(axis.param).toBe('tau');
    expect(axis.values).toEqual(linspace(0.05, 1, 40));
    expect(parseAxisSpec(' taut = 0.5 : 0.01 : 2 ')).toEqual({
      param: 'taut',
      values: [0.5, 0.01],
    });
    expect(parseAxisSpec('eta=-1e-2:3e0:400').values.length).toBe(400);
  });

  it('rejects malformed specs with a message the user can act on', () => {
    expect(() => parseAxisSpec('tau=1:2', '--x')).toThrow(
      new RangeError("--x must look like name=from:to:count (e.g. tau=0.05:1:40); got 'tau=1:2'"),
    );
    const bad: [string, RegExp][] = [
      ['tau', /must look like name=from:to:count/],
      ['=0:1:3', /must look like name=from:to:count/],
      ['tau=0:1:3:4', /must look like name=from:to:count/],
      ['tau=a:1:3', /'from' must be a finite number; got 'a'/],
      ['tau=0:Infinity:3', /'to' must be a finite number; got 'Infinity'/],
      ['tau=1:1:3', /from and to must differ/],
      ['tau=0:1:1', /count must be a whole number from 2 to 400; got '1'/],
      ['tau=0:1:401', /count must be a whole number from 2 to 400; got '401'/],
      ['tau=0:1:2.5', /count must be a whole number from 2 to 400; got '2.5'/],
    ];
    for (const [spec, message] of bad) {
      expect(() => parseAxisSpec(spec, '--y')).toThrow(RangeError);
      expect(() => parseAxisSpec(spec, '--y')).toThrow(message);
      expect(() => parseAxisSpec(spec, '--y')).toThrow(/^--y/);
    }
  });
});

describe('sweep2d', () => {
  const x: SweepAxis = { param: 'tau', values: linspace(0, 1, 7) };
  const y: SweepAxis = { param: 'taut', values: linspace(10, 20, 5) };

  it('calls the cell function once per cell and returns one row per y value', () => {
    const calls = new Map<string, number>();
    const seen: [number, number][] = [];
    const rows = sweep2d(
      x,
      y,
      (xv, yv, i, j) => {
        const key = `${i},${j}`;
        calls.set(key, (calls.get(key) ?? 0) + 1);
        return { xv, yv, i, j };
      },
      { onCell: (i, j) => seen.push([i, j]) },
    );
    expect(calls.size).toBe(35);
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    expect(rows.length).toBe(5); // ny rows
    for (let j = 0; j < 5; j++) {
      expect(rows[j]!.length).toBe(7); // nx columns
      for (let i = 0; i < 7; i++) {
        expect(rows[j]![i]).toEqual({ xv: x.values[i], yv: y.values[j], i, j });
      }
    }
    // Cells come in refinement order.
    expect(seen.map(([i, j]) => j * 7 + i)).toEqual(refinementOrder(7, 5));
  });

  it('stops when the signal aborts, leaving nulls', () => {
    let count = 0;
    const signal = {
      get aborted() {
        return count >= 10;
      },
    };
    const rows = sweep2d(x, y, () => ++count, { signal });
    expect(count).toBe(10);
    const filled = rows.flat().filter((v) => v !== null);
    expect(filled.length).toBe(10);
    expect(rows.flat().length).toBe(35);
    // The ten cells done are the first ten of the refinement order.
    const order = refinementOrder(7, 5).slice(0, 10);
    for (const idx of order) expect(rows[Math.floor(idx / 7)]![idx % 7]).not.toBeNull();
  });

  it('follows a given order and rejects one that repeats or leaves the grid', () => {
    const order: number[] = [];
    sweep2d(x, y, (_xv, _yv, i, j) => order.push(j * 7 + i), {
      order: Array.from({ length: 35 }, (_, k) => 34 - k),
    });
    expect(order[0]).toBe(34);
    expect(order[34]).toBe(0);
    expect(() => sweep2d(x, y, () => 0, { order: [0, 0] })).toThrow(RangeError);
    expect(() => sweep2d(x, y, () => 0, { order: [35] })).toThrow(RangeError);
  });
});
