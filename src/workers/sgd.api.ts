/**
 * An SGD worker of the pool: advances a batch of runs (streams of one seed) in lock step and
 * streams their samples back through a comlink proxy callback (docs/architecture.md, habit 5). The callback's
 * promise paces the worker: the UI pauses a run by holding it. A stale run stops at the next
 * turn of its event loop, within STOP_CHECK_MS, when the lane posts its stop message on abort
 * (stop.ts), and the lane then terminates the worker.
 */
import * as Comlink from 'comlink';

import { CLOUD_MAX_POINTS, strideSnapshot } from '../core/microSample';
import { simulatorWithMicro } from '../core/microSimulator';
import { viewSpec } from '../core/model';
import { timeGrid } from '../core/ode';
import { num } from '../core/params';
import { SampledSgd } from '../core/run';
import { parseState } from '../core/state';
import { models } from '../models/registry';
import type { SgdChunk, SgdRequest } from './protocol';
import { SliceSizer } from './sliceSizer';
import { StopPoints, stopRequest } from './stop';

/** Wall-clock budget between two reports, in ms: smooth streaming without flooding the UI. */
const REPORT_MS = 60;
/** Chunks sent before the worker waits for the UI's reply to the oldest. */
const IN_FLIGHT = 2;

export const sgdApi = {
  async sgd(
    request: SgdRequest,
    onChunk: (chunk: SgdChunk) => Promise<void> | void,
  ): Promise<void> {
    stopRequest.clear();
    const stops = new StopPoints();
    const { model, params } = parseState(request.state, models);
    const times = timeGrid(0, num(params, 'T'), request.samples);
    const runs = request.streams.map((stream, i) => {
      // The snapshot run needs coordinates: the default variant may keep none (GAN 'gram').
      const withMicro = i === 0 && request.withMicro;
      const options = { stream, variant: request.variant };
      const run = new SampledSgd(
        withMicro ? simulatorWithMicro(model, params, options) : model.simulator(params, options),
        times,
        withMicro ? request.microTimes : [],
        model.observables?.(params) ?? null,
      );
      // A run that diverged stops there: no NaN dot or ellipse is ever sent.
      run.stopAtDivergence = true;
      return run;
    });
    let divergenceSent = false;
    const names = runs[0]?.names ?? [];
    const sent = runs.map(() => 0);
    // Steps per run and round, sized by the measured cost of a step (a Gram chain's is O(1), a
    // literal step's O(n)): sliceSizer.ts.
    const sizer = new SliceSizer();
    // The trajectories ViewSpec's alignment: watch run 0 for its first exit from the window around the start.
    const align = viewSpec(model, 'trajectories')?.alignment;
    const watched = request.streams[0] === 0 && align ? runs[0] : undefined;
    const alignIndex = align && watched ? watched.sim.names.indexOf(align.series) : -1;
    const window = align ? align.window(params) : Number.POSITIVE_INFINITY;
    const probe = new Float64Array(watched?.sim.names.length ?? 0);
    let exit: SgdChunk['exit'];
    let exitSent = alignIndex < 0;
    // Chunks in flight: the worker keeps stepping while the UI draws the last one, and waits
    // only when IN_FLIGHT replies are outstanding (a paused UI holds its replies, so the
    // worker stops within IN_FLIGHT chunks). Awaiting each reply left it idle while the main
    // thread was busy drawing.
    const inFlight: Promise<void>[] = [];
    while (runs.some((r) => !r.done)) {
      const started = performance.now();
      while (performance.now() - started < REPORT_MS && runs.some((r) => !r.done)) {
        const roundStart = performance.now();
        const active = runs.filter((r) => !r.done).length;
        for (const run of runs) run.advance(sizer.steps);
        sizer.record(performance.now() - roundStart, active);
        if (!exitSent && !exit && watched) {
          watched.sim.observe(probe);
          if (Math.abs(probe[alignIndex]!) >= window)
            exit = { t: watched.t, state: Array.from(probe) };
        }
        if (await stops.stopped()) return;
      }
      const chunk: SgdChunk = {
        names,
        streams: request.streams,
        rows: [],
        micro: [],
        tReached: Math.min(...runs.map((r) => r.t)),
        done: runs.every((r) => r.done),
        ...(exit && !exitSent ? { exit } : {}),
      };
      if (exit) exitSent = true;
      const diverged = runs.findIndex((r) => r.divergence !== null);
      if (diverged >= 0 && !divergenceSent) {
        chunk.divergence = { stream: request.streams[diverged]!, ...runs[diverged]!.divergence! };
        divergenceSent = true;
      }
      const transfers: ArrayBuffer[] = [];
      runs.forEach((run, i) => {
        const from = sent[i]!;
        const to = run.samplesDone;
        const m = names.length;
        const rows = run.y.slice(from * m, to * m);
        chunk.rows.push({ stream: request.streams[i]!, from, values: rows });
        transfers.push(rows.buffer);
        sent[i] = to;
        for (const full of run.micro) {
          // The cloud's memory bound (core/microSample.ts): at most CLOUD_MAX_POINTS coordinates.
          const snap = strideSnapshot(full, CLOUD_MAX_POINTS);
          chunk.micro.push(snap);
          for (const col of Object.values(snap.columns)) transfers.push(col.buffer as ArrayBuffer);
        }
        run.micro.length = 0; // the snapshots now belong to the UI
      });
      inFlight.push(Promise.resolve(onChunk(Comlink.transfer(chunk, transfers))));
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
  },
};

export type SgdWorkerApi = typeof sgdApi;
