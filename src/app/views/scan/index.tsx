/** The scan view as a plugin (views/types.ts). */
import { viewSpec } from '../../../core/model';
import type { ViewKind } from '../types';
import { ScanView } from './ScanView';

export const scanView: ViewKind = {
  title: 'Scans',
  placement: 'tab',
  available: (model) => viewSpec(model, 'scan') !== undefined,
  render: (props) => <ScanView {...props} />,
};
