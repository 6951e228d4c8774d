/**
 * The views' ⓘ texts: every view a model has says something, the diagram names each of the
 * model's phases, and the legend's hover text says what a toggle does.
 */
import { describe, expect, it } from 'vitest';

import { models } from '../../models/registry';
import { phasesList } from './aboutText';
import { VIEW_REGISTRY } from './registry';
import { legendTitle } from './trajectories/parts';

const text = (parts: ReturnType<NonNullable<(typeof VIEW_REGISTRY)['diagram']['about']>>) =>
  parts.map((p) => (typeof p === 'string' ? p : `${p.lead} ${p.items.join(' ')}`)).join(' ');

describe('About this view', () => {
  for (const model of models) {
    it(`${model.id}: every view it has explains itself`, () => {
      for (const [id, kind] of Object.entries(VIEW_REGISTRY)) {
        if (!kind.available(model)) continue;
        const about = kind.about?.(model) ?? [];
        expect(about.length, id).toBeGreaterThanOrEqual(2);
        expect(text(about), id).not.toMatch(/undefined|null|NaN/);
      }
    });
  }

  it('the diagram names each phase of the model, from the model', () => {
    for (const model of models) {
      const phases = model.theory?.phases ?? [];
      if (!VIEW_REGISTRY.diagram.available(model)) continue;
      const said = text(VIEW_REGISTRY.diagram.about!(model));
      for (const phase of phases) expect(said, model.id).toContain(phase.label);
    }
    const gan = models.find((m) => m.id === 'gan')!;
    expect(phasesList(gan)!.items).toContain(
      'noninfo-1: nothing learned: P = q = r = 0 (type 1) is stable',
    );
  });

  it('a model without phases has no phase list', () => {
    expect(phasesList({ ...models[0]!, theory: undefined })).toBeNull();
  });

  it('legend buttons say what toggling does', () => {
    expect(legendTitle('P₁₁', true)).toMatch(/^Hide P₁₁: its ODE curve and SGD dots leave/);
    expect(legendTitle('P₁₁', false)).toMatch(/^Show P₁₁: draw its ODE curve and SGD dots/);
  });
});
