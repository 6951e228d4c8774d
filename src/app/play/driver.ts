/**
 * The animation frame loop of play, outside React: while the store's play status is 'playing',
 * each frame advances the moving cursor by the wall time since the last frame (play/clock.ts),
 * so a slow frame skips ahead rather than slowing the dynamics down. At T it wraps (loop) or
 * pauses, writing the cursor into the link once.
 */
import { num } from '../../core/params';
import type { AppStore } from '../store';
import { pause } from './actions';
import { advance, playRate } from './clock';

export class PlayDriver {
  private frame: number | null = null;
  private last = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly store: AppStore) {}

  start(): void {
    this.unsubscribe ??= this.store.subscribe((s, before) => {
      if (s.play.status === before.play.status) return;
      if (s.play.status === 'playing') this.loop();
      else this.cancel();
    });
    if (this.store.getState().play.status === 'playing') this.loop();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cancel();
  }

  private loop(): void {
    if (this.frame !== null) return;
    this.last = performance.now();
    const tick = (now: number) => {
      const s = this.store.getState();
      if (s.play.status !== 'playing') {
        this.frame = null;
        return;
      }
      const T = num(s.params, 'T');
      const seconds = (now - this.last) / 1000;
      this.last = now;
      const next = advance(s.play.t, seconds, {
        T,
        rate: playRate(T, s.playSpeed),
        loop: s.playLoop,
      });
      s.setPlay({ status: 'playing', t: next.t });
      if (next.ended) {
        this.frame = null;
        pause(this.store);
        return;
      }
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private cancel(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }
}
