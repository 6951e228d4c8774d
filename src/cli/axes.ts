/** The CLI's --x/--y axes: a parameter or a derived axis, checked against its range. */
import { echo } from '../core/echo';
import type { Model } from '../core/model';
import type { NumberSpec } from '../core/params';
import { parseAxisSpec, type SweepAxis } from '../core/sweep';
import { UsageError } from './json';

export function axisOf(model: Model, flags: Record<string, string>, flag: 'x' | 'y'): SweepAxis {
  const spec = flags[flag];
  if (spec === undefined) throw new UsageError(`sweep needs --${flag} name=from:to:count`);
  let axis: SweepAxis;
  try {
    axis = parseAxisSpec(spec, `--${flag}`);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const known = [
    ...model.params.filter((p) => p.kind === 'number').map((p) => p.key),
    ...(model.theory?.derivedAxes ?? []).map((a) => a.key),
  ];
  if (!known.includes(axis.param)) {
    throw new UsageError(
      `--${flag}: '${echo(axis.param)}' is not a numeric parameter or derived axis of ${model.id} (known: ${known.join(', ')})`,
    );
  }
  checkAxisRange(model, axis, flag);
  return axis;
}

/**
 * An axis must stay inside its parameter's range: a sweep at negative τ would label phases of
 * no model, and ±1e308 gives null values. A derived axis (α = τ̃/τ) has no table entry; it must
 * be finite and positive, and the cells clamp what it sets through the model.
 */
function checkAxisRange(model: Model, axis: SweepAxis, flag: string): void {
  const lo = Math.min(...axis.values);
  const hi = Math.max(...axis.values);
  const spec = model.params.find(
    (p): p is NumberSpec => p.key === axis.param && p.kind === 'number',
  );
  const [min, max] = spec ? [spec.min, spec.max] : [Number.MIN_VALUE, Number.MAX_VALUE];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo >= min && hi <= max)) {
    const range = spec ? `[${spec.min}, ${spec.max}]` : 'finite and positive';
    throw new UsageError(
      `--${flag}: ${axis.param} must be ${spec ? `in ${range}` : range}; got ${lo}:${hi}`,
    );
  }
}
