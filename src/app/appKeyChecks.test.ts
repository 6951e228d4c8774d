/**
 * The URL keys checked against the model (issue 16): a view or tab the model lacks falls back to
 * the default layout with a notice, and diagram / continuation ranges stay within the axis's
 * bounds, so that no link opens an empty page or a chart with NaN coordinates.
 */
import { describe, expect, it } from 'vitest';

import { type Model, viewSpec } from '../core/model';
import { parseState } from '../core/state';
import { models } from '../models/registry';
import { axisBounds, axisKeys, strictNumber } from './appKeyChecks';
import { APP_KEYS, parseViewSettings, TABBED_VIEWS, VIEWS } from './appKeys';
import { createAppStore } from './store';
import { VIEW_AVAILABLE, viewAvailable } from './views/available';

const byId = (id: string): Model => models.find((m) => m.id === id)!;

function settingsOf(query: string) {
  const parsed = parseState(query, models, { extraKeys: APP_KEYS });
  return parseViewSettings(parsed.model, parsed.params, parsed.extras);
}

describe('view and tab keys', () => {
  it('open a view only where the model has it, for every model and view', () => {
    for (const model of models) {
      for (const view of VIEWS) {
        const { settings, notices } = settingsOf(`model=${model.id}&view=${view}`);
        if (viewAvailable(model, view) && (view !== 'diagram' || viewSpec(model, 'diagram'))) {
          expect(settings.view).toBe(view);
          expect(notices).toEqual([]);
        } else {
          expect(settings.view).toBe('explorer');
          expect(notices.map((n) => n.message)).toEqual([
            expect.stringMatching(
              new RegExp(`^view=${view}: model ${model.id} has no .*default layout`),
            ),
          ]);
        }
      }
    }
  });

  it('bring a tab to the front only where the model has it', () => {
    for (const model of models) {
      for (const tab of TABBED_VIEWS) {
        const { settings, notices } = settingsOf(`model=${model.id}&tab=${tab}`);
        expect(settings.tab).toBe(viewAvailable(model, tab) ? tab : null);
        expect(notices.length).toBe(viewAvailable(model, tab) ? 0 : 1);
      }
    }
  });

  it('reject the reported links with a notice', () => {
    for (const query of [
      'model=pca&view=cloud',
      'model=xor&view=scan',
      'model=contrastive&view=basins',
      'model=gmm&view=rate',
    ]) {
      const s = createAppStore(query).getState();
      expect(s.view).toBe('explorer');
      expect(s.notices).toHaveLength(1);
      expect(s.query).not.toContain('view=');
    }
  });

  it('open a maximised diagram only with axes (GMM and XOR have no default one)', () => {
    for (const id of ['gmm', 'xor']) {
      expect(settingsOf(`model=${id}&view=diagram`).settings.view).toBe('explorer');
      const withAxes = settingsOf(`model=${id}&view=diagram&dx=alpha:0.1:1&dy=T:1:10`);
      expect(withAxes.settings.view).toBe('diagram');
    }
  });

  it('every model has every view of its layout', () => {
    for (const model of models) {
      expect(VIEW_AVAILABLE.trajectories(model) && VIEW_AVAILABLE.portrait(model)).toBe(true);
    }
  });
});

describe('diagram and continuation axes', () => {
  it('clamp the reported GAN ranges to the parameter and derived-axis bounds', () => {
    const s = createAppStore('model=gan&dx=tau:-1e308:1e308&dy=alpha:0:1e308').getState();
    expect(s.diagramX).toEqual({ param: 'tau', from: 0.001, to: 4 });
    expect(s.diagramY).toEqual({ param: 'alpha', from: 0, to: 4000 });
    expect(s.notices.map((n) => n.level)).toEqual(['clamped', 'clamped']);
    // The clamped state is a valid link: read back, it gives no notice.
    expect(createAppStore(s.query).getState().notices).toEqual([]);
  });

  it('clamp dx, dy and ba of every model to finite bounds', () => {
    for (const model of models) {
      for (const key of axisKeys(model)) {
        const [lo, hi] = axisBounds(model, key);
        expect(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi).toBe(true);
        const q = `model=${model.id}&dx=${key}:-1e308:1e308&dy=${key}:-5e307:1e308&ba=${key}:-1e300:1e300`;
        const s = createAppStore(q).getState();
        for (const axis of [s.diagramX, s.diagramY, s.bifurcationAxis]) {
          expect(axis).toEqual({ param: key, from: lo, to: hi });
        }
      }
    }
  });

  it('reject a range outside the bounds, or numbers Number() would accept', () => {
    const pca = byId('pca');
    const [, hi] = axisBounds(pca, 'lambda');
    for (const raw of [
      `lambda:${hi + 1}:${hi + 2}`,
      'lambda::1',
      'lambda: :1',
      'lambda:0x10:1',
      'lambda:Infinity:1',
      'lambda:1:1',
      'lambda:1:2:3',
    ]) {
      const { settings, notices } = settingsOf(`model=pca&dx=${raw}`);
      expect(settings.diagramX).toBeNull();
      expect(notices.map((n) => n.level)).toEqual(['rejected']);
    }
    expect(strictNumber('1e-3')).toBe(0.001);
    expect(strictNumber('1e400')).toBeNull();
  });

  it('keeps overlay values on a derived axis within its range', () => {
    const s = createAppStore('model=gan&ov=alpha:1e300,2').getState();
    expect(s.overlayValues).toEqual({ param: 'alpha', values: [4000, 2] });
  });
});

describe('a rejected law falls back to a valid one', () => {
  it('c1=moments:0.01,1e4,1e6 becomes a law that passes its own check', () => {
    const s = createAppStore('model=contrastive&c1=moments:0.01,1e4,1e6').getState();
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0]!.message).toMatch(/m₄ must be at most/);
    const again = createAppStore(s.query).getState();
    expect(again.notices).toEqual([]);
    expect(again.params['c1']).toBe(s.params['c1']);
  });
});
