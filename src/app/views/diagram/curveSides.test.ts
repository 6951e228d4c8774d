import { describe, expect, it } from 'vitest';

import { phaseCell, setAxis } from '../../../core/analysis';
import { planeBoundaries } from '../../../core/continuation/boundaries';
import { parseState } from '../../../core/state';
import { models } from '../../../models/registry';
import { type CellGrid, curveRuns, curveSides } from './curveSides';

/** An n × n grid on [0, 1]² labelled by a function of the node's (x, y). */
function grid(n: number, label: (x: number, y: number) => string | null): CellGrid {
  const cells: CellGrid['cells'] = [];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const l = label(i / (n - 1), j / (n - 1));
      cells.push(l === null ? null : { label: l });
    }
  return { n, xRange: [0, 1], yRange: [0, 1], cells };
}

const vertical = { x: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], y: [0.2, 0.3, 0.4, 0.5, 0.6, 0.7] };

describe('curveSides', () => {
  it('a curve between two phases splits them; one inside a phase does not', () => {
    const split = grid(21, (x) => (x < 0.5 ? 'a' : 'b'));
    expect(curveSides(vertical, split)).toEqual(Array(5).fill('splits'));
    const same = grid(21, () => 'a');
    expect(curveSides(vertical, same)).toEqual(Array(5).fill('inside'));
  });

  it('one mislabelled cell beside the curve does not speckle it', () => {
    const n = 21;
    const split = grid(n, (x, y) => {
      // The node probed right of the segment at y = 0.45 (1.5 steps off, rounded to x = 0.6)
      // carries the left side's label.
      if (Math.abs(x - 0.6) < 0.01 && Math.abs(y - 0.45) < 0.01) return 'a';
      return x < 0.5 ? 'a' : 'b';
    });
    expect(curveSides(vertical, split)).toEqual(Array(5).fill('splits'));
  });

  it('probes off the grid or on cells not computed yet cannot tell', () => {
    const edge = { x: [0.99, 0.99], y: [0.4, 0.5] };
    expect(
      curveSides(
        edge,
        grid(21, () => 'a'),
      ),
    ).toEqual(['unknown']);
    expect(
      curveSides(
        vertical,
        grid(21, () => null),
      ),
    ).toEqual(Array(5).fill('unknown'));
  });

  it('cuts a curve into runs that share their end points', () => {
    const runs = curveRuns(vertical, ['splits', 'splits', 'inside', 'inside', 'splits']);
    expect(runs.map((r) => [r.inside, r.points.length])).toEqual([
      [false, 3],
      [true, 3],
      [false, 2],
    ]);
    expect(runs[1]!.points[0]).toEqual(runs[0]!.points[2]);
  });
});

describe('curveSides on the GAN (d = 1, Fig. 3(b)): the Hopf line is a boundary up to τ = Λ/η̄²', () => {
  it('is solid up to τ = 1.2 and dotted beyond it, inside noninfo-2', () => {
    const { model, params } = parseState(
      'model=gan&tau=0.3&taut=0.15&eta=1&lambda=inf&d=1&Lambda=1.2&LambdaT=1.2&P0=0.1&q0=0.1&T=1000',
      models,
    );
    const X = { param: 'tau', from: 0.05, to: 1.5 };
    const Y = { param: 'alpha', from: 0.05, to: 2.5 };
    const n = 40;
    const cells: CellGrid['cells'] = [];
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const p = { ...params };
        setAxis(model, p, 'tau', X.from + ((X.to - X.from) * i) / (n - 1));
        setAxis(model, p, 'alpha', Y.from + ((Y.to - Y.from) * j) / (n - 1));
        cells.push({ label: phaseCell(model, p).label });
      }
    const plane: CellGrid = { n, xRange: [X.from, X.to], yRange: [Y.from, Y.to], cells };
    const hopf = planeBoundaries(model, params, X, Y).curves.find((c) => c.kind === 'hopf')!;
    const sides = curveSides(hopf, plane);
    const insideAt = sides.flatMap((s, k) => (s === 'inside' ? [hopf.x[k]!] : []));
    // Beyond τ = 1.2 the Hopf line of the q = r = 0 family lies inside noninfo-2; before it, it
    // is the info-1 / oscillating boundary ((15) right; docs/models/gan.md).
    expect(insideAt.length).toBeGreaterThan(3);
    expect(Math.min(...insideAt)).toBeGreaterThan(1.2);
    const below = sides.filter((_, k) => hopf.x[k + 1]! < 1.2 && hopf.y[k]! > Y.from + 0.1);
    expect(below.length).toBeGreaterThan(30);
    expect(below.every((s) => s === 'splits')).toBe(true);
  }, 120_000);
});
