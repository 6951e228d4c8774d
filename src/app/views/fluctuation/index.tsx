/** The fluctuation view as a plugin (views/types.ts). */
import { VIEW_AVAILABLE } from '../available';
import type { ViewKind } from '../types';
import { fluctuationAbout } from './about';
import { FluctuationView } from './FluctuationView';

export const fluctuationView: ViewKind = {
  title: 'Fluctuations',
  placement: 'tab',
  available: VIEW_AVAILABLE.fluctuation,
  about: fluctuationAbout,
  render: (props) => <FluctuationView {...props} />,
};
