/**
 * The ODE worker's entry point: it only exposes the API object of ode.api.ts (which is tested in Node
 * over a MessageChannel pair, workers.test.ts).
 */
import './faults';

import * as Comlink from 'comlink';

import { odeApi } from './ode.api';
import { listenForStop } from './stop';

export type { OdeWorkerApi } from './ode.api';
// Before comlink's listener: the stop message goes no further (stop.ts).
listenForStop(self);
Comlink.expose(odeApi);
