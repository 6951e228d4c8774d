/** The phase portrait's URL keys (rows of the app's table, appKeys.ts). */
import { flagKey, type KeyRows, portraitAxis } from '../../keyKinds';

export interface PortraitSettings {
  /** Phase-portrait axes, order-parameter names (x, y). */
  x: string;
  y: string;
  /** The vector field and nullclines on the portrait, other coordinates at the cursor (vf). */
  vectorField: boolean;
  /** Log-scaled portrait axes, offered by the attraction ViewSpec's log (lg). */
  logAxes: boolean;
}

export const portraitKeys: KeyRows<PortraitSettings> = {
  x: portraitAxis('x', 0),
  y: portraitAxis('y', 1),
  vectorField: flagKey('vf'),
  logAxes: flagKey('lg'),
};
