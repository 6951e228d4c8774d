/**
 * An SGD run that leaves the finite numbers stops there (issue: a diverging GAN run reported
 * "done" with NaN dots). At τ = τ̃ = 4 and η = 10 the discrete GAN updates (Wang–Hu–Lu, (5)-(6))
 * blow up within the first sample interval.
 */
import { describe, expect, it } from 'vitest';

import { models } from '../models/registry';
import { timeGrid } from './ode';
import { num } from './params';
import { SampledSgd } from './run';
import { parseState } from './state';

const DIVERGING = 'model=gan&lambda=0.01&tau=4&taut=4&eta=10&T=200&n=300';

function sampled(state: string, stop: boolean): SampledSgd {
  const { model, params } = parseState(state, models);
  const run = new SampledSgd(
    model.simulator(params, { stream: 0 }),
    timeGrid(0, num(params, 'T'), 121),
    [],
    model.observables?.(params) ?? null,
  );
  run.stopAtDivergence = stop;
  while (!run.done) run.advance(20_000);
  return run;
}

describe('SGD divergence', () => {
  it('stops at the first sample that is not finite, and says where and in which parameter', () => {
    const run = sampled(DIVERGING, true);
    expect(run.divergence).not.toBeNull();
    expect(run.divergence!.t).toBeGreaterThan(0);
    expect(run.divergence!.t).toBeLessThanOrEqual(200);
    expect(run.names).toContain(run.divergence!.variable);
    expect(run.samplesDone).toBeLessThan(121);
    // Only finite samples were kept.
    const kept = run.y.subarray(0, run.samplesDone * run.names.length);
    expect(kept.every(Number.isFinite)).toBe(true);
  });

  it('without stopAtDivergence (the CLI) keeps sampling, and still records the divergence', () => {
    const run = sampled(DIVERGING, false);
    expect(run.samplesDone).toBe(121);
    expect(run.divergence).not.toBeNull();
  });

  it('a run that stays finite has no divergence', () => {
    const run = sampled('model=gan&tau=0.2&taut=0.04&eta=2&n=200&T=20', true);
    expect(run.divergence).toBeNull();
    expect(run.samplesDone).toBe(121);
  });
});
