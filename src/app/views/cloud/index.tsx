/** The cloud view as a plugin (views/types.ts). */
import { viewSpec } from '../../../core/model';
import type { ViewKind } from '../types';
import { CloudView } from './CloudView';

export const cloudView: ViewKind = {
  title: 'Microscopic cloud',
  placement: 'tab',
  available: (model) => viewSpec(model, 'cloud') !== undefined,
  render: (props) => <CloudView {...props} />,
};
