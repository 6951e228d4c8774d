/** The CLI's sweep applies a model's diagram-fixed parameters, as the app's diagram does. */
import { describe, expect, it } from 'vitest';

import { runCli } from './cli';

describe('VAE: the phase diagram holds annealing off (views.diagram.fixed)', () => {
  it('with tanh annealing in the state, β still separates learnable from collapsed', () => {
    const r = runCli([
      'sweep',
      '--state',
      'model=vae&anneal=tanh&gamma=0.05&tau=0.1',
      '--x',
      'beta=0.5:2.5:2',
      '--y',
      'eta=1:1.2:2',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const labels = (JSON.parse(r.stdout) as { labels: string[][] }).labels;
    expect(labels).toEqual([
      ['learnable', 'collapsed'],
      ['learnable', 'collapsed'],
    ]);
  });
});
