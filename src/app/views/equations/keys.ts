/** The equations view's URL key (a row of the app's table, appKeys.ts). */
import { flagKey, type KeyRows } from '../../keyKinds';

export interface EquationsSettings {
  /** The equations view writes the values into the equations, not only under them (eqv). */
  equationValues: boolean;
}

export const equationsKeys: KeyRows<EquationsSettings> = {
  equationValues: flagKey('eqv'),
};
