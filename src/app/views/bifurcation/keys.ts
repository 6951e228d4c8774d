/** The bifurcation view's URL keys (rows of the app's table, appKeys.ts). */
import { echo } from '../../../core/echo';
import type { DiagramAxis } from '../../../workers/protocol';
import { diagramAxis } from '../../appKeyChecks';
import type { KeyRows } from '../../keyKinds';

export interface BifurcationSettings {
  /** The bifurcation view's continued axis and range; null: the model's default (ba). */
  bifurcationAxis: DiagramAxis | null;
  /** The bifurcation view's y: an order parameter or 'leading'; null: the default (by). */
  bifurcationY: string | null;
}

export const bifurcationKeys: KeyRows<BifurcationSettings> = {
  bifurcationAxis: diagramAxis('ba'),
  bifurcationY: {
    url: 'by',
    default: () => null,
    parse(raw, c, report) {
      if (raw === 'leading' || c.names.includes(raw)) return raw;
      report(
        'rejected',
        `by must be an order parameter (${c.names.join(', ')}) or 'leading'; got '${echo(raw)}'`,
      );
      return undefined;
    },
    write: (v) => v,
  },
};
