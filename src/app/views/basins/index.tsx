/** The basins view as a plugin (views/types.ts). */
import { VIEW_AVAILABLE } from '../available';
import type { ViewKind } from '../types';
import { basinsAbout } from './about';
import { BasinsView } from './BasinsView';

export const basinsView: ViewKind = {
  title: 'Basins',
  placement: 'tab',
  available: VIEW_AVAILABLE.basins,
  about: basinsAbout,
  render: (props) => <BasinsView {...props} />,
};
