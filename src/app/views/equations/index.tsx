/** The equations view as a plugin (views/types.ts): a tab of the third panel, or view=equations. */
import type { ViewKind } from '../types';
import { EquationsView } from './EquationsView';

export const equationsView: ViewKind = {
  title: 'Equations',
  placement: 'tab',
  available: (model) => model.equations !== undefined,
  render: (props) => <EquationsView {...props} />,
};
