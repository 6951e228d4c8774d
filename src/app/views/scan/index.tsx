/** The scan view as a plugin (views/types.ts). */
import { scansOf } from '../../../core/model';
import type { ViewKind } from '../types';
import { ScanView } from './ScanView';

export const scanView: ViewKind = {
  title: 'Scans',
  placement: 'tab',
  available: (model) => scansOf(model).length > 0,
  render: (props) => <ScanView {...props} />,
};
