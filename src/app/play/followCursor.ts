/**
 * The moving time cursor, outside React. Play moves it on every animation frame; when each view
 * re-rendered through React and redrew its whole chart per frame, play ran near 10 fps with the
 * cloud on show (bench:ui's ui_play_fps_cloud_n2000). Now a view draws its chart when its data
 * change, and from that draw follows the cursor with a mover: a cheap function that redraws only
 * what the cursor moves (the reveal clip, the ring, the revealed dots, the morphed cloud).
 */
import type { AppStore } from '../store';
import { viewCursor } from './actions';

export type ViewCursor = ReturnType<typeof viewCursor>;

/** The cursor the views draw now (a draw starts from it, then follows it). */
export function currentCursor(store: AppStore): ViewCursor {
  return viewCursor(store.getState());
}

/**
 * Calls `move` whenever the views' cursor changes from `drawn` (what the draw used); returns the
 * unsubscribe, so that a draw effect can return it as its cleanup (the next draw follows anew).
 */
export function followCursor(
  store: AppStore,
  drawn: ViewCursor,
  move: (cursor: ViewCursor) => void,
): () => void {
  let last = drawn;
  return store.subscribe((s) => {
    const next = viewCursor(s);
    if (next.cursor === last.cursor && next.reveal === last.reveal) return;
    last = next;
    move(next);
  });
}
