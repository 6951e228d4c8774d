/** The cloud view as a plugin (views/types.ts). */
import type { ViewKind } from '../types';
import { CloudView } from './CloudView';

export const cloudView: ViewKind = {
  title: 'Microscopic cloud',
  placement: 'tab',
  available: (model) => model.views.cloud !== undefined,
  render: (props) => <CloudView {...props} />,
};
