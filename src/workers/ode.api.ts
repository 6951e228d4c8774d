/**
 * The ODE worker: parses a state string with the shared codec and integrates the model's ODE
 * (core/run.ts, the same code path as the CLI). One API object, typed for the UI
 * (docs/architecture.md, habit 2); results cross as flat Float64Arrays with transfer (docs/architecture.md, habit 4).
 */
import * as Comlink from 'comlink';

import { adaptiveRows, pickRows, refinedCount, sampleForDrawing } from '../core/adaptiveSamples';
import { stateWithAxis } from '../core/analysis';
import { odeFinals } from '../core/basins';
import { DenseStore } from '../core/denseTrajectory';
import { timeGrid } from '../core/ode';
import { num } from '../core/params';
import { runOde, runOdeDense, runOdeFrom } from '../core/run';
import { parseState } from '../core/state';
import { models } from '../models/registry';
import type { OdeResult } from './protocol';

/**
 * Samples of one trajectory at most (each is names × 8 bytes): a call asking for 10⁹ would
 * allocate gigabytes and hold the worker for minutes, so it gets this many instead.
 */
export const MAX_ODE_SAMPLES = 100_001;

/** `samples` bounded to [2, MAX_ODE_SAMPLES] (a non-number gives the app's 601). */
export function boundedSamples(samples: number): number {
  if (!Number.isFinite(samples)) return 601;
  return Math.max(2, Math.min(MAX_ODE_SAMPLES, Math.round(samples)));
}

/** Parse a state string and integrate its ODE on `samples` times from 0 to T. */
function integrate(state: string, samples: number): OdeResult {
  const parsed = parseState(state, models);
  const run = runOde(parsed.model, parsed.params, { samples: boundedSamples(samples) });
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

/**
 * The arrays of the drawing ODE's dense output, kept between calls: allocating them anew on
 * every slider move was most of the call's time in Chromium (core/denseTrajectory.ts).
 */
const denseStore = new DenseStore();

/**
 * The ODE sampled for drawing (core/adaptiveSamples.ts): integrated once with its dense output
 * kept, then sampled on the refined grid and bisected where a chord misses. A solution too long
 * to keep whole (core/denseTrajectory.ts) is thinned from the refined grid alone.
 */
function drawingSamples(state: string, samples: number): OdeResult {
  const base = boundedSamples(samples);
  const fineCount = Math.min(MAX_ODE_SAMPLES, refinedCount(base));
  const { model, params } = parseState(state, models);
  const run = runOdeDense(model, params, { store: denseStore });
  try {
    return drawnFrom(run, model.id, state, num(params, 'T'), fineCount);
  } finally {
    denseStore.trim();
  }
}

function drawnFrom(
  run: ReturnType<typeof runOdeDense>,
  modelId: string,
  state: string,
  T: number,
  fineCount: number,
): OdeResult {
  if (run.storageFull) {
    const fine = integrate(state, fineCount);
    const keep = adaptiveRows(fine.y, fine.names.length, fine.t.length);
    return { ...fine, ...pickRows(fine.t, fine.y, fine.names.length, keep) };
  }
  // The grid's prefix the solution reaches, as integrate() would return it.
  const grid = timeGrid(0, T, fineCount);
  const reached = run.status === 'done' ? grid : grid.filter((t) => t <= run.tStopped);
  const drawn = sampleForDrawing(run.sample, run.names.length, reached, {
    maxSamples: MAX_ODE_SAMPLES,
  });
  return {
    model: modelId,
    names: run.names,
    ...drawn,
    status: run.status,
    divergence: run.divergence,
    tStopped: run.tStopped,
    steps: run.stats.steps,
  };
}

/**
 * Drawing calls the worker repeats unasked after its first one, results dropped. V8 optimizes
 * the integrator and the sampler only after a few calls: in Chromium the first slider move's
 * ODE took 80 ms against 15–35 ms for later ones, which made it the slowest of ten presses
 * (bench:ui's ui_huge_slider_to_curve_ms, docs/reliability.md). One runs per turn of the
 * event loop, so a real call waits for one of them at most, and only after the page loads.
 */
export const WARM_UP_CALLS = 2;
/**
 * Only a call this quick is repeated: a stiff state's ODE (the XOR at λ = 677: 10 s) needs no
 * warming, and repeating it would hold the worker from the next real call for as long.
 */
export const WARM_UP_MAX_MS = 150;
let warmUpsLeft = WARM_UP_CALLS;

function warmUp(state: string, samples: number, tookMs: number): void {
  if (warmUpsLeft <= 0 || tookMs > WARM_UP_MAX_MS) return;
  warmUpsLeft--;
  setTimeout(() => {
    const started = performance.now();
    drawingSamples(state, samples);
    warmUp(state, samples, performance.now() - started);
  }, 0);
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
    const m = boundedSamples(samples);
    const times = Array.from({ length: m }, (_, k) => t0 + ((T - t0) * k) / (m - 1));
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

  /**
   * Integrate the ODE of the model in `state` on `samples` times from 0 to T. `adaptive`: the
   * samples for drawing (core/adaptiveSamples.ts), the even grid plus the dense output's finer
   * samples wherever the grid's chords would miss the curve (at most MAX_ODE_SAMPLES).
   */
  ode(state: string, samples: number, adaptive = false): OdeResult {
    const started = performance.now();
    const result = adaptive ? drawingSamples(state, samples) : integrate(state, samples);
    if (adaptive) warmUp(state, samples, performance.now() - started);
    return Comlink.transfer(result, [
      result.t.buffer as ArrayBuffer,
      result.y.buffer as ArrayBuffer,
    ]);
  },
};

export type OdeWorkerApi = typeof odeApi;
