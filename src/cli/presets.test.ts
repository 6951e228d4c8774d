/**
 * `presets`: every figure and table of the papers, each with a preset the model has or a reason
 * why it cannot be reproduced.
 */
import { describe, expect, it } from 'vitest';

import { models } from '../models/registry';
import { runCli } from './cli';
import { checkFigures, type FigureRow } from './presets';

describe('CLI presets', () => {
  const r = runCli(['presets']);
  const out = JSON.parse(r.stdout) as { figures: FigureRow[]; reproduced: number; missing: number };

  it('prints JSON with one row per figure of every registered model', () => {
    expect(r.code, r.stderr).toBe(0);
    const expected = models.reduce((n, m) => n + (m.figures?.length ?? 0), 0);
    expect(out.figures).toHaveLength(expected);
    expect(out.reproduced + out.missing).toBe(expected);
  });

  it('every listed preset exists, and every row has a preset or a one-line reason', () => {
    expect(checkFigures(models)).toEqual([]);
    for (const row of out.figures) {
      const model = models.find((m) => m.id === row.model)!;
      if (row.preset) {
        expect(model.presets.map((p) => p.id)).toContain(row.preset.id);
        expect(row.preset.state.startsWith(`model=${row.model}&`)).toBe(true);
      } else {
        expect(row.reason?.trim(), `${row.model} ${row.figure}`).toBeTruthy();
        expect(row.reason).not.toContain('\n');
      }
    }
  });

  it('lists the GAN and VAE papers figure by figure', () => {
    const figs = (id: string) => out.figures.filter((f) => f.model === id).map((f) => f.figure);
    for (const f of [
      'Fig. 1(a)',
      'Fig. 2',
      'Fig. 3(a)',
      'Fig. 3(b)',
      'Table 1',
      'Fig. 4(d)',
      'Fig. 5',
    ])
      expect(figs('gan')).toContain(f);
    for (const f of ['Fig. 2', 'Fig. 4 (middle)', 'Fig. 5 (bottom)'])
      expect(
        figs('vae').some((g) => g.startsWith(f)),
        f,
      ).toBe(true);
  });

  it('checkFigures reports an unknown preset and a row with neither', () => {
    const fake = {
      ...models[0]!,
      figures: [
        { figure: 'Fig. 9', caption: 'x', preset: 'nope' },
        { figure: 'Fig. 10', caption: 'y' },
      ],
    };
    expect(checkFigures([fake])).toEqual([
      `${fake.id} Fig. 9: no preset 'nope'`,
      `${fake.id} Fig. 10: neither a preset nor a reason`,
    ]);
  });

  it('--format text prints one line per row; a bad format is a usage error', () => {
    const text = runCli(['presets', '--format', 'text']);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')).toHaveLength(out.figures.length);
    expect(runCli(['presets', '--format', 'xml']).code).toBe(2);
  });
});
