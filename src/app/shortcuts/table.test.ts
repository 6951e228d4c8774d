import { describe, expect, it } from 'vitest';

import { gridViews } from '../layout';
import { createAppStore } from '../store';
import { shortcutAllowed } from './keys';
import { leaveMode, nextSeed, type ShortcutContext, shortcutFor, SHORTCUTS } from './table';

function context(query: string) {
  const store = createAppStore(query);
  let help = false;
  let copied = 0;
  const ctx: ShortcutContext = {
    store,
    toggleHelp: () => (help = !help),
    helpOpen: () => help,
    copyLink: () => copied++,
  };
  return { ctx, store, copies: () => copied };
}

describe('keyboard shortcuts', () => {
  it('no key fires two shortcuts', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('the number keys maximise the grid views in order, and again go back', () => {
    const { ctx, store } = context('model=gan');
    const views = gridViews(store.getState().model);
    expect(views.slice(0, 2)).toEqual(['trajectories', 'portrait']);
    shortcutFor('2')!.run(ctx, '2');
    expect(store.getState().view).toBe('portrait');
    shortcutFor('2')!.run(ctx, '2');
    expect(store.getState().view).toBe('explorer');
    shortcutFor('9')!.run(ctx, '9'); // beyond the grid: nothing
    expect(store.getState().view).toBe('explorer');
  });

  it('Esc leaves the innermost mode first: help, then the maximised view', () => {
    const { ctx, store } = context('model=gan&view=portrait');
    ctx.toggleHelp();
    expect(leaveMode(ctx)).toBe(true);
    expect(ctx.helpOpen()).toBe(false);
    expect(store.getState().view).toBe('portrait');
    expect(leaveMode(ctx)).toBe(true);
    expect(store.getState().view).toBe('explorer');
    expect(leaveMode(ctx)).toBe(false);
  });

  it('R draws a new seed in range; L copies the link', () => {
    const { ctx, store, copies } = context('model=vae&seed=7');
    shortcutFor('r')!.run(ctx, 'r');
    const seed = Number(store.getState().params.seed);
    expect(seed).not.toBe(7);
    expect(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff).toBe(true);
    expect(nextSeed(seed)).not.toBe(seed);
    shortcutFor('L')!.run(ctx, 'L');
    expect(copies()).toBe(1);
  });

  it('modifiers never fire a shortcut (Ctrl+R reloads); Esc fires from anywhere', () => {
    const base = { ctrlKey: false, metaKey: false, altKey: false, target: null };
    expect(shortcutAllowed({ ...base, key: 'r' })).toBe(true);
    expect(shortcutAllowed({ ...base, key: 'r', ctrlKey: true })).toBe(false);
    expect(shortcutAllowed({ ...base, key: 'l', metaKey: true })).toBe(false);
    expect(shortcutAllowed({ ...base, key: 'Escape' })).toBe(true);
  });
});

describe('play shortcuts', () => {
  it('Space plays and pauses (the cursor written once), Esc stops play first', () => {
    const { ctx, store } = context('model=gan&T=10&view=portrait');
    shortcutFor(' ')!.run(ctx, ' ');
    expect(store.getState().play.status).toBe('playing');
    expect(store.getState().play.t).toBe(0);
    store.getState().setPlay({ status: 'playing', t: 4.25 });
    expect(store.getState().query).not.toContain('tc=');
    shortcutFor(' ')!.run(ctx, ' ');
    expect(store.getState().play.status).toBe('paused');
    expect(store.getState().query).toContain('tc=4.25');
    expect(leaveMode(ctx)).toBe(true);
    expect(store.getState().play.status).toBe('stopped');
    expect(store.getState().view).toBe('portrait');
    expect(store.getState().timeCursor).toBe(4.25);
  });
});
