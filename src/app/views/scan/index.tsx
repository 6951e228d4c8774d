/** The scan view as a plugin (views/types.ts). */
import { VIEW_AVAILABLE } from '../available';
import type { ViewKind } from '../types';
import { scanAbout } from './about';
import { ScanView } from './ScanView';

export const scanView: ViewKind = {
  title: 'Scans',
  placement: 'tab',
  available: VIEW_AVAILABLE.scan,
  about: scanAbout,
  render: (props) => <ScanView {...props} />,
};
