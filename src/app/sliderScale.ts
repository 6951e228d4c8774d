/**
 * Slider positions ↔ parameter values: linear, logarithmic and an ∞ end stop. Pure, tested.
 * A slider has POSITIONS steps (integer positions 0..POSITIONS, plus one for ∞).
 */
import type { NumberSpec, VectorSpec } from '../core/params';

export const POSITIONS = 1000;

type Scaled = Pick<NumberSpec, 'min' | 'max' | 'kind'> & {
  scale?: 'linear' | 'log';
  allowInfinity?: boolean;
};

/**
 * A parameter shown as a typed field only, without a slider: an identifier such as the seed,
 * whose billions of values no slider could pick one by one and whose order means nothing.
 */
export function isPlainField(spec: NumberSpec | VectorSpec): boolean {
  return spec.kind === 'integer' && spec.max - spec.min > 1e6;
}

export function scaledSpec(spec: NumberSpec | VectorSpec): Scaled {
  return spec.kind === 'vector'
    ? { min: spec.min, max: spec.max, kind: 'number', scale: spec.scale ?? 'linear' }
    : {
        min: spec.min,
        max: spec.max,
        kind: spec.kind,
        scale: spec.scale ?? 'linear',
        allowInfinity: spec.allowInfinity ?? false,
      };
}

/**
 * The grid of a linear slider: round steps (1-2-2.5-5 × 10^k, about range/POSITIONS) anchored
 * at a multiple of the step, so that every arrow key press moves by exactly one step and every
 * position is a round value (0.2 → 0.205, never 0.2009). Values are clamped into [min, max].
 */
function linearGrid(s: Scaled): { origin: number; step: number; count: number } {
  const step = s.kind === 'integer' ? 1 : niceStep((s.max - s.min) / POSITIONS);
  const origin = Math.floor(s.min / step + 1e-9) * step;
  const count = Math.ceil((s.max - origin) / step - 1e-9);
  return { origin, step, count };
}

const isLog = (s: Scaled) => s.scale === 'log' && s.min > 0;

/** Number of slider positions (the last one is ∞ when allowed). */
export function positionCount(s: Scaled): number {
  const finite = isLog(s) ? POSITIONS : linearGrid(s).count;
  return finite + (s.allowInfinity ? 1 : 0);
}

export function toPosition(s: Scaled, value: number): number {
  const finite = positionCount(s) - (s.allowInfinity ? 1 : 0);
  if (value === Number.POSITIVE_INFINITY) return s.allowInfinity ? finite + 1 : finite;
  const clamped = Math.min(s.max, Math.max(s.min, value));
  if (isLog(s)) return Math.round((Math.log(clamped / s.min) / Math.log(s.max / s.min)) * finite);
  const g = linearGrid(s);
  return Math.min(finite, Math.max(0, Math.round((clamped - g.origin) / g.step)));
}

/** The value at a slider position (log scales: 3 significant digits). */
export function fromPosition(s: Scaled, position: number): number {
  const finite = positionCount(s) - (s.allowInfinity ? 1 : 0);
  if (s.allowInfinity && position > finite) return Number.POSITIVE_INFINITY;
  const p = Math.min(finite, Math.max(0, position));
  let v: number;
  if (isLog(s)) {
    const exact = s.min * Math.pow(s.max / s.min, p / finite);
    v = roundestNear(exact, Math.log(s.max / s.min) / finite / 2);
    if (s.kind === 'integer') v = Math.round(v);
  } else {
    const g = linearGrid(s);
    v = Number((g.origin + p * g.step).toPrecision(12));
  }
  return Math.min(s.max, Math.max(s.min, v));
}

/**
 * The value with the fewest significant digits (at most 3) within `halfStep` of x in log
 * terms: each position of a log slider shows a round number (600, not 597) and dragging back
 * to a preset's value lands on it exactly.
 */
function roundestNear(x: number, halfStep: number): number {
  for (const digits of [1, 2, 3]) {
    const r = Number(x.toPrecision(digits));
    if (Math.abs(Math.log(r / x)) <= halfStep) return r;
  }
  return Number(x.toPrecision(3));
}

/** The smallest 1, 2, 2.5 or 5 × 10^k that is ≥ x. */
export function niceStep(x: number): number {
  const pow = Math.pow(10, Math.floor(Math.log10(x)));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * pow >= x * (1 - 1e-12)) return f * pow;
  return 10 * pow;
}

/** Parse what a user typed: a number, or inf/∞ where allowed. Null when it is not one. */
export function parseTyped(s: Scaled, text: string): number | null {
  const t = text.trim().toLowerCase();
  if (s.allowInfinity && (t === 'inf' || t === '∞' || t === 'infinity'))
    return Number.POSITIVE_INFINITY;
  if (t === '' || Number.isNaN(Number(t))) return null;
  return Number(t);
}

/** Display form: ∞, integers as is, others to 4 significant digits. */
export function formatValue(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(4)));
}
