/**
 * The state string codec shared by the URL and the CLI:
 *   ?model=gan&tau=0.2&taut=0.04&eta=2&lambda=inf&d=2&Lambda=5,3&n=2000&seed=1&T=600
 *
 * parseState never throws on user input. Every value is parsed, validated and clamped against
 * the model's parameter table; what was changed or ignored comes back as a Notice whose message
 * is a sentence a user can act on ("τ must be in [0.001, 4]; got -1, using 0.001").
 */
import { echo } from './echo';
import type { Model, Notice } from './model';
import type { EnumSpec, NumberSpec, Params, VectorSpec } from './params';
import { formatNumber } from './params';

export interface ParsedState {
  model: Model;
  params: Params;
  /** Keys that belong to the app or CLI (view, runs, …), passed through untouched. */
  extras: Record<string, string>;
  notices: Notice[];
}

export interface ParseOptions {
  /** Keys that are not model parameters but are allowed (e.g. 'view', 'runs'). */
  extraKeys?: readonly string[];
}

/** Accepts a bare query ('a=1&b=2'), one with '?', or a full share URL. */
export function queryOf(input: string): string {
  let s = input.trim();
  const hash = s.indexOf('#');
  if (hash >= 0) s = s.slice(0, hash);
  const q = s.indexOf('?');
  if (q >= 0) return s.slice(q + 1);
  // A share URL without a query holds no state.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? '' : s;
}

/** The default parameter values of a model. */
export function defaultParams(model: Model): Params {
  const params: Params = {};
  for (const spec of model.params) {
    if (spec.kind === 'vector') continue;
    params[spec.key] = spec.default;
  }
  for (const spec of model.params) {
    if (spec.kind !== 'vector') continue;
    params[spec.key] = spec.default.slice(0, vectorLength(spec, params, 1));
  }
  return params;
}

function vectorLength(spec: VectorSpec, params: Params, power: number): number {
  const base = params[spec.lengthFrom];
  return typeof base === 'number' ? Math.pow(base, power) : spec.default.length;
}

/** Parse a state string for one of `models` (the first is the default). */
export function parseState(
  input: string,
  models: readonly Model[],
  options: ParseOptions = {},
): ParsedState {
  const notices: Notice[] = [];
  const extras: Record<string, string> = {};
  const raw = new Map<string, string>();
  for (const part of queryOf(input).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq >= 0 ? part.slice(0, eq) : part);
    const value = safeDecode(eq >= 0 ? part.slice(eq + 1) : '');
    raw.set(key, value); // the last occurrence wins, as in URLSearchParams.get's inverse
  }

  const fallback = models[0];
  if (!fallback) throw new Error('parseState needs at least one model');
  let model = fallback;
  const modelId = raw.get('model');
  if (modelId !== undefined) {
    const found = models.find((m) => m.id === modelId);
    if (found) model = found;
    else
      notices.push({
        key: 'model',
        level: 'rejected',
        message: `unknown model '${echo(modelId)}' (known: ${models.map((m) => m.id).join(', ')}); using ${fallback.id}`,
      });
    raw.delete('model');
  }

  const params = defaultParams(model);
  const specs = new Map(model.params.map((s) => [s.key, s] as const));
  const aliases = new Map((model.aliases ?? []).map((a) => [a.key, a] as const));
  const extraKeys = new Set(options.extraKeys ?? []);

  // Scalars first (so that vector lengths such as d are known), then aliases, then vectors.
  for (const [key, value] of raw) {
    const spec = specs.get(key);
    if (spec && spec.kind !== 'vector') {
      const parsed = spec.kind === 'enum' ? parseEnum(spec, value) : parseNumber(spec, value);
      params[key] = parsed.value;
      if (parsed.notice) notices.push(parsed.notice);
    } else if (!spec && !aliases.has(key)) {
      if (extraKeys.has(key)) extras[key] = value;
      else
        notices.push({
          key,
          level: 'unknown',
          message: `unknown parameter '${echo(key)}' for model ${model.id} was ignored`,
        });
    }
  }
  for (const [key, alias] of aliases) {
    const value = raw.get(key);
    if (value === undefined) continue;
    for (const target of alias.targets) {
      if (raw.has(target)) continue; // an explicit target beats the alias
      const spec = specs.get(target);
      if (!spec || spec.kind === 'vector' || spec.kind === 'enum') continue;
      const parsed = parseNumber({ ...spec, symbol: alias.symbol, key }, value);
      params[target] = parsed.value;
      if (parsed.notice && target === alias.targets[0]) notices.push(parsed.notice);
    }
  }
  // Vectors take their default for the current length unless given.
  for (const spec of model.params) {
    if (spec.kind !== 'vector') continue;
    const value = raw.get(spec.key);
    const parsed = parseVector(spec, value, params);
    params[spec.key] = parsed.value;
    notices.push(...parsed.notices);
  }
  if (model.validate) notices.push(...model.validate(params));
  return { model, params, extras, notices };
}

/** Serialise parameters back to a state string, in table order, starting with the model. */
export function serializeState(
  model: Model,
  params: Params,
  extras: Record<string, string> = {},
): string {
  const parts: string[] = [`model=${model.id}`];
  const written = new Set<string>();
  for (const alias of model.aliases ?? []) {
    const values = alias.targets.map((t) => params[t]);
    const first = values[0];
    if (typeof first === 'number' && values.every((v) => v === first)) {
      parts.push(`${alias.key}=${encodeValue(first)}`);
      alias.targets.forEach((t) => written.add(t));
    }
  }
  for (const spec of model.params) {
    if (written.has(spec.key)) continue;
    const value = params[spec.key];
    if (value === undefined) continue;
    parts.push(`${spec.key}=${encodeValue(value)}`);
  }
  for (const [key, value] of Object.entries(extras)) {
    parts.push(`${safeEncode(key)}=${safeEncode(value)}`);
  }
  return parts.join('&');
}

function encodeValue(value: number | number[] | string): string {
  // Encoded too: the '+' of 1e+308 would read back as a space.
  if (typeof value === 'number') return safeEncode(formatNumber(value));
  if (Array.isArray(value)) return value.map((x) => safeEncode(formatNumber(x))).join(',');
  return safeEncode(value);
}

/** encodeURIComponent that cannot throw: a lone surrogate becomes U+FFFD. */
function safeEncode(s: string): string {
  // ':' and ',' are legal in a query and keep links such as ov=beta:0.5,1 readable.
  return encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  )
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

interface Parsed<T> {
  value: T;
  notice?: Notice;
}

function describeRange(spec: NumberSpec | VectorSpec): string {
  const hi = 'allowInfinity' in spec && spec.allowInfinity ? '∞' : formatNumber(spec.max);
  return `[${formatNumber(spec.min)}, ${hi}]`;
}

function readNumber(text: string, allowInfinity: boolean): number | null {
  const t = text.trim().toLowerCase();
  if (t === 'inf' || t === 'infinity' || t === '∞' || t === '+inf') {
    return allowInfinity ? Number.POSITIVE_INFINITY : null;
  }
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}

function parseNumber(spec: NumberSpec, text: string): Parsed<number> {
  const x = readNumber(text, spec.allowInfinity === true);
  const name = `${spec.symbol} (${spec.key})`;
  if (x === null) {
    const what = spec.allowInfinity ? 'a number or inf' : 'a number';
    return {
      value: spec.default,
      notice: {
        key: spec.key,
        level: 'rejected',
        message: `${name} must be ${what}; got '${echo(text)}', using ${formatNumber(spec.default)}`,
      },
    };
  }
  if (x === Number.POSITIVE_INFINITY) return { value: x };
  let value = x;
  let problem = '';
  if (spec.kind === 'integer' && !Number.isInteger(value)) {
    value = Math.round(value);
    problem = 'must be an integer';
  }
  if (value < spec.min || value > spec.max) {
    value = Math.min(spec.max, Math.max(spec.min, value));
    problem = `must be in ${describeRange(spec)}`;
  }
  if (!problem) return { value };
  return {
    value,
    notice: {
      key: spec.key,
      level: 'clamped',
      message: `${name} ${problem}; got ${echo(text)}, using ${formatNumber(value)}`,
    },
  };
}

function parseEnum(spec: EnumSpec, text: string): Parsed<string> {
  if (spec.options.includes(text)) return { value: text };
  if (spec.accepts) {
    const why = spec.accepts(text);
    if (why === null) return { value: text };
    return {
      value: spec.default,
      notice: {
        key: spec.key,
        level: 'rejected',
        message: `${spec.symbol} (${spec.key}): ${why}; got '${echo(text)}', using ${spec.default}`,
      },
    };
  }
  return {
    value: spec.default,
    notice: {
      key: spec.key,
      level: 'rejected',
      message: `${spec.symbol} (${spec.key}) must be one of ${spec.options.join(', ')}; got '${echo(text)}', using ${spec.default}`,
    },
  };
}

function parseVector(
  spec: VectorSpec,
  text: string | undefined,
  params: Params,
): { value: number[]; notices: Notice[] } {
  const powers = spec.powers ?? [1];
  const lengths = powers.map((p) => vectorLength(spec, params, p));
  const length = lengths[0]!;
  const defaults = (): number[] => {
    const out: number[] = [];
    for (let i = 0; i < length; i++) out.push(spec.default[i] ?? spec.default.at(-1) ?? 0);
    return out;
  };
  if (text === undefined) return { value: defaults(), notices: [] };
  const notices: Notice[] = [];
  const name = `${spec.symbol} (${spec.key})`;
  const entries = text.split(',');
  const values: number[] = [];
  let bad: string | null = null;
  let clamped = false;
  for (const entry of entries) {
    const x = readNumber(entry, false);
    if (x === null) {
      bad = entry;
      break;
    }
    const c = Math.min(spec.max, Math.max(spec.min, x));
    if (c !== x) clamped = true;
    values.push(c);
  }
  if (bad !== null) {
    return {
      value: defaults(),
      notices: [
        {
          key: spec.key,
          level: 'rejected',
          message: `${name} must be a comma-separated list of numbers; got '${echo(text)}', using ${defaults().map(formatNumber).join(',')}`,
        },
      ],
    };
  }
  if (clamped) {
    notices.push({
      key: spec.key,
      level: 'clamped',
      message: `every entry of ${name} must be in ${describeRange(spec)}; got ${echo(text)}, using ${values.map(formatNumber).join(',')}`,
    });
  }
  if (lengths.includes(values.length)) return { value: values, notices };
  // Wrong length: pad with the last value or truncate to the primary length.
  const fixed = values.slice(0, length);
  while (fixed.length < length) fixed.push(values.at(-1) ?? spec.default[fixed.length] ?? 0);
  const allowed = lengths.map(String).join(' or ');
  notices.push({
    key: spec.key,
    level: 'clamped',
    message: `${name} needs ${allowed} entries (${spec.lengthFrom} = ${formatNumber(params[spec.lengthFrom] as number)}); got ${values.length}, using ${fixed.map(formatNumber).join(',')}`,
  });
  return { value: fixed, notices };
}
