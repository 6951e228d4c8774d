/** The phase diagram's URL keys (rows of the app's table, appKeys.ts): its axes and cells. */
import type { DiagramAxis } from '../../../workers/protocol';
import { diagramAxis } from '../../appKeyChecks';
import { clampedInteger, type KeyRows } from '../../keyKinds';

export const DEFAULT_DIAGRAM_CELLS = 30;

export interface DiagramSettings {
  /** Phase-diagram axes, a parameter or a derived axis with its range (dx, dy). */
  diagramX: DiagramAxis | null;
  diagramY: DiagramAxis | null;
  /** Phase-diagram cells per axis (dn). */
  diagramCells: number;
}

export const diagramKeys: KeyRows<DiagramSettings> = {
  diagramX: diagramAxis('dx'),
  diagramY: diagramAxis('dy'),
  diagramCells: {
    url: 'dn',
    default: () => DEFAULT_DIAGRAM_CELLS,
    parse: (raw, _c, report) =>
      clampedInteger(raw, [4, 100], DEFAULT_DIAGRAM_CELLS, 'dn (cells per axis)', report),
    write: (v) => String(v),
  },
};
