/**
 * The bifurcation view as a plugin (views/types.ts). Every model has it: with no declaration
 * (its bifurcation spec) it continues the first numeric parameter and plots the first state
 * variable.
 */
import { VIEW_AVAILABLE } from '../available';
import type { ViewKind } from '../types';
import { bifurcationAbout } from './about';
import { BifurcationView } from './BifurcationView';

export const bifurcationView: ViewKind = {
  title: 'Bifurcation',
  placement: 'tab',
  available: VIEW_AVAILABLE.bifurcation,
  about: bifurcationAbout,
  render: (props) => <BifurcationView {...props} />,
};
