/** The basins view as a plugin (views/types.ts). */
import { viewSpec } from '../../../core/model';
import type { ViewKind } from '../types';
import { BasinsView } from './BasinsView';

export const basinsView: ViewKind = {
  title: 'Basins',
  placement: 'tab',
  available: (model) => viewSpec(model, 'basins') !== undefined,
  render: (props) => <BasinsView {...props} />,
};
