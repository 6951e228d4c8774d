/**
 * The parameter table: one typed description per parameter, which drives the sliders, the URL
 * codec (state.ts), the CLI and the docs (docs/architecture.md, habit 7).
 */

export type ParamValue = number | number[] | string;
/** Parsed, validated parameter values of one model, keyed by ParamSpec.key. */
export type Params = Record<string, ParamValue>;

interface SpecBase {
  /** URL / CLI key, e.g. 'taut'. */
  key: string;
  /** Unicode symbol shown in the UI, e.g. 'τ̃'. */
  symbol: string;
  /** TeX for typeset labels, e.g. '\\tilde\\tau'. */
  tex: string;
  /** Short name, e.g. 'generator learning rate'. */
  label: string;
  /** One sentence for tooltips and docs, citing the paper's equation. */
  description: string;
  /** Panel grouping in the UI. */
  group?: 'rates' | 'noise' | 'data' | 'init' | 'run';
}

/**
 * What a number is measured in, for its tooltip: its unit ("in radians"), or why it has none and
 * what it scales ("dimensionless: the step is δ = cδ/n, and t = steps·δ"). A rate or a time says
 * how it relates to SGD steps, since each paper defines time its own way.
 */
interface Measured {
  unit: string;
}

export interface NumberSpec extends SpecBase, Measured {
  kind: 'number' | 'integer';
  min: number;
  max: number;
  default: number;
  scale?: 'linear' | 'log';
  /** Accept 'inf' as a value (e.g. λ = ∞). */
  allowInfinity?: boolean;
}

export interface VectorSpec extends SpecBase, Measured {
  kind: 'vector';
  /** Bounds for every entry. */
  min: number;
  max: number;
  /** Defaults for each index; the first `length(p)` entries are used. */
  default: number[];
  /** Key of the integer parameter that sets the length (e.g. 'd'). */
  lengthFrom: string;
  /** Allowed lengths as multiples of that parameter, e.g. [1, 2] accepts d or d² entries. */
  powers?: number[];
  /** The entries' slider scale (a range of four decades or more is logarithmic). */
  scale?: 'linear' | 'log';
}

export interface EnumSpec extends SpecBase {
  kind: 'enum';
  /** The listed choices (the UI's menu). */
  options: readonly string[];
  default: string;
  /**
   * Free-form values beyond the options (e.g. a feature law 'gauss:1.25'): null accepts the
   * text, a sentence rejects it. Without it, only the options are accepted.
   */
  accepts?(text: string): string | null;
}

export type ParamSpec = NumberSpec | VectorSpec | EnumSpec;

/** A parameter's tooltip text: its description, and its unit where it has one. */
export function paramHelp(spec: ParamSpec): string {
  return 'unit' in spec ? `${spec.description} Unit: ${spec.unit}.` : spec.description;
}

/** One key that sets several number parameters at once, e.g. `eta` → etaT and etaG. */
export interface AliasSpec {
  key: string;
  targets: string[];
  symbol: string;
  label: string;
}

/** The value of a number parameter (throws on a table/code mismatch, which is a bug). */
export function num(p: Params, key: string): number {
  const v = p[key];
  if (typeof v !== 'number') throw new TypeError(`parameter ${key} is not a number`);
  return v;
}

/** The value of a vector parameter. */
export function vec(p: Params, key: string): number[] {
  const v = p[key];
  if (!Array.isArray(v)) throw new TypeError(`parameter ${key} is not a vector`);
  return v;
}

/** The value of an enum parameter. */
export function str(p: Params, key: string): string {
  const v = p[key];
  if (typeof v !== 'string') throw new TypeError(`parameter ${key} is not a string`);
  return v;
}

/** Formats a number for URLs and messages: shortest round-trip form, 'inf' for ∞. */
export function formatNumber(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return 'inf';
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  return String(x);
}

/**
 * The three parameters every model has: the SGD's dimension (`n`), its `seed`, and the final
 * time `T`. `symbol` names the dimension as the model's paper does (n or N); `time` is what one
 * unit of t is in SGD steps ('steps/n', or 'cδ·steps/n' where the step is δ = cδ/n).
 */
export function runParams(options: {
  symbol: string;
  time: string;
  n: number;
  T: number;
  Tmax: number;
}): ParamSpec[] {
  const { symbol, time } = options;
  return [
    {
      key: 'n',
      symbol,
      tex: symbol,
      label: 'dimension',
      description: `Dimension of the data for the SGD simulation; the ODE is its ${symbol} → ∞ limit.`,
      unit: 'a count of coordinates',
      kind: 'integer',
      min: 10,
      max: 100000,
      default: options.n,
      scale: 'log',
      group: 'run',
    },
    {
      key: 'seed',
      symbol: 'seed',
      tex: '\\text{seed}',
      label: 'random seed',
      description: 'Seed of the SGD simulation: the same seed gives the same dots, bit for bit.',
      unit: 'none: a label of the random stream',
      kind: 'integer',
      min: 0,
      max: 4294967295,
      default: 1,
      group: 'run',
    },
    {
      key: 'T',
      symbol: 'T',
      tex: 'T',
      label: 'final time',
      description: 'End of the time axis.',
      unit: `time, t = ${time}`,
      kind: 'number',
      min: 1,
      max: options.Tmax,
      default: options.T,
      // Up to 10⁵ from 1: a linear slider could not set T = 10 or T = 20000 by hand.
      scale: 'log',
      group: 'run',
    },
  ];
}
