/**
 * The figure catalogues of the Ben Arous–Gheissari–Jagannath and Meng–Wang models: every row
 * opens a preset that exists and parses without notices, or says why it cannot be reproduced.
 */
import { describe, expect, it } from 'vitest';

import { parseState } from '../core/state';
import { models } from './registry';

describe.each(['pca', 'gmm', 'xor', 'contrastive'])('%s: the figure catalogue', (id) => {
  const model = models.find((m) => m.id === id)!;

  it('lists figures, each with a preset of the model or a one-line reason', () => {
    expect(model.figures?.length ?? 0).toBeGreaterThan(0);
    for (const f of model.figures!) {
      expect(Boolean(f.preset) !== Boolean(f.reason), f.figure).toBe(true);
      if (f.reason) expect(f.reason).not.toMatch(/\n/);
      if (f.preset) expect(model.presets.map((p) => p.id)).toContain(f.preset);
    }
  });

  it('every preset parses without notices', () => {
    for (const p of model.presets) {
      const { notices } = parseState(`model=${id}&${p.state}`, models);
      expect(notices, p.id).toEqual([]);
    }
  });
});

/** The figure numbers a row names: 'Figs. 2–3' → 2, 3; 'Fig. 7(a–c), 8(c)' → 7, 8. */
function figureNumbers(figure: string): number[] {
  if (!/^Figs?\./.test(figure)) return [];
  const out: number[] = [];
  const body = figure.replace(/\([^)]*\)/g, '');
  for (const m of body.matchAll(/(\d+)(?:\s*[–-]\s*(\d+))?/g)) {
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let k = a; k <= b; k++) out.push(k);
  }
  return out;
}

it.each([
  [['pca', 'gmm', 'xor'], 11],
  [['contrastive'], 11],
])('%s: every one of the paper’s Figs. 1–%i has a row', (ids, count) => {
  const rows = ids.flatMap((id) => models.find((m) => m.id === id)!.figures!);
  const covered = new Set(rows.flatMap((r) => figureNumbers(r.figure)));
  expect([...covered].sort((x, y) => x - y)).toEqual(
    Array.from({ length: count }, (_, k) => k + 1),
  );
});
