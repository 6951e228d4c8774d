import { describe, expect, it } from 'vitest';

import { plainText, textRuns, toSubscript } from './typeset';

describe('typeset names (core/typeset.ts)', () => {
  it('writes Unicode subscripts only where Unicode has every character', () => {
    expect(toSubscript('ij')).toBe('ᵢⱼ');
    expect(toSubscript('max')).toBe('ₘₐₓ');
    expect(toSubscript('12')).toBe('₁₂');
    expect(toSubscript('T')).toBeNull();
    expect(toSubscript('δ')).toBeNull();
  });

  it('splits a subscript mark into runs, leaving other text alone', () => {
    expect(textRuns('η_T=2  λ_n=3')).toEqual([
      { text: 'η', sub: false },
      { text: 'T', sub: true },
      { text: '=2  λ', sub: false },
      { text: 'n', sub: true },
      { text: '=3', sub: false },
    ]);
    expect(textRuns('β_{target}=1')).toEqual([
      { text: 'β', sub: false },
      { text: 'target', sub: true },
      { text: '=1', sub: false },
    ]);
    // Text without marks comes back whole, combining accents included.
    expect(textRuns('τ̃=0.04 runs=5')).toEqual([{ text: 'τ̃=0.04 runs=5', sub: false }]);
  });

  it('gives the plain form: Unicode subscripts, else the letters after the base', () => {
    expect(plainText('λ_n')).toBe('λₙ');
    expect(plainText('P_ij/√S_jj')).toBe('Pᵢⱼ/√Sⱼⱼ');
    expect(plainText('η_T = η_G')).toBe('ηT = ηG');
    expect(plainText('c_δ')).toBe('cδ');
    expect(plainText('τ̃')).toBe('τ̃');
  });
});
