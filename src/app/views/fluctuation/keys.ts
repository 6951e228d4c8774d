/** The fluctuation view's URL keys (rows of the app's table, appKeys.ts). */
import { echo } from '../../../core/echo';
import { fluctuationId, viewSpecs } from '../../../core/model';
import { type KeyRows, timeKey } from '../../keyKinds';

export interface FluctuationSettings {
  /** The fluctuation spec shown, by its id (fluctuationId); null: the model's first (fl). */
  fluctuationId: string | null;
  /** Time of the fluctuation view's histogram; null: the end (ht). */
  histogramTime: number | null;
}

export const fluctuationKeys: KeyRows<FluctuationSettings> = {
  fluctuationId: {
    url: 'fl',
    default: () => null,
    parse(raw, c, report) {
      const ids = viewSpecs(c.model, 'fluctuation').map(fluctuationId);
      if (ids.includes(raw)) return raw;
      report(
        'rejected',
        `fl must name one of this model's fluctuation views (${ids.join(', ') || 'none'}); got '${echo(raw)}'`,
      );
      return undefined;
    },
    write: (v) => v,
  },
  histogramTime: timeKey('ht', 'the histogram time ht'),
};
