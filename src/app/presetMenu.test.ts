import { describe, expect, it } from 'vitest';

import { parseState } from '../core/state';
import { models } from '../models/registry';
import { APP_KEYS, parseViewSettings } from './appKeys';
import { gridViews, shownTabbedView, tabbedViews } from './layout';
import { CUSTOM_ENTRY, DEFAULTS_ENTRY, menuEntry, presetLink } from './presetMenu';
import { createAppStore } from './store';

const modelOf = (id: string) => models.find((m) => m.id === id)!;

/** The views on screen for a state: the maximised one, or the grid with its front tab. */
function shownViews(link: string): {
  model: string;
  shown: string[];
  settings: ReturnType<typeof parseViewSettings>['settings'];
} {
  const parsed = parseState(link, models, { extraKeys: APP_KEYS });
  const { settings, notices } = parseViewSettings(parsed.model, parsed.params, parsed.extras);
  expect(notices, link).toEqual([]);
  const grid = gridViews(parsed.model);
  const tabs: readonly string[] = tabbedViews(parsed.model);
  const front = shownTabbedView(parsed.model, settings.view, settings.tab);
  const shown =
    settings.view === 'explorer' || settings.view === 'figure'
      ? grid.filter((v) => !tabs.includes(v) || v === front)
      : [settings.view];
  return { model: parsed.model.id, shown, settings };
}

/** Keys of a preset's view that only one view uses: that view must be on screen. */
const VIEW_OF_KEY: Record<string, string[]> = {
  sc: ['scan'],
  fl: ['fluctuation'],
  ba: ['bifurcation'],
  by: ['bifurcation'],
  dn: ['diagram'],
  att: ['portrait'],
  vf: ['portrait'],
  lg: ['portrait'],
  x: ['portrait'],
  y: ['portrait'],
  nr: ['fluctuation', 'basins'],
  ov: ['trajectories'],
};

describe('every preset opens the view that shows its figure', () => {
  for (const model of models)
    for (const preset of model.presets)
      it(`${model.id} ${preset.id} (${preset.figure})`, () => {
        const link = presetLink(model, preset.id);
        const { shown, settings } = shownViews(link);
        // The view and tab it names exist for this model.
        const grid: readonly string[] = gridViews(model);
        if (!['explorer', 'figure'].includes(settings.view)) expect(grid).toContain(settings.view);
        if (settings.tab !== null) expect(tabbedViews(model)).toContain(settings.tab);
        for (const [key] of new URLSearchParams(preset.view ?? '')) {
          const views = VIEW_OF_KEY[key];
          if (views)
            expect(
              shown.some((v) => views.includes(v)),
              `${key} needs ${views.join('/')}`,
            ).toBe(true);
        }
        // A rate figure h(Q) is drawn by the rate view.
        if (preset.title.includes('h(Q)')) expect(shown).toContain('rate');
      });
});

describe('the presets menu', () => {
  it('names the preset chosen even when another shares its parameters', () => {
    const cases: [string, string][] = [
      ['pca', 'fig5'],
      ['pca', 'fig1b'],
      ['pca', 'fig1d'],
      ['gmm', 'fig7'],
      ['contrastive', 'fig2b'],
      ['contrastive', 'diagram'],
    ];
    for (const [id, preset] of cases) {
      const store = createAppStore(presetLink(modelOf(id), preset));
      const s = store.getState();
      expect(s.preset).toBe(preset);
      expect(menuEntry(s.model, s.query, s.preset)).toBe(preset);
      // A link carries it.
      expect(s.query).toContain(`p=${preset}`);
    }
  });

  it('drops the preset when a parameter changes, then shows the best match or custom', () => {
    const store = createAppStore(presetLink(modelOf('pca'), 'fig5'));
    store.getState().setParam('seed', 3);
    const s = store.getState();
    expect(s.preset).toBeNull();
    expect(s.query).not.toContain('p=');
    expect(menuEntry(s.model, s.query, s.preset)).toBe(CUSTOM_ENTRY);
    // A view change keeps it.
    const t = createAppStore(presetLink(modelOf('pca'), 'fig1b'));
    t.getState().setView({ view: 'explorer' });
    expect(t.getState().preset).toBe('fig1b');
  });

  it('without p, prefers the preset whose view keys match too', () => {
    const pca = modelOf('pca');
    const store = createAppStore(presetLink(pca, 'fig2-3').replace('&p=fig2-3', ''));
    const s = store.getState();
    expect(menuEntry(pca, s.query, null)).toBe('fig2-3');
  });

  it('shows every default state as "defaults" or a preset with its view, never custom', () => {
    for (const model of models) {
      const s = createAppStore(`model=${model.id}`).getState();
      const entry = menuEntry(model, s.query, s.preset);
      expect(entry, model.id).not.toBe(CUSTOM_ENTRY);
      if (entry !== DEFAULTS_ENTRY) {
        // A preset named for the defaults must be on screen as its figure.
        const preset = model.presets.find((p) => p.id === entry)!;
        expect(s.query, model.id).toContain(preset.view ?? '');
      }
    }
    expect(menuEntry(modelOf('pca'), createAppStore('model=pca').getState().query, null)).toBe(
      DEFAULTS_ENTRY,
    );
  });

  it('answers each call for its own arguments, though it keeps the last answer', () => {
    // The cache is one entry: alternating states, models and choices must not leak answers.
    const pca = modelOf('pca');
    const gan = modelOf('gan');
    const fig = createAppStore(presetLink(pca, 'fig2-3').replace('&p=fig2-3', '')).getState();
    const moved = createAppStore(`${fig.query}&lambda=3.3`).getState();
    const defaults = createAppStore('model=pca').getState().query;
    for (let k = 0; k < 3; k++) {
      expect(menuEntry(pca, fig.query, null)).toBe('fig2-3');
      expect(menuEntry(pca, moved.query, null)).toBe(CUSTOM_ENTRY);
      expect(menuEntry(pca, fig.query, 'fig5')).toBe('fig5');
      expect(menuEntry(pca, defaults, null)).toBe(DEFAULTS_ENTRY);
      expect(menuEntry(gan, defaults, null)).toBe(CUSTOM_ENTRY);
    }
  });

  it('rejects an unknown preset id with a notice', () => {
    const s = createAppStore('model=pca&p=nope').getState();
    expect(s.preset).toBeNull();
    expect(s.notices.map((n) => n.message).join()).toContain(
      "p must name one of this model's presets",
    );
  });
});
