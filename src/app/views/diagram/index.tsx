/** The diagram view as a plugin (views/types.ts). */
import type { ViewKind } from '../types';
import { PhaseDiagramView } from './PhaseDiagramView';

export const diagramView: ViewKind = {
  title: 'Phase diagram',
  placement: 'panel',
  // Axes may come from the URL (dx, dy) when the model has no default diagram.
  available: (model) => model.theory !== undefined,
  render: (props, { scheduler }) => (
    <PhaseDiagramView
      {...props}
      onCancel={() => scheduler.cancel('diagram')}
      onRestart={() => scheduler.restart('diagram')}
    />
  ),
};
