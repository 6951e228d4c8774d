/** The diagram view as a plugin (views/types.ts). */
import { VIEW_AVAILABLE } from '../available';
import type { ViewKind } from '../types';
import { diagramAbout } from './about';
import { PhaseDiagramView } from './PhaseDiagramView';

export const diagramView: ViewKind = {
  title: 'Phase diagram',
  placement: 'panel',
  available: VIEW_AVAILABLE.diagram,
  about: diagramAbout,
  render: (props, { scheduler }) => (
    <PhaseDiagramView
      {...props}
      onCancel={() => scheduler.cancel('diagram')}
      onRestart={() => scheduler.restart('diagram')}
    />
  ),
};
