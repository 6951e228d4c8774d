/**
 * The keyboard shortcuts, one table: the key handler (useShortcuts.ts) and the help overlay
 * (HelpOverlay.tsx) both read it, so a shortcut cannot work without being listed or be listed
 * without working. A feature adds its keys here, beside the others, and its mode to MODES so
 * that Esc leaves it.
 */
import { gridViews } from '../layout';
import { playActive, stop, togglePlay } from '../play/actions';
import { toggleFullscreen } from '../present/fullscreen';
import type { AppStore } from '../store';
import { stepScene } from '../story/deck';

/** What a shortcut may act on. */
export interface ShortcutContext {
  store: AppStore;
  /** Copy the share link (the Copy link button's action, with its confirmation). */
  copyLink(): void;
  /** Show or hide the help overlay. */
  toggleHelp(): void;
  helpOpen(): boolean;
}

export interface Shortcut {
  /** KeyboardEvent.key values that fire it (case-sensitive: 'r' and 'R' are listed apart). */
  keys: readonly string[];
  /** How the overlay writes the key(s), e.g. '1–9'. */
  label: string;
  /** What it does, in the overlay. */
  help: string;
  run(ctx: ShortcutContext, key: string): void;
}

/** A mode Esc leaves: the innermost active one first (the order of this list). */
export interface EscapableMode {
  name: string;
  active(ctx: ShortcutContext): boolean;
  leave(ctx: ShortcutContext): void;
}

export const MODES: readonly EscapableMode[] = [
  { name: 'help', active: (c) => c.helpOpen(), leave: (c) => c.toggleHelp() },
  // Play (playing or paused): Esc stops it and shows the full curves, the cursor kept.
  { name: 'play', active: (c) => playActive(c.store), leave: (c) => stop(c.store) },
  {
    name: 'maximised view',
    active: (c) => !['explorer', 'figure'].includes(c.store.getState().view),
    leave: (c) => c.store.getState().setView({ view: 'explorer' }),
  },
  {
    name: 'figure layout',
    active: (c) => c.store.getState().view === 'figure',
    leave: (c) => c.store.getState().setView({ view: 'explorer' }),
  },
  {
    name: 'presentation',
    active: (c) => c.store.getState().present,
    leave: (c) => c.store.getState().setView({ present: false }),
  },
];

/** Leave the innermost active mode; false when none is active. */
export function leaveMode(ctx: ShortcutContext): boolean {
  const mode = MODES.find((m) => m.active(ctx));
  if (!mode) return false;
  mode.leave(ctx);
  return true;
}

/** A new seed, different from the current one, in the seed's range [0, 2³² − 1]. */
export function nextSeed(current: number): number {
  const next = Math.floor(Math.random() * 0xffffffff);
  return next === current ? (next + 1) % 0x100000000 : next;
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: ['?'],
    label: '?',
    help: 'Show or hide this list of shortcuts',
    run: (c) => c.toggleHelp(),
  },
  {
    keys: ['Escape'],
    label: 'Esc',
    help: 'Leave any mode: this list, play, a maximised view, the figure layout, presentation',
    run: (c) => void leaveMode(c),
  },
  {
    keys: [' '],
    label: 'Space',
    help: 'Play or pause the dynamics over t (the cursor stops where you pause)',
    run: (c) => togglePlay(c.store),
  },
  {
    keys: ['r', 'R'],
    label: 'R',
    help: 'New seed: a fresh set of SGD runs (the curves stay)',
    run: (c) => {
      const s = c.store.getState();
      s.setParam('seed', nextSeed(Number(s.params.seed)));
    },
  },
  {
    keys: ['l', 'L'],
    label: 'L',
    help: 'Copy the share link of this view',
    run: (c) => c.copyLink(),
  },
  {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    label: '1–9',
    help: 'Maximise the n-th view (again: back to all views)',
    run: (c, key) => {
      const s = c.store.getState();
      const id = gridViews(s.model)[Number(key) - 1];
      if (id) s.setView({ view: s.view === id ? 'explorer' : id });
    },
  },
  {
    keys: ['p', 'P'],
    label: 'P',
    help: 'Presentation: the chosen views fill the screen, in projector type (again: leave)',
    run: (c) => {
      const s = c.store.getState();
      s.setView({ present: !s.present });
    },
  },
  {
    keys: ['f', 'F'],
    label: 'F',
    help: 'Fullscreen on or off (the browser may refuse; presentation goes on in the window)',
    run: () => toggleFullscreen(),
  },
  {
    keys: ['ArrowLeft'],
    label: '←',
    help: 'Previous scene of the story (without a story: the previous preset)',
    run: (c) => void stepScene(c.store, -1),
  },
  {
    keys: ['ArrowRight'],
    label: '→',
    help: 'Next scene of the story (without a story: the next preset)',
    run: (c) => void stepScene(c.store, 1),
  },
];

/** The shortcut a key fires, if any. */
export function shortcutFor(key: string): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.keys.includes(key));
}
