import { describe, expect, it } from 'vitest';

import { parseState } from '../../core/state';
import { models } from '../../models/registry';
import { APP_KEYS, extrasOf, parseViewSettings } from '../appKeys';
import { projectorProfile, renderedSizes, SCREEN_PROFILE } from '../charts/profile';
import { gridViews } from '../layout';
import { availableViews, shownViews } from './presentKeys';

const settingsOf = (query: string) => {
  const parsed = parseState(query, models, { extraKeys: APP_KEYS });
  return { parsed, ...parseViewSettings(parsed.model, parsed.params, parsed.extras) };
};

describe('presentation keys', () => {
  it('agree with the view registry on which views a model has', () => {
    for (const m of models) expect(new Set(availableViews(m))).toEqual(new Set(gridViews(m)));
  });

  it('read back what they write: present, show, ctl', () => {
    const { parsed, settings, notices } = settingsOf(
      'model=gan&present=1&show=portrait,trajectories&ctl=tau,eta',
    );
    expect(notices).toEqual([]);
    expect(settings).toMatchObject({
      present: true,
      show: ['portrait', 'trajectories'],
      controls: ['tau', 'eta'],
    });
    expect(extrasOf(parsed.model, parsed.params, settings)).toMatchObject({
      present: '1',
      show: 'portrait,trajectories',
      ctl: 'tau,eta',
    });
  });

  it('drop what the model lacks, with a notice naming it', () => {
    const { settings, notices } = settingsOf('model=gan&show=rate,portrait&ctl=beta,Lambda,tau');
    expect(settings.show).toEqual(['portrait']);
    expect(settings.controls).toEqual(['tau']);
    expect(notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/^show: rate is not a view of this model/),
      expect.stringMatching(/^ctl: beta, Lambda are not a numeric parameter/),
    ]);
    expect(settingsOf('model=gan&show=,,').settings.show).toBeNull();
  });

  it('show the first two views while presenting, else the grid', () => {
    const gan = models.find((m) => m.id === 'gan')!;
    expect(shownViews(gan, { show: null, present: true })).toEqual(['trajectories', 'portrait']);
    expect(shownViews(gan, { show: null, present: false })).toBeNull();
    expect(shownViews(gan, { show: ['diagram'], present: false })).toEqual(['diagram']);
  });

  it('a story key names a shipped story or a code; anything else is refused', () => {
    expect(settingsOf('model=gan&story=gan&scene=2').settings).toMatchObject({
      story: 'gan',
      scene: 2,
    });
    const bad = settingsOf('model=gan&story=<script>&scene=0');
    expect(bad.settings).toMatchObject({ story: null, scene: null });
    expect(bad.notices.map((n) => n.key)).toEqual(['story', 'scene']);
  });
});

describe('the projector profile', () => {
  it('meets the lecture-hall sizes at 1920×1080; the screen profile is the laptop one', () => {
    const at1080 = renderedSizes(projectorProfile(1080));
    expect(at1080.tick).toBeGreaterThanOrEqual(20);
    expect(at1080.label).toBeGreaterThanOrEqual(26);
    expect(at1080.curve).toBeGreaterThanOrEqual(3);
    expect(at1080.axis).toBeGreaterThanOrEqual(3);
    expect(SCREEN_PROFILE.zoom).toBe(1);
    expect(projectorProfile(100000).zoom).toBeLessThanOrEqual(2.4);
  });
});
