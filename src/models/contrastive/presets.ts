/** Paper figures as state strings. */
import type { Preset } from '../../core/model';

export const contrastivePresets: Preset[] = [];
