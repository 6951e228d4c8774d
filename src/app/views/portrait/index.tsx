/** The portrait view as a plugin (views/types.ts). */
import type { ViewKind } from '../types';
import { PortraitView } from './PortraitView';

export const portraitView: ViewKind = {
  title: 'Phase portrait',
  placement: 'panel',
  available: () => true,
  render: (props, services) => <PortraitView {...props} requestField={services.requestField} />,
};
