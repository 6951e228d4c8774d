/** The trajectories view as a plugin (views/types.ts). */
import type { ViewKind } from '../types';
import { TrajectoriesView } from './TrajectoriesView';

export const trajectoriesView: ViewKind = {
  title: 'Trajectories',
  placement: 'panel',
  available: () => true,
  render: (props) => <TrajectoriesView {...props} />,
};
