/**
 * The app state as a zustand vanilla store (no React here, so it is unit-tested in Node).
 * The canonical state is the state string: the model's parameters (core/state.ts) plus the
 * app's own keys (the table in appKeys.ts). Computed results (ODE, SGD) live
 * beside it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

import type { Model, Notice } from '../core/model';
import type { Params } from '../core/params';
import { parseState, serializeState } from '../core/state';
import { models } from '../models/registry';
import type {
  DiagramAxis,
  FixedPointsResult,
  MicroSnapshotData,
  OdeResult,
  ScanResult,
} from '../workers/protocol';
import {
  APP_KEYS,
  extrasOf,
  mergeSettings,
  parseViewSettings,
  stateNamesOrNone,
  type ViewSettings,
} from './appKeys';
import type { EnsembleState } from './ensembleController';
import { keptPortraitAxes } from './keyKinds';
import type { PinsState } from './pins/job';
import { type PlayState, STOPPED } from './play/clock';
import type { SgdSummary } from './sgdData';
import type { AttractionState } from './views/attraction/controller';
import type { BifurcationState } from './views/bifurcation/job';
import type { DiagramCurvesState } from './views/diagram/curvesJob';

export * from './appKeys';
export * from './views/diagram/axes';

export type OdeStatus =
  | { kind: 'idle' }
  | { kind: 'running'; previous: OdeResult | null }
  | { kind: 'done'; result: OdeResult }
  | { kind: 'diverged'; result: OdeResult }
  | { kind: 'error'; message: string };

export interface SgdState {
  status: 'idle' | 'running' | 'paused' | 'done' | 'error';
  generation: number;
  tReached: number;
  T: number;
  runs: number;
  summary: SgdSummary | null;
  message?: string;
  /** performance.now() when the runs started (for the status line's time left). */
  startedAt?: number;
  /** Run 0's exit from the model's alignment window, if it left it (the trajectories ViewSpec's alignment). */
  exit?: { t: number; state: number[] } | null;
  /** Where a run first left the finite numbers; every run's dots stop there. */
  divergence?: { stream: number; t: number; variable: string; value: number } | null;
}

export interface DiagramState {
  /** What the cells were computed for (the state without the diagram's own axes). */
  key: string;
  n: number;
  x: DiagramAxis;
  y: DiagramAxis;
  /** cells[j * n + i], null until computed. */
  cells: ({ label: string; variation: number } | null)[];
  /** 'cancelled': stopped by the user; 'error': a worker failed (message says why). */
  status: 'running' | 'done' | 'cancelled' | 'error';
  message?: string;
  /** performance.now() when the run started (for the elapsed time shown). */
  startedAt: number;
}

/** The jobs the scheduler runs (runs/jobs.ts), by name. */
export const JOB_NAMES = [
  'ode',
  'sgd',
  'cloud',
  'fixedPoints',
  'diagram',
  'scan',
  'overlay',
  'overlaySgd',
  'aligned',
  'ensemble',
  'attraction',
  'field',
  'rate',
  'bifurcation',
  'diagramCurves',
  'pins',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface AppState extends ViewSettings {
  model: Model;
  params: Params;
  /** Notices from the last parse (clamped or dropped URL values), shown in the status line. */
  notices: Notice[];
  /** The canonical state string (no leading '?'). */
  query: string;
  /** The model part of the query: what the ODE and the SGD depend on. */
  modelQuery: string;
  ode: OdeStatus;
  sgd: SgdState;
  cloud: CloudState;
  fixedPoints: FixedPointsResult | null;
  diagram: DiagramState | null;
  /** The model's 1-parameter scan (the scan ViewSpec), for the current parameters. */
  scan: ScanResult | null;
  /** The overlay's ODE results, one per value of ov. */
  overlay: { param: string; values: number[]; results: OdeResult[] } | null;
  /** Attraction regions on the portrait plane (the attraction ViewSpec), as they arrive. */
  attraction: AttractionState | null;
  /** Many SGD runs of the state, each kept (fluctuation and basins views). */
  ensemble: EnsembleState | null;
  /** The ODE from run 0's exit state (the trajectories ViewSpec's alignment), from its exit time on. */
  alignedOde: OdeResult | null;
  /** The overlay's SGD summaries (mean ± std over runs), one per value of ov, as they arrive. */
  overlaySgd: { key: string; summaries: (SgdSummary | null)[] } | null;
  /** The bifurcation view's diagram by continuation, for its key (views/bifurcation/job.ts). */
  bifurcation: BifurcationState | null;
  /** The phase diagram's fold and Hopf curves by continuation (views/diagram/curvesJob.ts). */
  diagramCurves: DiagramCurvesState | null;
  /** Why a job last failed, by job (absent: it did not fail); shown by the job's view. */
  jobErrors: Partial<Record<JobName, string>>;
  /** The play animation's moving cursor: transient, never in the link (play/driver.ts). */
  play: PlayState;
  /** The pins' ODE curves and SGD dots, recomputed from their states (pins/job.ts). */
  pinned: PinsState | null;
  setPlay(play: PlayState): void;
  setPinned(pinned: PinsState | null): void;
  /** Load a state string (URL query or share link). */
  load(input: string): void;
  /** Change one model parameter, keeping the rest. */
  setParam(key: string, value: Params[string]): void;
  /** Change several model parameters at once (e.g. a linked slider). */
  setParams(values: Params): void;
  setView(settings: Partial<ViewSettings>): void;
  setOde(status: OdeStatus): void;
  setSgd(state: SgdState): void;
  setCloud(state: CloudState): void;
  setFixedPoints(result: FixedPointsResult | null): void;
  setDiagram(diagram: DiagramState | null): void;
  setOverlay(overlay: AppState['overlay']): void;
  setOverlaySgd(overlaySgd: AppState['overlaySgd']): void;
  setEnsemble(ensemble: EnsembleState | null): void;
  setAttraction(attraction: AttractionState | null): void;
  setAlignedOde(alignedOde: OdeResult | null): void;
  setScan(scan: ScanResult | null): void;
  setBifurcation(bifurcation: BifurcationState | null): void;
  setDiagramCurves(diagramCurves: DiagramCurvesState | null): void;
  setJobError(name: JobName, message: string | null): void;
}

const IDLE_SGD: SgdState = {
  status: 'idle',
  generation: 0,
  tReached: 0,
  T: 0,
  runs: 1,
  summary: null,
};

/**
 * The microscopic cloud: its own O(n) run (views/cloud/job.ts), apart from the dots, which a
 * reduced chain without coordinates draws in O(1) per step.
 */
export interface CloudState {
  status: 'idle' | 'running' | 'done' | 'error';
  tReached: number;
  T: number;
  micro: MicroSnapshotData[];
  message?: string;
}

const IDLE_CLOUD: CloudState = { status: 'idle', tReached: 0, T: 0, micro: [] };

/** The state a state string stands for: the model, its parameters and the app's settings. */
function derive(input: string) {
  const parsed = parseState(input, models, { extraKeys: APP_KEYS });
  const view = parseViewSettings(parsed.model, parsed.params, parsed.extras);
  const modelQuery = serializeState(parsed.model, parsed.params);
  return {
    model: parsed.model,
    params: parsed.params,
    notices: [...parsed.notices, ...view.notices],
    ...view.settings,
    modelQuery,
    query: serializeState(
      parsed.model,
      parsed.params,
      extrasOf(parsed.model, parsed.params, view.settings),
    ),
  };
}

type SetState = StoreApi<AppState>['setState'];
type GetState = StoreApi<AppState>['getState'];

/** What the jobs show before any has run. */
const NO_RESULTS = {
  ode: { kind: 'idle' },
  sgd: IDLE_SGD,
  cloud: IDLE_CLOUD,
  fixedPoints: null,
  diagram: null,
  overlay: null,
  overlaySgd: null,
  ensemble: null,
  attraction: null,
  alignedOde: null,
  scan: null,
  bifurcation: null,
  diagramCurves: null,
  jobErrors: {},
  play: STOPPED,
  pinned: null,
} satisfies Partial<AppState>;

/** The actions that change the state string: load it, change parameters, change the view. */
function stateActions(set: SetState, get: GetState) {
  return {
    load(input: string) {
      set(derive(input));
    },
    setParam(key: string, value: Params[string]) {
      get().setParams({ [key]: value });
    },
    setParams(values: Params) {
      const s = get();
      // Round-trip through the codec so that the same validation and clamping apply.
      const params = { ...s.params, ...values };
      // The layout of validated parameters: that of a raw value (M = 1e308 latents) would
      // allocate without bound before the codec clamps it.
      const valid = parseState(serializeState(s.model, params), [s.model]).params;
      // Portrait axes the new state lacks (fewer features) fall back to its defaults quietly.
      const names = stateNamesOrNone(s.model, valid);
      const axes = keptPortraitAxes(names, s);
      // A changed parameter is no longer the preset chosen from the menu (p): the menu then
      // shows the best match or "custom" (Header.tsx).
      const next = serializeState(
        s.model,
        params,
        extrasOf(s.model, valid, { ...s, ...axes, preset: null }),
      );
      set(derive(next));
    },
    setView(settings: Partial<ViewSettings>) {
      const s = get();
      // Only the keys given (an explicit null clears a diagram axis; undefined keeps it).
      const merged = mergeSettings(s, settings);
      set({
        ...merged,
        query: serializeState(s.model, s.params, extrasOf(s.model, s.params, merged)),
      });
    },
  } satisfies Partial<AppState>;
}

/** The jobs' setters: each replaces one result. */
function resultSetters(set: SetState, get: GetState) {
  return {
    setOde: (ode) => set({ ode }),
    setCloud: (cloud) => set({ cloud }),
    setSgd: (sgd) => set({ sgd }),
    setFixedPoints: (fixedPoints) => set({ fixedPoints }),
    setDiagram: (diagram) => set({ diagram }),
    setOverlay: (overlay) => set({ overlay }),
    setAlignedOde: (alignedOde) => set({ alignedOde }),
    setAttraction: (attraction) => set({ attraction }),
    setEnsemble: (ensemble) => set({ ensemble }),
    setOverlaySgd: (overlaySgd) => set({ overlaySgd }),
    setScan: (scan) => set({ scan }),
    setBifurcation: (bifurcation) => set({ bifurcation }),
    setDiagramCurves: (diagramCurves) => set({ diagramCurves }),
    setPlay: (play) => set({ play }),
    setPinned: (pinned) => set({ pinned }),
    setJobError(name, message) {
      const { [name]: _old, ...rest } = get().jobErrors;
      set({ jobErrors: message === null ? rest : { ...rest, [name]: message } });
    },
  } satisfies Partial<AppState>;
}

export function createAppStore(initial = '') {
  return createStore<AppState>()((set, get) => ({
    ...derive(initial),
    ...NO_RESULTS,
    ...stateActions(set, get),
    ...resultSetters(set, get),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
