/** The scan view's URL key (a row of the app's table, appKeys.ts). */
import { scansOf } from '../../../core/model';
import { type KeyRows, modelIdKey } from '../../keyKinds';

export interface ScanSettings {
  /** The scan shown, by ScanSpec id; null: the model's first (sc). */
  scanId: string | null;
}

export const scanKeys: KeyRows<ScanSettings> = {
  scanId: modelIdKey('sc', 'scans', (m) => scansOf(m).map((sp, k) => sp.id ?? String(k))),
};
