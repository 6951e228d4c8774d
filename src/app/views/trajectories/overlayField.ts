/**
 * The overlay field's syntax, `name=v1,v2,…`: what it accepts (a numeric parameter, a linked
 * slider such as the GAN's η, or a derived axis, by URL key or by the slider's symbol), its
 * per-model placeholder, and its error messages in the field's own syntax. Pure, unit-tested.
 */
import type { Model } from '../../../core/model';
import type { NumberSpec } from '../../../core/params';
import { formatNumber } from '../../../core/params';

/** One name the field accepts: its URL key, the symbol on its slider, and its range. */
export interface OverlayName {
  key: string;
  symbol: string;
  min: number;
  max: number;
  default: number;
}

/** Every name the overlay accepts, linked sliders first (their symbol is on screen). */
export function overlayNames(model: Model): OverlayName[] {
  const numbers = model.params.filter(
    (s): s is NumberSpec => s.kind === 'number' && s.group !== 'run',
  );
  const linked = (model.aliases ?? []).flatMap((a) => {
    const first = numbers.find((s) => s.key === a.targets[0]);
    return first ? [{ ...rangeOf(first), key: a.key, symbol: a.symbol }] : [];
  });
  const derived = (model.theory?.derivedAxes ?? []).map((a) => ({
    key: a.key,
    symbol: a.label.split(' ')[0] ?? a.key,
    min: Number.NEGATIVE_INFINITY,
    max: Number.POSITIVE_INFINITY,
    default: Number.NaN,
  }));
  const linkedKeys = new Set(linked.map((l) => l.key));
  const plain = numbers
    .filter((s) => !linkedKeys.has(s.key))
    .map((s) => ({ ...rangeOf(s), key: s.key, symbol: s.symbol }));
  return [...linked, ...plain, ...derived];
}

function rangeOf(s: NumberSpec) {
  return { min: s.min, max: s.max, default: s.default };
}

/** The placeholder: the model's first parameter at half, one and twice its default. */
export function overlayPlaceholder(model: Model): string {
  const first = overlayNames(model).find((n) => Number.isFinite(n.default) && n.default > 0);
  if (!first) return 'overlay: name=v1,v2';
  const values = [0.5, 1, 2].map((f) =>
    formatNumber(
      Number(Math.min(first.max, Math.max(first.min, first.default * f)).toPrecision(2)),
    ),
  );
  return `overlay: ${first.key}=${[...new Set(values)].join(',')}`;
}

export type OverlayParse =
  { ok: true; key: string; values: number[] } | { ok: false; message: string };

/** Read `name=v1,v2,…` (name a key or a symbol); a sentence in the field's syntax otherwise. */
export function parseOverlayField(model: Model, typed: string): OverlayParse {
  const names = overlayNames(model);
  const listed = names.map((n) => (n.symbol === n.key ? n.key : `${n.symbol} (${n.key})`));
  const syntax = `write name=v1,v2,… with name one of ${listed.join(', ')}`;
  const eq = typed.indexOf('=');
  if (eq < 0) return { ok: false, message: `Overlay: ${syntax}; got '${typed}'` };
  const name = typed.slice(0, eq).trim().normalize('NFC');
  const bySymbol = names.filter((n) => n.symbol.normalize('NFC') === name);
  if (!names.some((n) => n.key === name) && bySymbol.length > 1)
    return {
      ok: false,
      message: `Overlay: ${name} names ${bySymbol.map((n) => n.key).join(' and ')}; write one of those, e.g. ${bySymbol[0]!.key}=1,2`,
    };
  const found = names.find((n) => n.key === name) ?? bySymbol[0];
  if (!found)
    return { ok: false, message: `Overlay: '${name}' is not a parameter here; ${syntax}` };
  const parts = typed
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const values = parts.map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v)))
    return {
      ok: false,
      message: `Overlay: the values of ${found.symbol} must be numbers, e.g. ${found.key}=1,2,4; got '${typed.slice(eq + 1).trim()}'`,
    };
  return { ok: true, key: found.key, values };
}
