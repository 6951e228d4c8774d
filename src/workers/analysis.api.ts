/**
 * The analysis worker: fixed points of the current state, and phase diagrams computed cell by
 * cell in coarse-to-fine order, streamed back through a proxy callback (core/analysis.ts, the
 * same code as the CLI's `fixed-points` and `sweep`).
 */
import * as Comlink from 'comlink';

import { analyzeFixedPointsInSteps, phaseCell, scan1d, setAxis } from '../core/analysis';
import {
  type AttractionCell,
  BasinClassifier,
  labelCells,
  type LabelledCell,
} from '../core/basins';
import {
  type PlaneAxis,
  type PlaneBoundaries,
  planeBoundaries,
} from '../core/continuation/boundaries';
import { bifurcationDiagram, type Diagram } from '../core/continuation/diagram';
import { type FieldSlice, fieldSlice } from '../core/field';
import { scansOf, viewSpec } from '../core/model';
import { type RateCurve, rateCurve } from '../core/rate';
import { parseState } from '../core/state';
import { linspace } from '../core/sweep';
import { models } from '../models/registry';
import type { DiagramCell, DiagramRequest, FixedPointsResult, ScanResult } from './protocol';
import { runInSlices, StepsCancelled } from './sliced';
import { StopPoints, stopRequest } from './stop';

const REPORT_MS = 80;

export const analysisApi = {
  /**
   * The fixed points of the state, or null when the lane's stop message ended the search. It runs
   * in slices (workers/sliced.ts), so a stop is answered within ~10 ms and the worker stays warm: a
   * slider moved slowly starts a search at every pause, and ending the worker for each stale one
   * cost a module load on a core the page needs (issue 12's slider profile, docs/architecture.md).
   */
  async fixedPoints(state: string): Promise<FixedPointsResult | null> {
    stopRequest.clear();
    const { model, params } = parseState(state, models);
    let a;
    try {
      a = await runInSlices(analyzeFixedPointsInSteps(model, params), () => stopRequest.requested);
    } catch (err) {
      if (err instanceof StepsCancelled) return null;
      throw err;
    }
    return {
      names: a.names,
      points: a.points.map((p) => ({
        x: Array.from(p.x),
        stability: p.stability,
        kind: p.kind,
        type: p.type,
        eigenvalues: p.eigenvalues,
      })),
      families: a.families.map((f) => ({
        dimension: f.dimension,
        samples: f.samples.map((s) => ({
          x: Array.from(s.x),
          stability: s.stability,
          type: s.type,
        })),
      })),
      stableTypes: a.stableTypes,
    };
  },

  /** The field on the (x, y) slice through `base` (the other coordinates pinned). */
  field(
    state: string,
    x: string,
    y: string,
    base: number[],
    xRange: [number, number],
    yRange: [number, number],
    nx: number,
    ny: number,
  ): FieldSlice | null {
    const { model, params } = parseState(state, models);
    const names = model.stateNames(params);
    const ix = names.indexOf(x);
    const iy = names.indexOf(y);
    if (ix < 0 || iy < 0 || base.length !== names.length) return null;
    const f = fieldSlice(model.rhs(params), base, ix, iy, xRange, yRange, nx, ny);
    return Comlink.transfer(f, [f.u.buffer, f.v.buffer, f.xs.buffer, f.ys.buffer]);
  },

  /**
   * One of the model's scans (by id, or index when it has none) at these values, which may be a
   * slice of the spec's values: the app splits them over a pool (core/analysis.ts scan1d).
   * The reference is measured only when asked (by one worker of the pool).
   */
  scan(state: string, scanId: string, values: number[], withReference: boolean): ScanResult {
    const { model, params } = parseState(state, models);
    const specs = scansOf(model);
    const spec = specs.find((s, k) => (s.id ?? String(k)) === scanId) ?? specs[0];
    if (!spec) throw new Error(`model ${model.id} has no scan`);
    const r = scan1d(
      model,
      params,
      { param: spec.x, values },
      withReference ? spec : { ...spec, reference: undefined },
    );
    const flat = new Float64Array(values.length * r.names.length);
    r.final.forEach((row, k) => flat.set(row, k * r.names.length));
    return Comlink.transfer(
      {
        names: r.names,
        values,
        final: flat,
        labels: r.labels,
        measured: r.measured,
        reference: r.reference,
      },
      [flat.buffer],
    );
  },

  /**
   * The bifurcation diagram along one axis from the fixed points of the state, with the
   * periodic orbits born at its Hopf points (core/continuation/diagram.ts, as the CLI's
   * `continue`). Plain arrays: it crosses by structured clone.
   */
  bifurcation(state: string, axis: string, range: [number, number]): Diagram {
    const { model, params } = parseState(state, models);
    return bifurcationDiagram(model, params, { axis, range, orbits: true });
  },

  /**
   * The phase diagram's fold and Hopf curves in the (x, y) plane by two-parameter continuation
   * (core/continuation/boundaries.ts), with the diagram's fixed settings applied as its cells are.
   */
  boundaries(state: string, x: PlaneAxis, y: PlaneAxis): PlaneBoundaries {
    const { model, params } = parseState(state, models);
    const p = { ...params, ...(viewSpec(model, 'diagram')?.fixed ?? {}) };
    return planeBoundaries(model, p, x, y);
  },

  /** The rate view's curve h(x) with its zeros (core/rate.ts). */
  rate(state: string): RateCurve {
    const { model, params } = parseState(state, models);
    const r = rateCurve(model, params);
    return Comlink.transfer(r, [r.x.buffer as ArrayBuffer, r.y.buffer as ArrayBuffer]);
  },

  /** Label attraction cells by the basin the ODE from their centre reaches (core/basins.ts). */
  async attraction(
    state: string,
    cells: AttractionCell[],
    log: boolean,
    onCells: (cells: LabelledCell[]) => Promise<void> | void,
  ): Promise<void> {
    const { model, params } = parseState(state, models);
    const classifier = new BasinClassifier(model, params);
    stopRequest.clear();
    const stops = new StopPoints();
    // Batches of ~50 ms of work keep the picture filling in smoothly.
    for (let k = 0; k < cells.length;) {
      const t0 = performance.now();
      const batch: LabelledCell[] = [];
      while (k < cells.length && performance.now() - t0 < 50) {
        batch.push(...labelCells(model, params, cells.slice(k, k + 8), { log, classifier }));
        k += 8;
        if (await stops.stopped()) return;
      }
      await onCells(batch);
    }
  },

  async diagram(
    request: DiagramRequest,
    onCells: (cells: DiagramCell[]) => Promise<void> | void,
  ): Promise<void> {
    const { model, params } = parseState(request.state, models);
    const xs = linspace(request.x.from, request.x.to, request.n);
    const ys = linspace(request.y.from, request.y.to, request.n);
    const derived = new Set((model.theory?.derivedAxes ?? []).map((a) => a.key));
    // Derived axes (α = τ̃/τ) go last, after the parameters they depend on.
    const axes = [request.x, request.y].sort(
      (a, b) => Number(derived.has(a.param)) - Number(derived.has(b.param)),
    );
    stopRequest.clear();
    const stops = new StopPoints();
    let batch: DiagramCell[] = [];
    let last = performance.now();
    for (const index of request.cells) {
      const i = index % request.n;
      const j = Math.floor(index / request.n);
      const p = { ...params, ...(viewSpec(model, 'diagram')?.fixed ?? {}) };
      for (const axis of axes) setAxis(model, p, axis.param, axis === request.x ? xs[i]! : ys[j]!);
      const cell = phaseCell(model, p);
      batch.push({ i, j, label: cell.label, variation: cell.variation });
      if (performance.now() - last > REPORT_MS) {
        // Not awaited: the cells must not wait for the UI to draw the previous batch.
        void onCells(batch);
        batch = [];
        last = performance.now();
      }
      if (await stops.stopped()) return;
    }
    await onCells(batch);
  },
};

export type AnalysisWorkerApi = typeof analysisApi;
