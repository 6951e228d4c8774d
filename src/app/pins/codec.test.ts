import { describe, expect, it } from 'vitest';

import type { Notice } from '../../core/model';
import { models } from '../../models/registry';
import { createAppStore } from '../store';
import { compactPin, MAX_PINS, parsePins, pinLabel, pinParams, writePins } from './codec';

const gan = models.find((m) => m.id === 'gan')!;

function parse(raw: string) {
  const notices: Pick<Notice, 'level' | 'message'>[] = [];
  const pins = parsePins(raw, gan, (level, message) => notices.push({ level, message }));
  return { pins, notices };
}

describe('pin codec', () => {
  it('writes a pin as its parameters off the defaults, and reads it back', () => {
    const store = createAppStore('model=gan&taut=0.12&seed=3');
    const pin = compactPin(gan, store.getState().params);
    expect(pin).toBe('taut:0.12~seed:3');
    expect(pinParams(gan, pin).params).toEqual(store.getState().params);
    expect(compactPin(gan, createAppStore('model=gan').getState().params)).toBe('defaults');
  });

  it('round-trips through the link, surviving a reload', () => {
    const store = createAppStore('model=gan&taut=0.12');
    store.getState().setView({ pins: ['taut:0.3', 'defaults'] });
    const query = store.getState().query;
    expect(query).toContain('pin=taut:0.3!defaults');
    expect(createAppStore(query).getState().pins).toEqual(['taut:0.3', 'defaults']);
    expect(writePins([])).toBeNull();
  });

  it('labels a pin by what differs from the current state', () => {
    const now = createAppStore('model=gan&taut=0.5').getState().params;
    expect(pinLabel(gan, pinParams(gan, 'taut:1.2').params, now)).toBe('τ̃ = 1.2');
    expect(pinLabel(gan, pinParams(gan, 'taut:0.5').params, now)).toBe('as now');
  });

  it('keeps at most MAX_PINS, with a notice', () => {
    const raw = Array.from({ length: MAX_PINS + 2 }, (_, k) => `seed:${k}`).join('!');
    const { pins, notices } = parse(raw);
    expect(pins.length).toBe(MAX_PINS);
    expect(notices[0]?.level).toBe('clamped');
  });

  it('clamps out-of-range values with the model codec, rejects malformed pins, never throws', () => {
    const clamped = parse('tau:-5');
    expect(clamped.pins.length).toBe(1);
    expect(clamped.notices.some((n) => n.message.startsWith('pin 1: '))).toBe(true);
    for (const hostile of ['<script>', 'tau', ':1', 'x'.repeat(5000), '%00:1', 'tau:abc~~']) {
      const r = parse(hostile);
      expect(r.notices.length).toBeGreaterThan(0);
    }
    expect(parse('nosuch:1').notices[0]?.message).toMatch(/pin 1: unknown parameter/);
    expect(() => createAppStore('model=gan&pin=%E0%A4%A')).not.toThrow();
  });
});
