import { describe, expect, it } from 'vitest';

import { ganParams } from '../models/gan/params';
import { models } from '../models/registry';
import {
  formatValue,
  fromPosition,
  isPlainField,
  niceStep,
  parseTyped,
  positionCount,
  scaledSpec,
  toPosition,
} from './sliderScale';

const spec = (key: string) =>
  scaledSpec(ganParams.find((p) => p.key === key) as Parameters<typeof scaledSpec>[0]);

describe('slider scales', () => {
  it('linear: positions snap to a round grid and round-trip', () => {
    const tau = spec('tau');
    expect(niceStep(3.999 / 1000)).toBe(0.005);
    expect(fromPosition(tau, toPosition(tau, 0.2))).toBe(0.2);
    expect(fromPosition(tau, toPosition(tau, 0.2) + 1)).toBe(0.205);
    expect(fromPosition(tau, toPosition(tau, 0.2) + 80)).toBe(0.6);
    // every position is a round value that maps back to itself
    for (let p = 0; p <= positionCount(tau); p++)
      expect(toPosition(tau, fromPosition(tau, p))).toBe(p === 0 ? 0 : p);
    expect(fromPosition(tau, 0)).toBe(0.001);
    expect(fromPosition(tau, positionCount(tau))).toBe(4);
  });

  it('log with an ∞ end stop (λ)', () => {
    const lambda = spec('lambda');
    expect(positionCount(lambda)).toBe(1001);
    expect(fromPosition(lambda, 1001)).toBe(Number.POSITIVE_INFINITY);
    expect(toPosition(lambda, Number.POSITIVE_INFINITY)).toBe(1001);
    expect(fromPosition(lambda, 1000)).toBe(10000);
    expect(fromPosition(lambda, 0)).toBe(0.01);
    const p = toPosition(lambda, 5);
    expect(Math.abs(fromPosition(lambda, p) - 5) / 5).toBeLessThan(0.02);
  });

  it('integers get one position per value (d)', () => {
    const d = spec('d');
    expect(positionCount(d)).toBe(3);
    expect(positionCount(spec('T'))).toBe(1000);
    expect(fromPosition(spec('T'), toPosition(spec('T'), 600))).toBe(600);
    expect(fromPosition(spec('n'), toPosition(spec('n'), 2000))).toBe(2000);
    expect([0, 1, 2, 3].map((k) => fromPosition(d, k))).toEqual([1, 2, 3, 4]);
  });

  it('log sliders land on round values (T = 600, Λ = 5)', () => {
    const T = spec('T');
    for (const v of [1, 10, 20, 150, 600, 1000, 10000])
      expect(fromPosition(T, toPosition(T, v))).toBe(v);
  });

  it('every range of four decades or more is logarithmic, the seed a plain field', () => {
    for (const model of models)
      for (const sp of model.params) {
        if (sp.kind === 'enum') continue;
        if (isPlainField(sp)) {
          expect(sp.key, model.id).toBe('seed');
          continue;
        }
        if (sp.min > 0 && sp.max / sp.min >= 1e4)
          expect(scaledSpec(sp).scale, `${model.id} ${sp.key}`).toBe('log');
      }
  });

  it('typed input: numbers, ∞ only where allowed', () => {
    expect(parseTyped(spec('lambda'), 'inf')).toBe(Number.POSITIVE_INFINITY);
    expect(parseTyped(spec('lambda'), '∞')).toBe(Number.POSITIVE_INFINITY);
    expect(parseTyped(spec('tau'), 'inf')).toBeNull();
    expect(parseTyped(spec('tau'), 'abc')).toBeNull();
    expect(parseTyped(spec('tau'), ' 0.25 ')).toBe(0.25);
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatValue(0.123456)).toBe('0.1235');
  });
});
