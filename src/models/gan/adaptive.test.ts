import { describe, expect, it } from 'vitest';

import {
  adaptiveRows,
  CHORD_TOLERANCE,
  pickRows,
  polylineMiss,
  REFINE,
  refinedCount,
} from '../../core/adaptiveSamples';
import { runOde } from '../../core/run';
import { parseState } from '../../core/state';
import { models } from '../registry';

describe('the GAN drawn from adaptive samples (issue 17, defect 15)', () => {
  it('draws the GAN at τ = 1.04, τ̃ = 1.76 (fast oscillation) within half a pixel at the fine grid', () => {
    const { params } = parseState('model=gan&tau=1.04&taut=1.76', models);
    const base = 601;
    const fine = runOde(
      models.find((m) => m.id === 'gan')!,
      params,
      { samples: refinedCount(base) },
    );
    const m = fine.names.length;
    const keep = adaptiveRows(fine.y, m, fine.t.length);
    expect(keep.length).toBeGreaterThan(base);
    const kept = pickRows(fine.t, fine.y, m, keep);
    expect(polylineMiss(fine, kept, m)).toBeLessThanOrEqual(CHORD_TOLERANCE);
    const even = pickRows(
      fine.t,
      fine.y,
      m,
      Int32Array.from({ length: base }, (_, k) => k * REFINE),
    );
    expect(polylineMiss(fine, even, m)).toBeGreaterThan(10 * CHORD_TOLERANCE);
  });
});
