import { describe, expect, it } from 'vitest';

import { equationParams, fillEquation, texNumber, texValue } from './equations';
import type { ParamSpec } from './params';

const specs: ParamSpec[] = [
  {
    key: 'tau',
    symbol: 'τ',
    tex: '\\tau',
    label: '',
    description: '',
    unit: '',
    kind: 'number',
    min: 0,
    max: 2,
    default: 0.2,
  },
  {
    key: 'eta',
    symbol: 'η',
    tex: '\\eta',
    label: '',
    description: '',
    unit: '',
    kind: 'number',
    min: 0,
    max: 4,
    default: 2,
  },
  {
    key: 'L',
    symbol: 'Λ',
    tex: '\\Lambda',
    label: '',
    description: '',
    unit: '',
    kind: 'vector',
    min: 0,
    max: 9,
    default: [5, 3],
    lengthFrom: 'd',
  },
];
const params = { tau: 0.2, eta: 2, L: [5, 3] };

describe('equations with live parameters', () => {
  it('lists the parameters an equation names, once each, in order', () => {
    expect(equationParams('\\frac{{{tau}}}{2} {{eta}} + {{tau}}^2 {{L}}')).toEqual([
      'tau',
      'eta',
      'L',
    ]);
  });

  it('writes symbols in the paper form and coloured values when substituted', () => {
    const tex = '\\frac{{{tau}}}{n}\\,(1 + {{eta}}) {{L}}';
    expect(fillEquation(tex, specs, params, false)).toBe(
      '\\frac{{\\tau}}{n}\\,(1 + {\\eta}) {\\Lambda}',
    );
    const filled = fillEquation(tex, specs, params, true);
    expect(filled).toContain('0.2}}{n}');
    expect(filled).toContain('(1 + {\\color{#0072B2}2})');
    // A vector keeps its symbol: its entries are listed under the equations.
    expect(filled).toContain('{\\Lambda}');
  });

  it('puts a \\cdot between a number and a substituted value, so τη never reads 0.22', () => {
    expect(fillEquation('{{tau}}{{eta}}', specs, params, true)).toBe(
      '{\\color{#0072B2}0.2}\\cdot {\\color{#0072B2}2}',
    );
    expect(fillEquation('2\\,{{tau}}', specs, params, true)).toBe(
      '2\\,\\cdot {\\color{#0072B2}0.2}',
    );
    expect(fillEquation('{{tau}}{{eta}}', specs, params, false)).toBe('{\\tau}{\\eta}');
  });

  it('formats numbers, infinity, negatives, vectors and choices', () => {
    expect(texNumber(0.123456)).toBe('0.1235');
    expect(texNumber(Number.POSITIVE_INFINITY)).toBe('\\infty');
    expect(fillEquation('{{tau}}', specs, { tau: -0.5 }, true)).toContain('(-0.5)');
    expect(texValue(specs[2]!, [5, 3])).toBe('(5,\\,3)');
    expect(texValue(specs[0]!, 'square')).toBe('\\text{square}');
  });

  it('shows an unknown key in red instead of failing', () => {
    expect(fillEquation('{{nope}}', specs, params, true)).toBe('\\textcolor{red}{\\text{nope}}');
  });
});
