/**
 * The trajectories view's URL keys (rows of the app's table, appKeys.ts): the derived 'cosines'
 * series, the overlay of ODE curves for several values of one parameter, and the legend's
 * toggles.
 */
import { echo } from '../../../core/echo';
import { axisBounds, strictNumber } from '../../appKeyChecks';
import { type AppKey, flagKey, type KeyRows, nameListKey } from '../../keyKinds';

export const MAX_OVERLAY_VALUES = 8;

export interface TrajectoriesSettings {
  /** Show the model's derived 'cosines' series instead of the raw overlaps (cos). */
  cosines: boolean;
  /** ODE curves for several values of one parameter, e.g. β = 0.5, 1, 1.5 (ov). */
  overlayValues: { param: string; values: number[] } | null;
  /**
   * The legend's toggles (tg): series whose default visibility the user flipped (a primary
   * series hidden, a secondary one shown), by name.
   */
  toggledSeries: string[];
}

const overlayKey: AppKey<TrajectoriesSettings['overlayValues']> = {
  url: 'ov',
  default: () => null,
  parse(raw, c, report) {
    const [param = '', list = ''] = raw.split(':');
    // A linked slider (the GAN's η) stands for its first target's range.
    const target = c.model.aliases?.find((a) => a.key === param)?.targets[0] ?? param;
    const spec = c.model.params.find((sp) => sp.key === target);
    const derived = c.model.theory?.derivedAxes?.some((a) => a.key === param) ?? false;
    const values = list.split(',').map(strictNumber);
    if (
      (!derived && (!spec || spec.kind !== 'number')) ||
      values.length === 0 ||
      values.some((v) => v === null)
    ) {
      const axes = c.model.theory?.derivedAxes?.map((a) => a.key) ?? [];
      report(
        'rejected',
        `ov must look like name:v1,v2,… with a numeric parameter${axes.length ? ` or ${axes.join(', ')}` : ''}; got '${echo(raw)}'`,
      );
      return undefined;
    }
    // A derived axis is kept to its declared range; the model's validation checks each value.
    const [lo, hi] = axisBounds(c.model, param);
    const clamped = values
      .slice(0, MAX_OVERLAY_VALUES)
      .map((v) => Math.min(hi, Math.max(lo, v ?? lo)));
    if (clamped.some((v, k) => v !== values[k]) || values.length > MAX_OVERLAY_VALUES)
      report(
        'clamped',
        `overlay values must be in [${lo}, ${hi}], at most ${MAX_OVERLAY_VALUES}; using ${clamped.join(',')}`,
      );
    return { param, values: clamped };
  },
  write: (v) => (v ? `${v.param}:${v.values.join(',')}` : null),
};

export const trajectoriesKeys: KeyRows<TrajectoriesSettings> = {
  cosines: flagKey('cos'),
  overlayValues: overlayKey,
  toggledSeries: nameListKey('tg'),
};
