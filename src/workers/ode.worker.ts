/**
 * The ODE worker's entry point: it only exposes the API object of ode.api.ts (which is tested in Node
 * over a MessageChannel pair, workers.test.ts).
 */
import './faults';

import * as Comlink from 'comlink';

import { odeApi } from './ode.api';

export type { OdeWorkerApi } from './ode.api';
Comlink.expose(odeApi);
