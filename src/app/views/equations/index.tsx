/** The equations view as a plugin (views/types.ts): a tab of the third panel, or view=equations. */
import type { ViewKind } from '../types';
import { equationsAbout } from './about';
import { EquationsView } from './EquationsView';

export const equationsView: ViewKind = {
  title: 'Equations',
  placement: 'tab',
  available: (model) => model.equations !== undefined,
  about: equationsAbout,
  render: (props) => <EquationsView {...props} />,
};
