/**
 * The play clock, pure: how fast model time runs at a speed setting, one step of the clock, and
 * the frame times of a recording. No DOM: the animation frame loop (driver.ts) and the recorder
 * call these, and tests drive them directly.
 */

/** The speed choices, as multiples of the base rate (the whole run [0, T] in PLAY_BASE_SECONDS). */
export const PLAY_SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
/** At 1× the whole run [0, T] plays in this many seconds, whatever T is. */
export const PLAY_BASE_SECONDS = 10;
/** Frames per second of a recorded video (WebM, PNG sequence). */
export const VIDEO_FPS = 30;

/** What the animation is doing: stopped (the full curves), playing, or paused at its time. */
export type PlayStatus = 'stopped' | 'playing' | 'paused';

export interface PlayState {
  status: PlayStatus;
  /** The moving time cursor, in model time units, in [0, T]. */
  t: number;
}

export const STOPPED: PlayState = { status: 'stopped', t: 0 };

/** Model time per second of wall (or video) time at `speed`: T / PLAY_BASE_SECONDS × speed. */
export function playRate(T: number, speed: number): number {
  return (T / PLAY_BASE_SECONDS) * speed;
}

/** Seconds the whole run [0, T] takes to play at `speed`. */
export function playSeconds(speed: number): number {
  return PLAY_BASE_SECONDS / speed;
}

/**
 * One step of the clock: `seconds` of wall time at `rate` from t. Past T it wraps to the start
 * when looping (keeping the overshoot), else it stops at T and says it ended.
 */
export function advance(
  t: number,
  seconds: number,
  { T, rate, loop }: { T: number; rate: number; loop: boolean },
): { t: number; ended: boolean } {
  const next = t + Math.max(0, seconds) * rate;
  if (next < T) return { t: next, ended: false };
  if (!loop || T <= 0) return { t: T, ended: true };
  return { t: next % T, ended: false };
}

/** Where play starts: from a cursor inside the run, else from 0 (a cursor at T starts over). */
export function startTime(cursor: number | null, T: number): number {
  return cursor !== null && cursor >= 0 && cursor < T ? cursor : 0;
}

/**
 * The model times of a recording's frames: `round(seconds × fps)` frames (at least 2) from 0 to
 * T inclusive, evenly spaced, so frame k of a `fps` video shows t_k whatever the machine's speed.
 */
export function frameTimes(T: number, seconds: number, fps: number): Float64Array {
  const frames = Math.max(2, Math.round(seconds * fps));
  return Float64Array.from({ length: frames }, (_, k) => (T * k) / (frames - 1));
}
