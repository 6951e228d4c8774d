import { describe, expect, it } from 'vitest';

import { createAppStore, parseViewSettings } from './store';

describe('app store', () => {
  it('starts from the defaults and a canonical state string', () => {
    const store = createAppStore('');
    expect(store.getState().model.id).toBe('gan');
    expect(store.getState().query.startsWith('model=gan&')).toBe(true);
    expect(store.getState().notices.map((n) => n.key)).not.toContain('y');
    expect(store.getState().x).toBe('P11');
    expect(store.getState().y).toBe('q1');
  });

  it('keeps notices for bad URL values and still has a usable state', () => {
    const store = createAppStore('?model=gan&tau=-1&foo=2&view=portrait&runs=4000&x=zz&tc=abc');
    const { notices, params, view, runs, x, timeCursor: tc } = store.getState();
    expect(notices.map((n) => n.key).sort()).toEqual(['foo', 'runs', 'tau', 'tc', 'x']);
    expect(params['tau']).toBe(0.001);
    expect(view).toBe('portrait');
    expect(runs).toBe(256);
    expect(x).toBe('P11');
    expect(tc).toBeNull();
  });

  it('setParam validates through the codec; the model query ignores view settings', () => {
    const store = createAppStore('');
    const before = store.getState().modelQuery;
    store.getState().setView({ timeCursor: 12, runs: 3, x: 'P22' });
    expect(store.getState().modelQuery).toBe(before);
    expect(store.getState().query).toContain('runs=3&x=P22&tc=12');
    store.getState().setParam('tau', 0.35);
    expect(store.getState().query).toContain('tau=0.35');
    expect(store.getState().query).toContain('runs=3');
    store.getState().setParam('tau', 99);
    expect(store.getState().params['tau']).toBe(4);
    expect(store.getState().notices[0]?.level).toBe('clamped');
    store.getState().setParam('d', 1);
    expect(store.getState().params['Lambda']).toEqual([5]);
  });

  it('setParams sets linked parameters together (η → η_T, η_G)', () => {
    const store = createAppStore('');
    store.getState().setParams({ etaT: 3, etaG: 3 });
    expect(store.getState().query).toContain('eta=3');
    store.getState().setParams({ etaG: 1 });
    expect(store.getState().query).toContain('etaT=3&etaG=1');
  });

  it('a shared query restores the same settings', () => {
    const a = createAppStore('?model=gan&tau=0.3&runs=4&x=P22&y=q2&tc=100&cos=1&lambda=5');
    const b = createAppStore(a.getState().query);
    for (const key of ['query', 'runs', 'x', 'y', 'timeCursor', 'cosines'] as const) {
      expect(b.getState()[key]).toEqual(a.getState()[key]);
    }
  });

  it('portrait axes are checked against the state names (d = 1 has no P22)', () => {
    const store = createAppStore('?model=gan&d=1');
    const { notices } = parseViewSettings(store.getState().model, store.getState().params, {
      x: 'P22',
    });
    expect(notices[0]?.message).toContain('x=P22 is neither t nor an order parameter');
  });

  it('a state without the default portrait plane falls back to its own order parameters', () => {
    const store = createAppStore('?model=contrastive&d1=2');
    expect([store.getState().x, store.getState().y]).toEqual(['Q1', 'Q2']);
    store.getState().setParams({ d1: 1 });
    // One order parameter has no plane: it is drawn against t.
    expect([store.getState().x, store.getState().y]).toEqual(['t', 'Q1']);
    expect(store.getState().query).not.toContain('&x=');
    expect(store.getState().notices.map((n) => n.key)).not.toContain('y');
    expect(store.getState().query).not.toContain('&y=');
  });

  it('the many-runs keys: clamped with a notice, kept in the link', () => {
    const store = createAppStore('?model=pca&nr=5000&ht=99&tab=fluctuation&view=fluctuation');
    const s = store.getState();
    expect(s.manyRuns).toBe(1000);
    expect(s.histogramTime).toBe(s.params['T']);
    expect(s.notices.map((n) => n.key).sort()).toEqual(['ht', 'nr']);
    expect(s.query).toContain('nr=1000');
    expect(s.query).toContain('view=fluctuation');
    expect(createAppStore('?model=vae&sc=nope').getState().notices[0]?.message).toContain(
      'sc must name one of',
    );
  });
});
