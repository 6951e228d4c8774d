import { describe, expect, it } from 'vitest';

import { parseState } from '../core/state';
import { models } from '../models/registry';
import {
  APP_KEY_TABLE,
  APP_KEYS,
  extrasOf,
  MAX_RUNS,
  mergeSettings,
  parseViewSettings,
  runChoices,
} from './appKeys';
import { hiddenControls, openInMacroscopeHref } from './embed/controls';

const vae = models.find((m) => m.id === 'vae')!;
const gan = models.find((m) => m.id === 'gan')!;
const stateOf = (query: string) => parseState(query, models, { extraKeys: APP_KEYS });

describe('the app URL-key table', () => {
  it('gives every setting its own short key', () => {
    expect(new Set(APP_KEYS).size).toBe(Object.keys(APP_KEY_TABLE).length);
    expect(APP_KEYS).toContain('tc');
    expect(APP_KEYS).not.toContain('timeCursor');
  });

  it('writes nothing for the defaults, for every model', () => {
    for (const model of models) {
      const { params } = stateOf(`model=${model.id}`);
      const { settings, notices } = parseViewSettings(model, params, {});
      expect(notices).toEqual([]);
      expect(extrasOf(model, params, settings)).toEqual({});
    }
  });

  it('reads back what it writes (full names in code, short keys in the link)', () => {
    const query =
      'model=gan&runs=3&x=P22&tc=12.5&cos=1&vf=1&view=portrait&dx=tau:0.1:1&dy=taut:0:2&dn=40' +
      '&ov=tau:0.1,0.2&att=1&lg=1&ht=7&nr=50&tab=cloud';
    const parsed = stateOf(query);
    const { settings, notices } = parseViewSettings(gan, parsed.params, parsed.extras);
    expect(notices).toEqual([]);
    expect(settings).toMatchObject({
      runs: 3,
      x: 'P22',
      timeCursor: 12.5,
      cosines: true,
      vectorField: true,
      view: 'portrait',
      diagramX: { param: 'tau', from: 0.1, to: 1 },
      diagramCells: 40,
      overlayValues: { param: 'tau', values: [0.1, 0.2] },
      showAttraction: true,
      logAxes: true,
      histogramTime: 7,
      manyRuns: 50,
      tab: 'cloud',
    });
    const again = parseViewSettings(gan, parsed.params, extrasOf(gan, parsed.params, settings));
    expect(again.settings).toEqual(settings);
  });

  it('reports a bad value under its URL key and keeps the default', () => {
    const parsed = stateOf('model=gan&runs=abc&view=nope&dx=zz:1:2&dn=1000&ov=tau:a&tab=x&nr=1');
    const { settings, notices } = parseViewSettings(gan, parsed.params, parsed.extras);
    expect(notices.map((n) => `${n.key}:${n.level}`).sort()).toEqual([
      'dn:clamped',
      'dx:rejected',
      'nr:clamped',
      'ov:rejected',
      'runs:rejected',
      'tab:rejected',
      'view:rejected',
    ]);
    expect(settings.runs).toBe(1);
    expect(settings.view).toBe('explorer');
    expect(settings.diagramX).toBeNull();
    expect(settings.diagramCells).toBe(100);
    expect(settings.manyRuns).toBe(2);
  });

  it('checks a scan id against the model', () => {
    const parsed = stateOf('model=vae&sc=nope');
    const { notices } = parseViewSettings(vae, parsed.params, parsed.extras);
    expect(notices[0]?.key).toBe('sc');
  });

  it('merges a change: undefined keeps a value, null clears it', () => {
    const parsed = stateOf('model=gan&dx=tau:0.1:1&tc=3');
    const { settings } = parseViewSettings(gan, parsed.params, parsed.extras);
    const merged = mergeSettings(settings, { diagramX: null, timeCursor: undefined, runs: 4 });
    expect(merged.diagramX).toBeNull();
    expect(merged.timeCursor).toBe(3);
    expect(merged.runs).toBe(4);
  });
});

describe('the preset (p) and legend toggles (tg) keys', () => {
  it('reads back a preset id and a sorted set of toggled series', () => {
    const pca = models.find((m) => m.id === 'pca')!;
    const parsed = stateOf('model=pca&p=fig5&tg=r2,m,r2');
    const { settings, notices } = parseViewSettings(pca, parsed.params, parsed.extras);
    expect(notices).toEqual([]);
    expect(settings.preset).toBe('fig5');
    expect(settings.toggledSeries).toEqual(['m', 'r2']);
    expect(extrasOf(pca, parsed.params, settings)).toEqual({ p: 'fig5', tg: 'm,r2' });
  });

  it('rejects a preset of another model, and writes nothing for no toggles', () => {
    const parsed = stateOf('model=gan&p=fig2-3&tg=');
    const { settings, notices } = parseViewSettings(gan, parsed.params, parsed.extras);
    expect(settings.preset).toBeNull();
    expect(notices.map((n) => n.key)).toEqual(['p']);
    expect(extrasOf(gan, parsed.params, settings)).toEqual({});
  });
});

describe('the runs picker (issue 11: runs are cheap with the reduced chains)', () => {
  it('offers 1–8, then doubling up to MAX_RUNS, plus a value a link holds', () => {
    expect(runChoices(1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 16, 32, 64, 128, 256]);
    expect(runChoices(12)).toContain(12);
    expect(Math.max(...runChoices(1))).toBe(MAX_RUNS);
  });
});

describe('the lecture keys: embed, hide and the equations view', () => {
  it('reads and writes embed=1, hide=… (in table order) and eqv=1', () => {
    const parsed = stateOf('model=gan&embed=1&hide=legend,panel&eqv=1&view=equations');
    const { settings, notices } = parseViewSettings(gan, parsed.params, parsed.extras);
    expect(notices).toEqual([]);
    expect(settings).toMatchObject({
      embed: true,
      hide: ['panel', 'legend'],
      equationValues: true,
      view: 'equations',
    });
    expect(extrasOf(gan, parsed.params, settings)).toMatchObject({
      embed: '1',
      hide: 'panel,legend',
      eqv: '1',
      view: 'equations',
    });
  });

  it('rejects an unknown control by name, keeps the known ones, and lists the choices', () => {
    const parsed = stateOf('model=gan&hide=export,bogus,,chrome');
    const { settings, notices } = parseViewSettings(gan, parsed.params, parsed.extras);
    expect(settings.hide).toEqual(['export']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ key: 'hide', level: 'rejected' });
    expect(notices[0]!.message).toContain("'bogus', 'chrome' are not controls");
    expect(notices[0]!.message).toContain('header, panel, runcontrols');
  });

  it('hides the chrome when embedded, and the open link drops embed and hide only', () => {
    expect([...hiddenControls({ embed: true, hide: ['legend'] })].sort()).toEqual([
      'header',
      'legend',
      'panel',
      'status',
    ]);
    expect([...hiddenControls({ embed: false, hide: [] })]).toEqual([]);
    expect(
      openInMacroscopeHref('https://x.org/macroscope/?model=gan&tau=0.3&embed=1&hide=export'),
    ).toBe('https://x.org/macroscope/?model=gan&tau=0.3');
  });
});

describe('play and pin keys', () => {
  it('reads back the play speed, loop and pins it writes', () => {
    const parsed = stateOf('model=gan&ps=0.25&loop=1&pin=taut:0.3!seed:4');
    const { settings, notices } = parseViewSettings(gan, parsed.params, parsed.extras);
    expect(notices).toEqual([]);
    expect(settings.playSpeed).toBe(0.25);
    expect(settings.playLoop).toBe(true);
    expect(settings.pins).toEqual(['taut:0.3', 'seed:4']);
    expect(extrasOf(gan, parsed.params, settings)).toEqual({
      ps: '0.25',
      loop: '1',
      pin: 'taut:0.3!seed:4',
    });
  });

  it('rejects a speed that is not a choice, with a notice, keeping 1×', () => {
    for (const raw of ['3', 'fast', '-1', 'Infinity']) {
      const parsed = stateOf(`model=gan&ps=${raw}`);
      const { settings, notices } = parseViewSettings(gan, parsed.params, parsed.extras);
      expect(settings.playSpeed).toBe(1);
      expect(notices[0]?.key).toBe('ps');
    }
  });
});
