/**
 * The ODE worker: parses a state string with the shared codec and integrates the model's ODE
 * (core/run.ts, the same code path as the CLI). One API object, typed for the UI
 * (docs/architecture.md, habit 2); results cross as flat Float64Arrays with transfer (docs/architecture.md, habit 4).
 */
import * as Comlink from 'comlink';

import { stateWithAxis } from '../core/analysis';
import { odeFinals } from '../core/basins';
import { num } from '../core/params';
import { runOde, runOdeFrom } from '../core/run';
import { parseState } from '../core/state';
import { models } from '../models/registry';
import type { OdeResult } from './protocol';

/** Parse a state string and integrate its ODE on `samples` times from 0 to T. */
function integrate(state: string, samples: number): OdeResult {
  const parsed = parseState(state, models);
  const run = runOde(parsed.model, parsed.params, { samples });
  return {
    model: parsed.model.id,
    names: run.names,
    t: run.t,
    y: run.y,
    status: run.status,
    divergence: run.divergence,
    tStopped: run.tStopped,
    steps: run.stats.steps,
  };
}

export const odeApi = {
  /** The ODE's state at T from each start (the basins view: one start per SGD run). */
  finals(state: string, starts: Float64Array[], T: number): Float64Array[] {
    const { model, params } = parseState(state, models);
    const out = odeFinals(model, params, starts, T);
    return Comlink.transfer(
      out,
      out.map((x) => x.buffer as ArrayBuffer),
    );
  },

  /** The ODE for several values of one parameter (an overlay), each on the same time grid. */
  odeMany(state: string, key: string, values: number[], samples: number): OdeResult[] {
    // key may be a derived axis (the contrastive m₂ sets the law c1): set it, then re-validate.
    const { model, params } = parseState(state, models);
    const out = values.map((value) => integrate(stateWithAxis(model, params, key, value), samples));
    return Comlink.transfer(
      out,
      out.flatMap((r) => [r.t.buffer as ArrayBuffer, r.y.buffer as ArrayBuffer]),
    );
  },

  /** The ODE from a given state at time t0 to T (the trajectories ViewSpec's alignment: run 0's exit state). */
  odeFrom(state: string, x0: number[], t0: number, samples: number): OdeResult {
    const { model, params } = parseState(state, models);
    const T = num(params, 'T');
    const times = Array.from({ length: samples }, (_, k) => t0 + ((T - t0) * k) / (samples - 1));
    const run = runOdeFrom(model, params, Float64Array.from(x0), times);
    const result: OdeResult = {
      model: model.id,
      names: run.names,
      t: run.t,
      y: run.y,
      status: run.status,
      divergence: run.divergence,
      tStopped: run.tStopped,
      steps: run.stats.steps,
    };
    return Comlink.transfer(result, [
      result.t.buffer as ArrayBuffer,
      result.y.buffer as ArrayBuffer,
    ]);
  },

  /** Integrate the ODE of the model in `state` on `samples` times from 0 to T. */
  ode(state: string, samples: number): OdeResult {
    const result = integrate(state, samples);
    return Comlink.transfer(result, [
      result.t.buffer as ArrayBuffer,
      result.y.buffer as ArrayBuffer,
    ]);
  },
};

export type OdeWorkerApi = typeof odeApi;
