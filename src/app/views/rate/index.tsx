/** The rate view as a plugin (views/types.ts). */
import { viewSpec } from '../../../core/model';
import type { ViewKind } from '../types';
import { RateView } from './RateView';

export const rateView: ViewKind = {
  title: 'Rate',
  placement: 'tab',
  available: (model) => viewSpec(model, 'rate') !== undefined,
  render: (props, services) => <RateView {...props} requestRate={services.requestRate} />,
};
