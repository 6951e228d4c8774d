/**
 * Random and hostile state strings (issue 16's fuzz), for the unit fuzz of the codec, the
 * app-key table and the store, and for the browser fuzz (e2e/fuzz.spec.ts). Built with
 * fast-check arbitraries so that a failure shrinks to a small case and a seed replays it.
 */
import fc from 'fast-check';

import type { Model } from '../../core/model';
import { APP_KEYS, TABBED_VIEWS, VIEWS } from '../appKeys';

/** Set by a payload that ran: the browser fuzz counts it as an executed injection. */
export const PWNED = '__pwned';

/** Values that try to run script if a string ever reaches HTML, SVG or a CSV formula. */
export const PAYLOADS = [
  `"><svg onload=window.${PWNED}=1>`,
  `<img src=x onerror="window.${PWNED}=1">`,
  `<script>window.${PWNED}=1</script>`,
  `javascript:window.${PWNED}=1`,
  `'"><iframe srcdoc="<script>parent.${PWNED}=1</script>">`,
  `=HYPERLINK("http://127.0.0.1/","x")`,
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '${7*7}',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '__proto__',
  'constructor',
  'toString',
  '%00',
  '%E0%A4%A',
  '%',
  '\u0000\u001b[2J\u009b',
  '\uD800',
  '‮gnp.exe',
  '𝜏̃',
];

/** Numbers as a hostile link writes them. */
const NUMBER_TEXTS = [
  'NaN',
  'nan',
  'inf',
  '-inf',
  'Infinity',
  '-Infinity',
  '∞',
  '1e308',
  '-1e308',
  '1e309',
  '5e-324',
  '-0',
  '0x10',
  '1_000',
  ' 1',
  '1 ',
  '',
  '.',
  '-',
  '1e',
  '00001',
  '9007199254740993',
];

const number = fc.oneof(
  fc.constantFrom(...NUMBER_TEXTS),
  fc.double().map(String),
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.double({ min: -10, max: 10, noNaN: true }).map((x) => x.toPrecision(4)),
);

/** A long value (a 100 kB link must be echoed short and not stretch the page). */
const long = fc.noShrink(
  fc
    .tuple(
      fc.constantFrom('1', 'a', '<', '%', ',', PAYLOADS[0]!),
      fc.constantFrom(60, 5000, 100_000),
    )
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
);

/** The names a structured value may mention: this model's keys and order-parameter-like names. */
function names(model: Model): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...model.params.map((s) => s.key)),
    fc.constantFrom(...(model.theory?.derivedAxes ?? []).map((a) => a.key), 'alpha', 'm2'),
    fc.constantFrom('P11', 'q1', 'r1', 'm1', 'Q1', 'x', 'leading', '', 'gamma', 'beta'),
    fc.constantFrom(...VIEWS, ...TABBED_VIEWS),
  );
}

/** A value of any shape: numbers, lists, name:from:to, name:list, laws, payloads, long. */
function value(model: Model): fc.Arbitrary<string> {
  const list = fc.array(number, { minLength: 0, maxLength: 12 }).map((xs) => xs.join(','));
  return fc.oneof(
    { weight: 6, arbitrary: number },
    { weight: 3, arbitrary: list },
    { weight: 3, arbitrary: fc.tuple(names(model), number, number).map((t) => t.join(':')) },
    { weight: 2, arbitrary: fc.tuple(names(model), list).map((t) => t.join(':')) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('gauss', 'sparse', 'moments', 'GAUSS', 'cauchy'), list)
        .map((t) => t.join(':')),
    },
    { weight: 3, arbitrary: names(model) },
    { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom('0', '1', 'true', 'false', 'on', 'random', 'none') },
    { weight: 1, arbitrary: long },
  );
}

/** A key: the model's, an alias, the app's, another model's, unknown or hostile. */
function key(model: Model, all: readonly Model[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...model.params.map((s) => s.key)) },
    { weight: 1, arbitrary: fc.constantFrom('eta', ...(model.aliases ?? []).map((a) => a.key)) },
    { weight: 5, arbitrary: fc.constantFrom(...APP_KEYS) },
    { weight: 1, arbitrary: fc.constantFrom(...all.flatMap((m) => m.params.map((s) => s.key))) },
    { weight: 1, arbitrary: fc.constantFrom('model', 'fl', 'by', 'unknown', '', 'VIEW', 'Tau') },
    { weight: 1, arbitrary: fc.constantFrom(...PAYLOADS) },
  );
}

/** How one pair is written: percent-encoded as a browser would, raw, or broken. */
const encoding = fc.constantFrom<'encoded' | 'raw' | 'bare'>('encoded', 'encoded', 'raw', 'bare');

function pair(k: string, v: string, how: 'encoded' | 'raw' | 'bare'): string {
  if (how === 'bare') return k;
  if (how === 'raw') return `${k}=${v}`;
  // A browser writes a lone surrogate as U+FFFD; encodeURIComponent would throw on it.
  const wellFormed = (s: string) => s.replace(/[\uD800-\uDFFF]/g, '\uFFFD');
  return `${encodeURIComponent(wellFormed(k))}=${encodeURIComponent(wellFormed(v))}`;
}

/**
 * A state string for `model` (sometimes switching model midway, as a pasted link may):
 * 0–12 pairs of hostile keys and values, repeated keys included, with '?' or a share URL's
 * prefix at times.
 */
export function hostileQuery(model: Model, all: readonly Model[]): fc.Arbitrary<string> {
  const pairs = fc.array(fc.tuple(key(model, all), value(model), encoding), { maxLength: 12 });
  const other = fc.option(fc.constantFrom(...all.map((m) => m.id), 'GAN', 'nope', PAYLOADS[0]!));
  const prefix = fc.constantFrom('', '', '?', 'http://127.0.0.1:5173/?', '&&', '#x?');
  return fc.tuple(prefix, pairs, other, fc.boolean()).map(([pre, ps, switchTo, first]) => {
    const parts = ps.map(([k, v, how]) => pair(k, v, how));
    const head = `model=${model.id}`;
    if (switchTo !== null) parts.splice(Math.floor(parts.length / 2), 0, `model=${switchTo}`);
    return pre + (first ? [head, ...parts] : [...parts, head]).join('&');
  });
}
