import { describe, expect, it } from 'vitest';

import { simulatorWithMicro } from './microSimulator';
import type { Model, Simulator, SimulatorOptions } from './model';

/** A model whose variants are named by whether their simulator keeps coordinates. */
function fakeModel(variants: string[]): Model {
  const make = (options: SimulatorOptions = {}): Simulator => {
    const variant = options.variant ?? variants[0]!;
    const sim: Simulator & { variant: string; stream: number } = {
      names: ['x'],
      stepsPerTime: 1,
      steps: 0,
      variant,
      stream: options.stream ?? 0,
      step: () => undefined,
      observe: () => undefined,
    };
    if (variant.startsWith('coords')) sim.micro = () => ({ t: 0, columns: {} });
    return sim;
  };
  return {
    simulator: (_p: unknown, o?: SimulatorOptions) => make(o),
    variants,
  } as unknown as Model;
}

const variantOf = (s: Simulator) => (s as Simulator & { variant: string }).variant;

describe('simulatorWithMicro', () => {
  it('falls back from a coordinate-free default to the first variant with micro(), same stream', () => {
    const model = fakeModel(['reduced', 'coords-fast', 'coords-literal']);
    const sim = simulatorWithMicro(model, {}, { stream: 3 });
    expect(variantOf(sim)).toBe('coords-fast');
    expect((sim as Simulator & { stream: number }).stream).toBe(3);
  });

  it('keeps a requested variant that has micro(), and the default when it has one', () => {
    const model = fakeModel(['reduced', 'coords-fast', 'coords-literal']);
    expect(variantOf(simulatorWithMicro(model, {}, { variant: 'coords-literal' }))).toBe(
      'coords-literal',
    );
    expect(variantOf(simulatorWithMicro(fakeModel(['coords-a', 'reduced']), {}))).toBe('coords-a');
  });

  it('returns the requested simulator when no variant keeps coordinates', () => {
    const sim = simulatorWithMicro(fakeModel(['reduced', 'other']), {}, { variant: 'other' });
    expect(variantOf(sim)).toBe('other');
    expect(sim.micro).toBeUndefined();
  });
});
