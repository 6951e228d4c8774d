import { describe, expect, it } from 'vitest';

import type { Model } from '../../../core/model';
import type { Params } from '../../../core/params';
import type { DiagramState } from '../../store';
import {
  axisChoices,
  currentPlacement,
  defaultAxisRange,
  diagramCsv,
  diagramNote,
  markKeyLabel,
  outsideNotice,
  paramsAt,
} from './plane';

// A model with two numeric parameters a, b (and T, seed) and a derived axis ratio = b / a.
const model = {
  id: 'toy',
  params: [
    { key: 'a', label: 'a', symbol: 'a', kind: 'number', min: 0.1, max: 50 },
    { key: 'b', label: 'b', symbol: 'b', kind: 'number', min: 0, max: 3 },
    { key: 'T', label: 'T', symbol: 'T', kind: 'number', min: 1, max: 100 },
    { key: 'seed', label: 'seed', symbol: 'seed', kind: 'number', min: 0, max: 9 },
  ],
  theory: {
    derivedAxes: [
      {
        key: 'ratio',
        label: 'b/a',
        read: (p: Params) => Number(p['b']) / Number(p['a']),
        apply: (p: Params, v: number) => {
          p['b'] = v * Number(p['a']);
        },
      },
    ],
  },
  views: [
    { kind: 'portrait', x: 'a', y: 'b' },
    { kind: 'diagram', x: 'a', y: 'ratio', xRange: [1, 2], yRange: [0, 4], fixed: { b: 1 } },
  ],
} as unknown as Model;

const diagram = (status: DiagramState['status']): DiagramState => ({
  key: '',
  n: 2,
  x: { param: 'a', from: 0, to: 1 },
  y: { param: 'b', from: 10, to: 20 },
  cells: [{ label: 'P', variation: 0.5 }, null, null, { label: 'Q', variation: 1 }],
  status,
  startedAt: 0,
});

describe('phase diagram plane', () => {
  it('offers the numeric parameters but T and the seed, then the derived axes', () => {
    expect(axisChoices(model)).toEqual(['a', 'b', 'ratio']);
  });

  it("picks the model's default range, else the parameter's from its minimum", () => {
    expect(defaultAxisRange(model, 'ratio')).toEqual([0, 4]);
    expect(defaultAxisRange(model, 'a')).toEqual([1, 2]);
    expect(defaultAxisRange(model, 'b')).toEqual([0, 3]);
    expect(defaultAxisRange(model, 'unknown')).toEqual([0.05, 2.5]);
  });

  it('applies the plain parameter before the derived axis that depends on it', () => {
    // Derived axis first on x: it must still be applied after a.
    const p = paramsAt(model, { a: 1, b: 1 }, { x: 'ratio', y: 'a' }, [2, 4]);
    expect(p).toEqual({ a: 4, b: 8 });
    expect(paramsAt(model, { a: 1, b: 1 }, { x: 'a', y: 'b' }, [1.23456, 2])).toEqual({
      a: 1.23,
      b: 2,
    });
  });

  it('writes the cells as CSV, row by row from the bottom', () => {
    expect(diagramCsv(diagram('done')).split('\n')).toEqual([
      'x,y,label,variation',
      '0,10,P,0.5',
      '1,10,,',
      '0,20,,',
      '1,20,Q,1',
      '',
    ]);
  });

  it('says the progress, the failure, and the parameters held fixed', () => {
    expect(diagramNote(model, diagram('running'))).toBe('2/4 cells · b: 1');
    expect(diagramNote(model, diagram('done'))).toBe('click to move there · b: 1');
    expect(diagramNote(model, { ...diagram('error'), message: 'boom' })).toBe(
      'failed at 2/4 cells: boom · b: 1',
    );
    expect(diagramNote(model, null)).toBe(' · b: 1');
  });
});

describe('the current point outside the plot', () => {
  it('is clamped onto the edge, pointing towards it; inside it is itself', () => {
    expect(currentPlacement([0.5, 1], [0, 1], [0, 2])).toEqual({
      inside: true,
      at: [0.5, 1],
      toward: [0, 0],
    });
    const right = currentPlacement([3, 1], [0, 1], [0, 2]);
    expect(right.inside).toBe(false);
    expect(right.at).toEqual([1, 1]);
    expect(right.toward).toEqual([2, 0]);
    const corner = currentPlacement([-1, 5], [0, 1], [0, 2]);
    expect(corner.at).toEqual([0, 2]);
    expect(corner.toward).toEqual([-1, 1.5]);
  });

  it('gets a notice naming each axis value outside its range, none inside', () => {
    const axes = { x: { param: 'a', from: 1, to: 2 }, y: { param: 'ratio', from: 0, to: 1 } };
    expect(outsideNotice(model, axes, [1.5, 0.5])).toBeNull();
    expect(outsideNotice(model, axes, [3, 0.5])).toBe(
      'The current state lies outside the plot (a = 3 is outside [1, 2]): the arrowhead on the edge points to it.',
    );
    expect(outsideNotice(model, axes, [3, -2])).toMatch(
      /a = 3 is outside \[1, 2\]; b\/a = -2 is outside \[0, 1\]/,
    );
  });
});

describe("the key to the figures' markers", () => {
  it('groups labels under their shared figure and keeps the others as they are', () => {
    expect(markKeyLabel(['Fig. 2: m₂ = 0.9', 'Fig. 2: m₂ = 1', 'Fig. 2: m₂ = 1.1'])).toBe(
      'Fig. 2: m₂ = 0.9, m₂ = 1, m₂ = 1.1',
    );
    expect(markKeyLabel(['Fig. 1(a)–(b)', 'Fig. 1(c)–(d)'])).toBe('Fig. 1(a)–(b), Fig. 1(c)–(d)');
    expect(markKeyLabel(['Fig. 3: a', 'Fig. 4', 'Fig. 3: b'])).toBe('Fig. 3: a, b; Fig. 4');
    expect(markKeyLabel([])).toBe('');
  });
});
