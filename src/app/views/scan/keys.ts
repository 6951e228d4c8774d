/** The scan view's URL key (a row of the app's table, appKeys.ts). */
import { echo } from '../../../core/echo';
import { scansOf } from '../../../core/model';
import type { KeyRows } from '../../keyKinds';

export interface ScanSettings {
  /** The scan shown, by ScanSpec id; null: the model's first (sc). */
  scanId: string | null;
}

export const scanKeys: KeyRows<ScanSettings> = {
  scanId: {
    url: 'sc',
    default: () => null,
    parse(raw, c, report) {
      const ids = scansOf(c.model).map((sp, k) => sp.id ?? String(k));
      if (ids.includes(raw)) return raw;
      report(
        'rejected',
        `sc must name one of this model's scans (${ids.join(', ') || 'none'}); got '${echo(raw)}'`,
      );
      return undefined;
    },
    write: (v) => v,
  },
};
