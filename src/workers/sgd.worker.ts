/**
 * The SGD worker's entry point: it only exposes the API object of sgd.api.ts (which is tested in Node
 * over a MessageChannel pair, workers.test.ts).
 */
import './faults';

import * as Comlink from 'comlink';

import { sgdApi } from './sgd.api';
import { listenForStop } from './stop';

export type { SgdWorkerApi } from './sgd.api';
// Before comlink's listener: the stop message goes no further (stop.ts).
listenForStop(self);
Comlink.expose(sgdApi);
