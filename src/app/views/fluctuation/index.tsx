/** The fluctuation view as a plugin (views/types.ts). */
import type { ViewKind } from '../types';
import { FluctuationView } from './FluctuationView';

export const fluctuationView: ViewKind = {
  title: 'Fluctuations',
  placement: 'tab',
  available: (model) => model.views.fluctuation !== undefined,
  render: (props) => <FluctuationView {...props} />,
};
