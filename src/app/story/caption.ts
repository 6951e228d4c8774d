/**
 * Captions that quote a parameter are written from the state, so that a caption can never
 * contradict its slider: outside math, `{tau}` becomes $\tau = 0.2$ with the parameter's own TeX
 * symbol and its value in the state on show (an alias such as `{eta}` reads its first target).
 * Inside $…$ braces are TeX's and are left alone. An unknown name stays as written, and
 * `unknownPlaceholders` lists it for the author.
 */
import type { Model } from '../../core/model';
import type { Params, ParamValue } from '../../core/params';
import { splitMath } from '../math/Tex';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** A value as TeX: 3 significant digits, ∞ for inf, a vector as a tuple, a word as text. */
export function texValue(v: ParamValue | undefined): string {
  if (v === undefined) return '?';
  if (Array.isArray(v)) return `(${v.map((x) => texValue(x)).join(', ')})`;
  if (typeof v === 'string') return `\\text{${v.replace(/[^A-Za-z0-9 .:,+-]/g, '')}}`;
  if (v === Number.POSITIVE_INFINITY) return '\\infty';
  if (v === Number.NEGATIVE_INFINITY) return '-\\infty';
  if (!Number.isFinite(v)) return '?';
  return String(Number(v.toPrecision(3)));
}

/** `key = value` in TeX for a parameter or alias of the model; null when it has no such key. */
function quote(model: Model, params: Params, key: string): string | null {
  const spec = model.params.find((p) => p.key === key);
  if (spec) return `${spec.tex} = ${texValue(params[key])}`;
  const alias = model.aliases?.find((a) => a.key === key);
  if (alias) {
    const target = model.params.find((p) => p.key === alias.targets[0]);
    const symbol = target?.tex.replace(/_\{?[A-Za-z]+\}?$/, '') ?? alias.symbol;
    return `${symbol} = ${texValue(params[alias.targets[0] ?? ''])}`;
  }
  return null;
}

/** The caption with its placeholders filled from (model, params), as text with $…$ math. */
export function fillCaption(caption: string, model: Model, params: Params): string {
  return splitMath(caption)
    .map((part) => {
      if (part.math) return `$${part.text}$`;
      const text = part.text.replace(/\$/g, '\\$');
      return text.replace(PLACEHOLDER, (whole, key: string) => {
        const tex = quote(model, params, key);
        return tex === null ? whole : `$${tex}$`;
      });
    })
    .join('');
}

/** The placeholders of a caption (outside math) that name nothing in the model. */
export function unknownPlaceholders(caption: string, model: Model): string[] {
  const unknown: string[] = [];
  for (const part of splitMath(caption)) {
    if (part.math) continue;
    for (const m of part.text.matchAll(PLACEHOLDER)) {
      const key = m[1]!;
      const known =
        model.params.some((p) => p.key === key) || model.aliases?.some((a) => a.key === key);
      if (!known) unknown.push(key);
    }
  }
  return unknown;
}
