import { describe, expect, it } from 'vitest';

import { splitMath, texToHtml } from './Tex';

describe('TeX for captions and equations', () => {
  it('splits text and inline math, keeping escaped and unclosed dollars as text', () => {
    expect(splitMath('collapse when $\\beta > \\rho$ here')).toEqual([
      { math: false, text: 'collapse when ' },
      { math: true, text: '\\beta > \\rho' },
      { math: false, text: ' here' },
    ]);
    expect(splitMath('costs \\$5')).toEqual([{ math: false, text: 'costs $5' }]);
    expect(splitMath('a $b')).toEqual([
      { math: false, text: 'a ' },
      { math: false, text: '$b' },
    ]);
  });

  it('never turns TeX into markup: trust is off and errors show as text', () => {
    const html = texToHtml('\\href{javascript:alert(1)}{x} \\htmlId{a}{b} <img onerror=alert(1)>');
    // The source survives only as escaped text (the MathML annotation), never as a tag.
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toMatch(/\shref=/);
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<[^>]*\sonerror=/);
    expect(html).not.toMatch(/\sid="a"/);
    expect(texToHtml('\\frac{1')).toContain('katex-error');
  });
});
