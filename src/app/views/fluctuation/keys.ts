/** The fluctuation view's URL keys (rows of the app's table, appKeys.ts). */
import { fluctuationId, viewSpecs } from '../../../core/model';
import { type KeyRows, modelIdKey, timeKey } from '../../keyKinds';

export interface FluctuationSettings {
  /** The fluctuation spec shown, by its id (fluctuationId); null: the model's first (fl). */
  fluctuationId: string | null;
  /** Time of the fluctuation view's histogram; null: the end (ht). */
  histogramTime: number | null;
}

export const fluctuationKeys: KeyRows<FluctuationSettings> = {
  fluctuationId: modelIdKey('fl', 'fluctuation views', (m) =>
    viewSpecs(m, 'fluctuation').map(fluctuationId),
  ),
  histogramTime: timeKey('ht', 'the histogram time ht'),
};
