import { describe, expect, it } from 'vitest';

import { advance, frameTimes, PLAY_BASE_SECONDS, playRate, startTime } from './clock';

describe('play clock', () => {
  it('plays the whole run in PLAY_BASE_SECONDS at 1×, twice as fast at 2×', () => {
    expect(playRate(600, 1) * PLAY_BASE_SECONDS).toBeCloseTo(600, 12);
    expect(playRate(600, 2)).toBeCloseTo(2 * playRate(600, 1), 12);
  });

  it('stops at T without loop and wraps with it', () => {
    expect(advance(9, 1, { T: 10, rate: 2, loop: false })).toEqual({ t: 10, ended: true });
    const wrapped = advance(9, 1, { T: 10, rate: 2, loop: true });
    expect(wrapped.ended).toBe(false);
    expect(wrapped.t).toBeCloseTo(1, 12);
    expect(advance(1, 0.5, { T: 10, rate: 2, loop: false })).toEqual({ t: 2, ended: false });
  });

  it('never steps backwards on a negative frame gap (a clock skew)', () => {
    expect(advance(3, -1, { T: 10, rate: 2, loop: false }).t).toBe(3);
  });

  it('starts from a cursor inside the run, from 0 at the end or without one', () => {
    expect(startTime(4, 10)).toBe(4);
    expect(startTime(10, 10)).toBe(0);
    expect(startTime(null, 10)).toBe(0);
  });

  it('gives seconds × fps frames from 0 to T inclusive', () => {
    const t = frameTimes(600, 10, 30);
    expect(t.length).toBe(300);
    expect(t[0]).toBe(0);
    expect(t[299]).toBe(600);
    expect(t[1]! - t[0]!).toBeCloseTo(600 / 299, 12);
    expect(frameTimes(5, 0, 30).length).toBe(2);
  });
});
