import { describe, expect, it } from 'vitest';

import { createAppStore } from './store';

describe('app store', () => {
  it('starts from the defaults and a canonical state string', () => {
    const store = createAppStore('');
    expect(store.getState().model.id).toBe('gan');
    expect(store.getState().query.startsWith('model=gan&')).toBe(true);
    expect(store.getState().notices).toEqual([]);
  });

  it('keeps notices for bad URL values and still has a usable state', () => {
    const store = createAppStore('?model=gan&tau=-1&foo=2&view=portrait');
    const { notices, params, view } = store.getState();
    expect(notices.map((n) => n.key).sort()).toEqual(['foo', 'tau']);
    expect(params['tau']).toBe(0.001);
    expect(view).toBe('portrait');
  });

  it('setParam validates through the codec and updates the query', () => {
    const store = createAppStore('');
    store.getState().setParam('tau', 0.35);
    expect(store.getState().query).toContain('tau=0.35');
    store.getState().setParam('tau', 99);
    expect(store.getState().params['tau']).toBe(4);
    expect(store.getState().notices[0]?.level).toBe('clamped');
    store.getState().setParam('d', 1);
    expect(store.getState().params['Lambda']).toEqual([5]);
  });
});
