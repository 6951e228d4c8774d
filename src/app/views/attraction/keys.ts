/** The attraction regions' URL key (a row of the app's table, appKeys.ts). */
import { flagKey, type KeyRows } from '../../keyKinds';

export interface AttractionSettings {
  /** Shade the attraction regions on the portrait (att). */
  showAttraction: boolean;
}

export const attractionKeys: KeyRows<AttractionSettings> = {
  showAttraction: flagKey('att'),
};
