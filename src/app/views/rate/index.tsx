/** The rate view as a plugin (views/types.ts). */
import { VIEW_AVAILABLE } from '../available';
import type { ViewKind } from '../types';
import { rateAbout } from './about';
import { RateView } from './RateView';

export const rateView: ViewKind = {
  title: 'Rate',
  placement: 'tab',
  available: VIEW_AVAILABLE.rate,
  about: rateAbout,
  render: (props, services) => <RateView {...props} requestRate={services.requestRate} />,
};
