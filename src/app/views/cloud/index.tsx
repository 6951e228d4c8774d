/** The cloud view as a plugin (views/types.ts). */
import { VIEW_AVAILABLE } from '../available';
import type { ViewKind } from '../types';
import { cloudAbout } from './about';
import { CloudView } from './CloudView';

export const cloudView: ViewKind = {
  title: 'Microscopic cloud',
  placement: 'tab',
  available: VIEW_AVAILABLE.cloud,
  about: cloudAbout,
  render: (props) => <CloudView {...props} />,
};
