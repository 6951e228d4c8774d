/**
 * The analysis worker's entry point: it only exposes the API object of analysis.api.ts (which is tested in Node
 * over a MessageChannel pair, workers.test.ts).
 */
import './faults';

import * as Comlink from 'comlink';

import { analysisApi } from './analysis.api';
import { listenForStop } from './stop';

export type { AnalysisWorkerApi } from './analysis.api';
// Before comlink's listener: the stop message goes no further (stop.ts).
listenForStop(self);
Comlink.expose(analysisApi);
