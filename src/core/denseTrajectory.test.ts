import { describe, expect, it } from 'vitest';

import { solveDense } from './denseTrajectory';
import { type Rhs, solveOde, timeGrid } from './ode';

/** x'' = −x: the solution (cos t, −sin t). */
const oscillator: Rhs = (_t, x, dxdt) => {
  dxdt[0] = x[1]!;
  dxdt[1] = -x[0]!;
};

describe('a dense trajectory: the whole solution as a function of time', () => {
  it('equals solveOde on its grid and stays accurate at any time, in any order', () => {
    const times = timeGrid(0, 20, 401);
    const grid = solveOde(oscillator, [1, 0], times);
    const dense = solveDense(oscillator, [1, 0], 0, 20);
    expect(dense.status).toBe('done');
    expect(dense.tStopped).toBe(20);
    expect(dense.stats.steps).toBe(grid.stats.steps);
    const row = new Float64Array(2);
    times.forEach((t, j) => {
      dense.at(t, row);
      expect([row[0], row[1]]).toEqual([grid.y[2 * j], grid.y[2 * j + 1]]);
    });
    for (const t of [19.3, 0.001, 7.77, 13.2, 0]) {
      dense.at(t, row);
      expect(Math.abs(row[0]! - Math.cos(t))).toBeLessThan(1e-5);
      expect(Math.abs(row[1]! + Math.sin(t))).toBeLessThan(1e-5);
    }
  });

  it('says when it outgrew its memory bound, and stops at a blow-up', () => {
    const small = solveDense(oscillator, [1, 0], 0, 200, { maxNumbers: 12 * 20 });
    expect(small.storageFull).toBe(true);
    expect(small.status).toBe('max-steps');
    expect(small.tStopped).toBeLessThan(200);
    const blowUp = solveDense((_t, x, d) => (d[0] = x[0]! * x[0]!), [1], 0, 2);
    expect(blowUp.status).toBe('diverged');
    expect(blowUp.storageFull).toBe(false);
    expect(blowUp.tStopped).toBeLessThan(1.01);
  });
});
