/**
 * Play, pause and stop, as actions on the store: the shortcuts, the buttons and the recorder
 * call these; the animation frame loop (driver.ts) follows the store's `play` slice. Pausing
 * writes the cursor into the state (and so the link) once, never on every frame.
 */
import { num } from '../../core/params';
import type { AppStore } from '../store';
import { startTime, STOPPED } from './clock';

/** Start (or resume) playing: from the paused time, else from the cursor, else from 0. */
export function play(store: AppStore): void {
  const s = store.getState();
  const T = num(s.params, 'T');
  const from = s.play.status === 'paused' ? s.play.t : s.timeCursor;
  s.setPlay({ status: 'playing', t: startTime(from, T) });
}

/** Pause where the cursor is, and write it into the link as the time cursor. */
export function pause(store: AppStore): void {
  const s = store.getState();
  if (s.play.status !== 'playing') return;
  const t = Number(s.play.t.toPrecision(4));
  s.setPlay({ status: 'paused', t: s.play.t });
  s.setView({ timeCursor: t });
}

export function togglePlay(store: AppStore): void {
  if (store.getState().play.status === 'playing') pause(store);
  else play(store);
}

/** Leave play: the full curves again, the cursor kept where play was. */
export function stop(store: AppStore): void {
  const s = store.getState();
  if (s.play.status === 'playing') pause(store);
  store.getState().setPlay(STOPPED);
}

/** Whether play shows a moving cursor (playing or paused): Esc leaves it. */
export function playActive(store: AppStore): boolean {
  return store.getState().play.status !== 'stopped';
}

/**
 * The cursor the views draw: the moving one while play is on, else the state's; and the time up
 * to which curves and dots are revealed (null: all of them).
 */
export function viewCursor(s: { play: { status: string; t: number }; timeCursor: number | null }): {
  cursor: number | null;
  reveal: number | null;
} {
  if (s.play.status === 'stopped') return { cursor: s.timeCursor, reveal: null };
  return { cursor: s.play.t, reveal: s.play.t };
}
