/** The portrait view as a plugin (views/types.ts). */
import { VIEW_AVAILABLE } from '../available';
import type { ViewKind } from '../types';
import { portraitAbout } from './about';
import { PortraitView } from './PortraitView';

export const portraitView: ViewKind = {
  title: 'Phase portrait',
  placement: 'panel',
  available: VIEW_AVAILABLE.portrait,
  about: portraitAbout,
  render: (props, services) => <PortraitView {...props} requestField={services.requestField} />,
};
