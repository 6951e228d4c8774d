/**
 * The analysis worker's entry point: it only exposes the API object of analysis.api.ts (which is tested in Node
 * over a MessageChannel pair, workers.test.ts).
 */
import './faults';

import * as Comlink from 'comlink';

import { analysisApi } from './analysis.api';

export type { AnalysisWorkerApi } from './analysis.api';
Comlink.expose(analysisApi);
