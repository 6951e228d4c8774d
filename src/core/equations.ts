/**
 * The equations a model integrates and simulates, as TeX, for the equations view. A parameter
 * is written {{key}} (its ParamSpec key) so that one string serves twice: with the parameter's
 * symbol (the paper's form) or with its current value substituted. Pure: no KaTeX here, the
 * app typesets and the contract test parses every string.
 */
import type { Params, ParamSpec } from './params';

/** One displayed equation. */
export interface Equation {
  /** The paper's number, e.g. '(13)', '(S-15)', 'Prop. 4.2'. */
  number: string;
  /** TeX; {{key}} stands for the parameter `key`. */
  tex: string;
  /** Where the code departs from the print (a misprint corrected), in one line. */
  note?: string;
}

/** A group of equations: the ODE, or the SGD update it is the limit of. */
export interface EquationSet {
  /** e.g. 'Reduced ODE (λ = ∞)'. */
  title: string;
  /** The paper and its equation numbers, e.g. 'Wang–Hu–Lu (2019), (13)–(14)'. */
  source: string;
  equations: Equation[];
}

/** What a model declares: the ODE being integrated for these parameters and the SGD step. */
export interface ModelEquations {
  ode: EquationSet;
  sgd: EquationSet;
}

const TOKEN = /\{\{(\w+)\}\}/g;

/** The parameter keys an equation names, in order of first appearance, without repeats. */
export function equationParams(tex: string): string[] {
  const keys: string[] = [];
  for (const match of tex.matchAll(TOKEN)) if (!keys.includes(match[1]!)) keys.push(match[1]!);
  return keys;
}

/** A number as TeX: 4 significant digits, ∞ as \infty. */
export function texNumber(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return '\\infty';
  if (x === Number.NEGATIVE_INFINITY) return '-\\infty';
  return String(Number(x.toPrecision(4)));
}

/** A parameter's value as TeX: a number, a list for a vector, upright text for a choice. */
export function texValue(spec: ParamSpec, value: Params[string] | undefined): string {
  if (typeof value === 'number') return texNumber(value);
  if (Array.isArray(value)) return `(${value.map(texNumber).join(',\\,')})`;
  const text = String(value ?? spec.default).replace(/[^\w.:,+-]/g, '');
  return `\\text{${text}}`;
}

/** The colour of a substituted value, so that a number in an equation reads as live. */
export const VALUE_COLOUR = '#0072B2';

/**
 * The TeX with each {{key}} replaced: by the parameter's symbol, or (substitute) by its value
 * when it is a number (vectors and choices keep their symbol, listed under the equations). A
 * substituted number that follows a digit or another parameter gets a \cdot, so that τη reads
 * 0.2·2 and not 0.22. `colourOf` colours each parameter (the app gives each its own shade, to
 * find the symbol under the pointer); values default to VALUE_COLOUR. An unknown key is left as
 * its name in red (the contract test forbids it).
 */
export function fillEquation(
  tex: string,
  specs: readonly ParamSpec[],
  params: Params,
  substitute: boolean,
  colourOf?: (key: string) => string,
): string {
  return tex.replace(TOKEN, (_whole, key: string, at: number) => {
    const spec = specs.find((s) => s.key === key);
    if (!spec) return `\\textcolor{red}{\\text{${key.replace(/\W/g, '')}}}`;
    const value = params[key];
    const colour = colourOf?.(key);
    if (!substitute || typeof value !== 'number')
      return colour ? `{\\color{${colour}}${spec.tex}}` : `{${spec.tex}}`;
    const before = tex.slice(0, at).replace(/(\s|\\,)+$/, '');
    const joined = /[\d]$/.test(before) || before.endsWith('}}');
    const number = value < 0 ? `(${texNumber(value)})` : texNumber(value);
    return `${joined ? '\\cdot ' : ''}{\\color{${colour ?? VALUE_COLOUR}}${number}}`;
  });
}
