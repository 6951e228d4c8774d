/**
 * The ODE worker: parses a state string with the shared codec and integrates the model's ODE
 * (core/run.ts, the same code path as the CLI). One API object, typed for the UI
 * (HOUSE_STYLE 2); results cross as flat Float64Arrays with transfer (HOUSE_STYLE 4).
 */
import * as Comlink from 'comlink';

import { runOde } from '../core/run';
import { parseState } from '../core/state';
import { models } from '../models/registry';
import type { OdeResult } from './protocol';

const api = {
  /** The ODE for several values of one parameter (an overlay), each on the same time grid. */
  odeMany(state: string, key: string, values: number[], samples: number): OdeResult[] {
    const out: OdeResult[] = [];
    const buffers: ArrayBuffer[] = [];
    for (const value of values) {
      const parsed = parseState(`${state}&${encodeURIComponent(key)}=${value}`, models, {
        extraKeys: APP_KEYS,
      });
      const run = runOde(parsed.model, parsed.params, { samples });
      out.push({
        model: parsed.model.id,
        names: run.names,
        t: run.t,
        y: run.y,
        status: run.status,
        divergence: run.divergence,
      });
      buffers.push(run.t.buffer as ArrayBuffer, run.y.buffer as ArrayBuffer);
    }
    return Comlink.transfer(out, buffers);
  },

  /** Integrate the ODE of the model in `state` on `samples` times from 0 to T. */
  ode(state: string, samples: number): OdeResult {
    const parsed = parseState(state, models, { extraKeys: APP_KEYS });
    const run = runOde(parsed.model, parsed.params, { samples });
    const result: OdeResult = {
      model: parsed.model.id,
      names: run.names,
      t: run.t,
      y: run.y,
      status: run.status,
      divergence: run.divergence,
    };
    return Comlink.transfer(result, [run.t.buffer, run.y.buffer]);
  },
};

/** Keys of the app's own state that the worker ignores. */
const APP_KEYS = ['view', 'runs', 'x', 'y', 'tc', 'cos', 'vf', 'dx', 'dy', 'dn', 'ov'];

export type OdeWorkerApi = typeof api;
Comlink.expose(api);
