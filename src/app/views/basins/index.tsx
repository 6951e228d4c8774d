/** The basins view as a plugin (views/types.ts). */
import { VIEW_AVAILABLE } from '../available';
import type { ViewKind } from '../types';
import { BasinsView } from './BasinsView';

export const basinsView: ViewKind = {
  title: 'Basins',
  placement: 'tab',
  available: VIEW_AVAILABLE.basins,
  render: (props) => <BasinsView {...props} />,
};
