/**
 * The state codec (URL / CLI string ⇄ validated parameters) with the GAN parameter table.
 * parseState must never throw on user input, must keep every value inside the table's bounds,
 * and serializeState ∘ parseState must be a fixed point for every valid state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ganModel } from '../models/gan';
import { models } from '../models/registry';
import type { Notice } from './model';
import type { Params } from './params';
import { defaultParams, parseState, queryOf, serializeState } from './state';

const EXTRA_KEYS = ['view', 'runs'] as const;

function parse(input: string) {
  return parseState(input, models, { extraKeys: EXTRA_KEYS });
}

/** The params with −0 replaced by 0: both print as '0', and they are the same parameter value. */
function withoutNegativeZero(params: Params): Params {
  const fix = (x: number) => x + 0; // −0 + 0 = +0
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'number' ? fix(v) : Array.isArray(v) ? v.map(fix) : v,
    ]),
  );
}

/** parse → serialize → parse: the params must come back identical, without notices. */
function expectRoundTrip(params: Params, extras: Record<string, string> = {}): string {
  const text = serializeState(ganModel, params, extras);
  const again = parse(text);
  expect(again.model.id).toBe('gan');
  expect(again.notices, text).toEqual([]);
  expect(withoutNegativeZero(again.params), text).toEqual(withoutNegativeZero(params));
  expect(again.extras, text).toEqual(extras);
  // Serialising again gives the same string: the form is canonical.
  expect(serializeState(ganModel, again.params, again.extras)).toBe(text);
  return text;
}

/**
 * Every parameter lies within the GAN table's bounds (or is +∞ where allowed), integers are
 * integers, vectors have d or d^p entries, enums take one of their options, and the
 * cross-parameter constraints of validateGan hold (column norms of P0 and ‖q0‖ at most 1,
 * U = constant only for d = 1).
 */
function expectWithinBounds(params: Params): void {
  const d = params['d'];
  expect(typeof d).toBe('number');
  for (const spec of ganModel.params) {
    const v = params[spec.key];
    const where = `${spec.key} = ${String(v)}`;
    if (spec.kind === 'enum') {
      expect(spec.options, where).toContain(v);
    } else if (spec.kind === 'vector') {
      expect(Array.isArray(v), where).toBe(true);
      const entries = v as number[];
      const lengths = (spec.powers ?? [1]).map((p) => (d as number) ** p);
      expect(lengths, where).toContain(entries.length);
      for (const x of entries) {
        expect(Number.isFinite(x), where).toBe(true);
        expect(x >= spec.min && x <= spec.max, where).toBe(true);
      }
    } else {
      expect(typeof v, where).toBe('number');
      const x = v as number;
      if (x === Number.POSITIVE_INFINITY) {
        expect(spec.allowInfinity, where).toBe(true);
        continue;
      }
      expect(Number.isFinite(x), where).toBe(true);
      expect(x >= spec.min && x <= spec.max, where).toBe(true);
      if (spec.kind === 'integer') expect(Number.isInteger(x), where).toBe(true);
    }
  }
  const dd = d as number;
  const P0 = params['P0'] as number[];
  const full = P0.length === dd * dd && dd > 1;
  for (let j = 0; j < dd; j++) {
    let norm2 = 0;
    for (let i = 0; i < dd; i++) norm2 += (full ? P0[i * dd + j]! : i === j ? P0[j]! : 0) ** 2;
    expect(norm2, `column ${j} of P0`).toBeLessThanOrEqual(1 + 1e-12);
  }
  const q0 = params['q0'] as number[];
  expect(q0.reduce((s, x) => s + x * x, 0)).toBeLessThanOrEqual(1 + 1e-12);
  if (params['U'] === 'constant') expect(dd).toBe(1);
}

function expectUsableNotices(notices: Notice[]): void {
  for (const n of notices) {
    expect(n.message.trim().length, JSON.stringify(n)).toBeGreaterThan(0);
    expect(['clamped', 'rejected', 'unknown', 'info']).toContain(n.level);
  }
}

function noticeFor(notices: Notice[], key: string): Notice {
  const n = notices.find((x) => x.key === key);
  expect(n, `a notice for ${key} in ${JSON.stringify(notices)}`).toBeDefined();
  return n!;
}

// ---------------------------------------------------------------------------------------------

describe('queryOf', () => {
  it('accepts a bare query, one with ?, and a full URL with a hash', () => {
    expect(queryOf('a=1&b=2')).toBe('a=1&b=2');
    expect(queryOf('?a=1')).toBe('a=1');
    expect(queryOf('  http://localhost:5173/?model=gan&tau=0.3#x ')).toBe('model=gan&tau=0.3');
  });
});

describe('round trips', () => {
  it('the defaults parse from an empty string without notices and round-trip', () => {
    const r = parse('');
    expect(r.model).toBe(ganModel);
    expect(r.notices).toEqual([]);
    expect(r.params).toEqual(defaultParams(ganModel));
    expect(r.params['lambda']).toBe(Number.POSITIVE_INFINITY);
    const text = expectRoundTrip(r.params);
    expect(text.startsWith('model=gan&')).toBe(true);
    expect(text).toContain('lambda=inf');
  });

  it('every preset parses without notices and round-trips', () => {
    expect(ganModel.presets.length).toBeGreaterThan(0);
    for (const preset of ganModel.presets) {
      const r = parse(preset.state);
      expect(r.notices, preset.id).toEqual([]);
      expectWithinBounds(r.params);
      expectRoundTrip(r.params);
    }
  });

  it('a state with every key set to a non-default value round-trips (d = 3, λ = ∞, η_T ≠ η_G)', () => {
    const input = [
      'tau=0.7',
      'taut=0.11',
      'etaT=1.5',
      'etaG=3.25',
      'lambda=inf',
      'd=3',
      'Lambda=7,4,1',
      'LambdaT=6,2.5,0.5',
      'P0=0.5,0.1,0,0.2,0.6,-0.1,0,0.3,0.7', // d² entries, row-major; columns of norm < 1
      'q0=0.2,-0.3,0.4',
      'U=random',
      'n=3000', // not the default (5000)
      'seed=4294967295',
      'T=321',
    ].join('&');
    const r = parse(input);
    expect(r.notices).toEqual([]);
    expect(r.params).toEqual({
      tau: 0.7,
      taut: 0.11,
      etaT: 1.5,
      etaG: 3.25,
      lambda: Number.POSITIVE_INFINITY,
      d: 3,
      Lambda: [7, 4, 1],
      LambdaT: [6, 2.5, 0.5],
      P0: [0.5, 0.1, 0, 0.2, 0.6, -0.1, 0, 0.3, 0.7],
      q0: [0.2, -0.3, 0.4],
      U: 'random',
      n: 3000,
      seed: 4294967295,
      T: 321,
    });
    for (const [key, value] of Object.entries(r.params)) {
      if (key !== 'U' && key !== 'lambda') {
        expect(value, key).not.toEqual(defaultParams(ganModel)[key]);
      }
    }
    const text = expectRoundTrip(r.params);
    // η_T ≠ η_G: both keys appear and the alias does not.
    expect(text).toContain('&etaT=1.5');
    expect(text).toContain('&etaG=3.25');
    expect(text).not.toMatch(/(^|&)eta=/);
  });

  it('a state with a finite λ, d = 1, U = constant and η_T = η_G round-trips via the eta alias', () => {
    const r = parse(
      'lambda=250&d=1&U=constant&etaT=0.5&etaG=0.5&Lambda=9&LambdaT=8&P0=-0.4&q0=1&T=2',
    );
    expect(r.notices).toEqual([]);
    expect(r.params).toMatchObject({
      lambda: 250,
      d: 1,
      U: 'constant',
      etaT: 0.5,
      etaG: 0.5,
      P0: [-0.4],
      q0: [1],
    });
    const text = expectRoundTrip(r.params);
    expect(text).toMatch(/(^|&)eta=0\.5(&|$)/);
    expect(text).not.toContain('etaT=');
    expect(text).not.toContain('etaG=');
  });

  it('d = 2 with a full 2×2 P0 keeps all four entries', () => {
    const r = parse('P0=0.3,-0.2,0.1,0.9');
    expect(r.notices).toEqual([]);
    expect(r.params['P0']).toEqual([0.3, -0.2, 0.1, 0.9]);
    expectRoundTrip(r.params);
  });

  it('extras round-trip with awkward characters and are not reported as unknown', () => {
    const extras = { view: 'split ode+sgd & more=1 %20 ✓', runs: '3' };
    const r = parse(serializeState(ganModel, defaultParams(ganModel), extras));
    expect(r.notices).toEqual([]);
    expect(r.extras).toEqual(extras);
    expectRoundTrip(r.params, extras);
  });
});

describe('aliases', () => {
  it('eta sets both η_T and η_G', () => {
    const r = parse('eta=3');
    expect(r.notices).toEqual([]);
    expect(r.params['etaT']).toBe(3);
    expect(r.params['etaG']).toBe(3);
  });

  it('an explicit etaT beats the alias, in either order', () => {
    for (const input of ['eta=3&etaT=1', 'etaT=1&eta=3']) {
      const r = parse(input);
      expect(r.notices, input).toEqual([]);
      expect(r.params['etaT'], input).toBe(1);
      expect(r.params['etaG'], input).toBe(3);
    }
  });

  it('a bad alias value gives one notice under the alias key and keeps both in bounds', () => {
    const r = parse('eta=-1');
    expect(r.params['etaT']).toBe(0);
    expect(r.params['etaG']).toBe(0);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]!.key).toBe('eta');
    expect(r.notices[0]!.message).toContain('-1');
  });
});

describe('bad input', () => {
  it('tau=-1 is clamped to the minimum with a notice naming τ and -1', () => {
    const r = parse('tau=-1');
    expect(r.params['tau']).toBe(0.001);
    const n = noticeFor(r.notices, 'tau');
    expect(n.level).toBe('clamped');
    expect(n.message).toContain('τ');
    expect(n.message).toContain('-1');
    expect(n.message).toContain('0.001');
  });

  it("tau=abc is rejected, the default kept, and the message quotes 'abc'", () => {
    const r = parse('tau=abc');
    expect(r.params['tau']).toBe(0.2);
    const n = noticeFor(r.notices, 'tau');
    expect(n.level).toBe('rejected');
    expect(n.message).toContain('abc');
  });

  it('d=99 is clamped to 4 and every vector takes 4 entries', () => {
    const r = parse('d=99');
    expect(r.params['d']).toBe(4);
    expect(noticeFor(r.notices, 'd').level).toBe('clamped');
    for (const key of ['Lambda', 'LambdaT', 'P0', 'q0']) {
      expect((r.params[key] as number[]).length, key).toBe(4);
    }
  });

  it('lambda=foo is rejected (λ stays ∞); lambda=-inf and out-of-range values are handled', () => {
    const r = parse('lambda=foo');
    expect(r.params['lambda']).toBe(Number.POSITIVE_INFINITY);
    expect(noticeFor(r.notices, 'lambda').level).toBe('rejected');
    expect(noticeFor(r.notices, 'lambda').message).toContain('foo');
    expect(noticeFor(parse('lambda=-inf').notices, 'lambda').level).toBe('rejected');
    expect(parse('lambda=1e9').params['lambda']).toBe(10000);
  });

  it("an unknown key gives an 'unknown' notice and changes nothing", () => {
    const r = parse('foo=1');
    expect(noticeFor(r.notices, 'foo').level).toBe('unknown');
    expect(r.params).toEqual(defaultParams(ganModel));
  });

  it('an unknown model is rejected and falls back to gan', () => {
    const r = parse('model=nope&tau=0.5');
    expect(r.model.id).toBe('gan');
    expect(r.params['tau']).toBe(0.5);
    const n = noticeFor(r.notices, 'model');
    expect(n.level).toBe('rejected');
    expect(n.message).toContain('nope');
  });

  it('Lambda=5,x is rejected whole and keeps the default vector', () => {
    const r = parse('Lambda=5,x');
    expect(r.params['Lambda']).toEqual([5, 3]);
    expect(noticeFor(r.notices, 'Lambda').level).toBe('rejected');
  });

  it('Lambda=5,3,2 with d = 2 is cut to 2 entries with a notice; too few entries are padded', () => {
    const r = parse('Lambda=5,3,2');
    expect(r.params['Lambda']).toEqual([5, 3]);
    expect(noticeFor(r.notices, 'Lambda').level).toBe('clamped');
    const short = parse('d=3&Lambda=7');
    expect(short.params['Lambda']).toEqual([7, 7, 7]);
    expect(noticeFor(short.notices, 'Lambda').message).toContain('3');
  });

  it('P0=2,0 has its entry clamped to [-1, 1] (so no column exceeds norm 1)', () => {
    const r = parse('P0=2,0');
    expect(r.params['P0']).toEqual([1, 0]);
    expect(noticeFor(r.notices, 'P0').level).toBe('clamped');
  });

  it('a full P0 whose column has norm > 1 is rescaled to norm ≤ 1 with a notice', () => {
    // Column 1 of [[0.9, 0], [0.9, 0]] has norm 0.9·√2 ≈ 1.27.
    const r = parse('P0=0.9,0,0.9,0');
    const P0 = r.params['P0'] as number[];
    expect(Math.hypot(P0[0]!, P0[2]!)).toBeLessThanOrEqual(1);
    expect(Math.hypot(P0[0]!, P0[2]!)).toBeGreaterThan(1 - 1e-5);
    expect(P0[1]).toBe(0);
    expect(noticeFor(r.notices, 'P0').message).toContain('column 1');
  });

  it('q0=0.9,0.9 is rescaled to norm ≤ 1 with a notice', () => {
    const r = parse('q0=0.9,0.9');
    const q0 = r.params['q0'] as number[];
    expect(Math.hypot(...q0)).toBeLessThanOrEqual(1);
    expect(Math.hypot(...q0)).toBeGreaterThan(1 - 1e-5);
    expect(q0[0]).toBe(q0[1]);
    expect(noticeFor(r.notices, 'q0').level).toBe('clamped');
  });

  it('U=constant with d = 2 falls back to random with a notice', () => {
    const r = parse('U=constant&d=2');
    expect(r.params['U']).toBe('random');
    expect(noticeFor(r.notices, 'U').message).toContain('d = 1');
  });

  it('U=other is rejected as an enum value', () => {
    const r = parse('U=other');
    expect(r.params['U']).toBe('random');
    expect(noticeFor(r.notices, 'U').level).toBe('rejected');
  });

  it('n=12.5 is rounded to an integer with a notice', () => {
    const r = parse('n=12.5');
    expect(Number.isInteger(r.params['n'])).toBe(true);
    expect(r.params['n']).toBe(13);
    expect(noticeFor(r.notices, 'n').message).toContain('integer');
  });

  it('a malformed percent-encoding does not throw and is reported', () => {
    const r = parse('%E0%A4%A');
    expect(r.params).toEqual(defaultParams(ganModel));
    expect(r.notices.map((n) => n.level)).toEqual(['unknown']);
    const v = parse('tau=%E0%A4%A');
    expect(v.params['tau']).toBe(0.2);
    expect(noticeFor(v.notices, 'tau').level).toBe('rejected');
  });

  it('a full share URL parses its query and ignores the hash', () => {
    const r = parse('http://localhost:5173/?model=gan&tau=0.3#x');
    expect(r.notices).toEqual([]);
    expect(r.params['tau']).toBe(0.3);
  });

  it('the last occurrence of a repeated key wins', () => {
    expect(parse('tau=0.5&tau=0.6').params['tau']).toBe(0.6);
  });

  it('none of the bad inputs throws; notices are sentences; values stay within bounds', () => {
    const inputs = [
      'tau=-1',
      'tau=abc',
      'd=99',
      'lambda=foo',
      'foo=1',
      'model=nope',
      'Lambda=5,x',
      'Lambda=5,3,2',
      'P0=2,0',
      'P0=0.9,0,0.9,0',
      'q0=0.9,0.9',
      'U=constant&d=2',
      'n=12.5',
      '%E0%A4%A',
      'http://localhost:5173/?model=gan&tau=0.3#x',
      'tau=',
      'tau',
      '&&&=&=',
      'd=0&Lambda=&P0=,,,',
      'seed=-5&T=1e400&n=NaN&taut=Infinity',
      'd=4&P0=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1&q0=-1,-1,-1,-1',
      '__proto__=1&constructor=2&toString=3',
    ];
    for (const input of inputs) {
      let r: ReturnType<typeof parse> | undefined;
      expect(() => (r = parse(input)), input).not.toThrow();
      expectUsableNotices(r!.notices);
      expectWithinBounds(r!.params);
    }
  });
});

describe('extras', () => {
  it('extraKeys pass through into extras and are not reported as unknown', () => {
    const r = parse('view=ode&runs=3&tau=0.5');
    expect(r.extras).toEqual({ view: 'ode', runs: '3' });
    expect(r.notices).toEqual([]);
    expect(r.params['tau']).toBe(0.5);
  });

  it('without extraKeys the same keys are unknown', () => {
    const r = parseState('view=ode', models);
    expect(r.extras).toEqual({});
    expect(noticeFor(r.notices, 'view').level).toBe('unknown');
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

const KEYS = ['model', 'eta', 'view', 'runs', 'x', ...ganModel.params.map((s) => s.key)];
/** A value that is often meaningful: numbers of every size, inf, lists, and noise. */
const valueArb = fc.oneof(
  fc.double().map(String),
  fc.integer({ min: -10, max: 10 }).map(String),
  fc.constantFrom('inf', '-inf', 'nan', '', '1e400', 'random', 'constant', 'gan', '%', '%E0%A4%A'),
  fc
    .array(fc.double({ min: -3, max: 3, noNaN: true }), { maxLength: 18 })
    .map((xs) => xs.join(',')),
  fc.string(),
);
const pairArb = fc.tuple(fc.constantFrom(...KEYS), valueArb).map(([k, v]) => `${k}=${v}`);
const queryArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(pairArb, { maxLength: 12 }).map((parts) => parts.join('&')),
);

describe('properties (fast-check)', () => {
  it('parseState never throws on arbitrary strings and keeps every value within bounds', () => {
    fc.assert(
      fc.property(queryArb, (input) => {
        const r = parse(input);
        expectUsableNotices(r.notices);
        expectWithinBounds(r.params);
      }),
      { numRuns: 2000, seed: 20240611 },
    );
  });

  it('whatever parses, serializes to a state that parses back to the same params without notices', () => {
    fc.assert(
      fc.property(fc.array(pairArb, { maxLength: 12 }), (parts) => {
        const r = parse(parts.join('&'));
        expectRoundTrip(r.params);
      }),
      { numRuns: 1000, seed: 20240612 },
    );
  });
});

describe('state codec regressions', () => {
  it('serializeState never throws, even on a lone surrogate in an extra value', () => {
    const r = parseState('view=\uD800', models, { extraKeys: ['view'] });
    expect(() => serializeState(r.model, r.params, r.extras)).not.toThrow();
  });

  it('a share URL without a query is the default state, with no notice', () => {
    expect(parseState('http://localhost:5173/', models).notices).toEqual([]);
  });
});
