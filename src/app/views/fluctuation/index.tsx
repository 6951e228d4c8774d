/** The fluctuation view as a plugin (views/types.ts). */
import { viewSpec } from '../../../core/model';
import type { ViewKind } from '../types';
import { FluctuationView } from './FluctuationView';

export const fluctuationView: ViewKind = {
  title: 'Fluctuations',
  placement: 'tab',
  available: (model) => viewSpec(model, 'fluctuation') !== undefined,
  render: (props) => <FluctuationView {...props} />,
};
