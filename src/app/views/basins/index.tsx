/** The basins view as a plugin (views/types.ts). */
import type { ViewKind } from '../types';
import { BasinsView } from './BasinsView';

export const basinsView: ViewKind = {
  title: 'Basins',
  placement: 'tab',
  available: (model) => model.views.basins !== undefined,
  render: (props) => <BasinsView {...props} />,
};
