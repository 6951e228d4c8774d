/** The trajectories view as a plugin (views/types.ts). */
import { VIEW_AVAILABLE } from '../available';
import type { ViewKind } from '../types';
import { trajectoriesAbout } from './about';
import { TrajectoriesView } from './TrajectoriesView';

export const trajectoriesView: ViewKind = {
  title: 'Trajectories',
  placement: 'panel',
  available: VIEW_AVAILABLE.trajectories,
  about: trajectoriesAbout,
  render: (props) => <TrajectoriesView {...props} />,
};
