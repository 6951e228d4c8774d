import { describe, expect, it } from 'vitest';

import {
  CHORD_TOLERANCE,
  polylineMiss,
  REFINE,
  refinedCount,
  sampleForDrawing,
} from '../../core/adaptiveSamples';
import { timeGrid } from '../../core/ode';
import { runOde, runOdeDense } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';

const gan = models.find((m) => m.id === 'gan')!;

describe('the GAN drawn from adaptive samples (issue 17, defect 15)', () => {
  const { params } = parseState('model=gan&tau=1.04&taut=1.76', models);
  const base = 601;
  const run = runOdeDense(gan, params);
  const m = run.names.length;
  const fineTimes = timeGrid(0, 600, refinedCount(base));
  const drawn = sampleForDrawing(run.sample, m, fineTimes);
  // The check: the solution 64 times finer than the fine grid (512 times the base grid).
  const checkTimes = timeGrid(0, 600, refinedCount(base, 64 * REFINE));
  const check = { t: checkTimes, y: run.sample(checkTimes) };

  it('samples the dense output exactly where solveOde samples it', () => {
    expect(run.status).toBe('done');
    const grid = runOde(gan, params, { samples: refinedCount(base) });
    expect(run.sample(fineTimes)).toEqual(grid.y);
  });

  it('draws the fast oscillation (τ = 1.04, τ̃ = 1.76) within half a pixel everywhere', () => {
    expect(drawn.t.length).toBeGreaterThan(base);
    expect(polylineMiss(check, drawn, m)).toBeLessThanOrEqual(CHORD_TOLERANCE);
    // The even base grid misses by far more: the zig-zag this replaces.
    const evenTimes = timeGrid(0, 600, base);
    const even = { t: evenTimes, y: run.sample(evenTimes) };
    expect(polylineMiss(check, even, m)).toBeGreaterThan(10 * CHORD_TOLERANCE);
  });

  it('needs the bisection: the fine samples alone miss between them', () => {
    const noBisection = sampleForDrawing(run.sample, m, fineTimes, { maxBisections: 0 });
    expect(noBisection.t.length).toBeLessThan(drawn.t.length);
    expect(polylineMiss(check, noBisection, m)).toBeGreaterThan(CHORD_TOLERANCE);
  });
});
