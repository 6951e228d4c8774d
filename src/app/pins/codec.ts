/**
 * Pins in the link: each pin is the model state it froze, written as the parameters where it
 * differs from the model's defaults (`taut:1.2~seed:3`), pins separated by `!`. The curves are
 * not stored: the ODE is deterministic and the dots come back from the seed, so a link with four
 * pins stays short. Pure (no DOM), unit-tested.
 */
import type { Model, Notice } from '../../core/model';
import type { Params } from '../../core/params';
import { defaultParams, parseState, serializeState } from '../../core/state';
import { plainText } from '../../core/typeset';
import { formatValue } from '../sliderScale';

export const MAX_PINS = 4;
/** A longer pin is not a state this app wrote: it is dropped rather than parsed. */
const MAX_PIN_CHARS = 600;
/** How a pin with every parameter at its default is written. */
const ALL_DEFAULTS = 'defaults';

type Report = (level: Notice['level'], message: string) => void;

/** The parts `key=value` of a state string, without the model. */
function partsOf(model: Model, params: Params): string[] {
  return serializeState(model, params).split('&').slice(1);
}

/** The compact form of a state: its parameters that differ from the defaults, `k:v~k:v`. */
export function compactPin(model: Model, params: Params): string {
  const defaults = new Set(partsOf(model, defaultParams(model)));
  const parts = partsOf(model, params)
    .filter((p) => !defaults.has(p))
    .map((p) => p.replace('=', ':'));
  return parts.length ? parts.join('~') : ALL_DEFAULTS;
}

/** The full state string of a pin (compact form) for `model`. */
export function pinQuery(model: Model, pin: string): string {
  const parts = pin === ALL_DEFAULTS ? [] : pin.split('~').map((p) => p.replace(':', '='));
  return [`model=${model.id}`, ...parts].join('&');
}

/** A pin's parameters, validated by the model's own codec (notices for what it clamped). */
export function pinParams(model: Model, pin: string): { params: Params; notices: Notice[] } {
  const parsed = parseState(pinQuery(model, pin), [model]);
  return { params: parsed.params, notices: parsed.notices };
}

/**
 * The `pin` key's value: at most MAX_PINS pins, each re-validated by the model's codec and
 * written back in canonical compact form; a malformed pin is dropped with a notice.
 */
export function parsePins(raw: string, model: Model, report: Report): string[] {
  const segments = raw.split('!').filter((s) => s !== '');
  if (segments.length > MAX_PINS)
    report(
      'clamped',
      `at most ${MAX_PINS} pins; got ${segments.length}, keeping the first ${MAX_PINS}`,
    );
  const pins: string[] = [];
  segments.slice(0, MAX_PINS).forEach((segment, k) => {
    const what = `pin ${k + 1}`;
    const wellFormed =
      segment === ALL_DEFAULTS || segment.split('~').every((p) => /^[A-Za-z]\w*:./.test(p));
    if (segment.length > MAX_PIN_CHARS || !wellFormed) {
      report(
        'rejected',
        `${what} must look like key:value~key:value (at most ${MAX_PIN_CHARS} characters); dropped`,
      );
      return;
    }
    const { params, notices } = pinParams(model, segment);
    for (const n of notices) report(n.level, `${what}: ${n.message}`);
    pins.push(compactPin(model, params));
  });
  return pins;
}

export function writePins(pins: readonly string[]): string | null {
  return pins.length ? pins.join('!') : null;
}

function shown(v: Params[string] | undefined): string {
  if (typeof v === 'number') return formatValue(v);
  if (Array.isArray(v)) return v.map(formatValue).join(',');
  return String(v);
}

/**
 * A pin's label: the parameters where it differs from the current state, with their symbols
 * ("τ̃ = 1.2"); at most two, then "…"; "as now" when it does not differ.
 */
export function pinLabel(model: Model, pin: Params, current: Params): string {
  const differing = model.params
    .filter((spec) => shown(pin[spec.key]) !== shown(current[spec.key]))
    .map((spec) => `${plainText(spec.symbol)} = ${shown(pin[spec.key])}`);
  if (differing.length === 0) return 'as now';
  return differing.length > 2 ? `${differing.slice(0, 2).join(', ')}, …` : differing.join(', ');
}
