/**
 * The app state as a zustand vanilla store (no React here, so it is unit-tested in Node).
 * The canonical state is the state string; everything else is derived from it or computed.
 */
import { createStore } from 'zustand/vanilla';

import type { Model, Notice } from '../core/model';
import type { Params } from '../core/params';
import { parseState, serializeState } from '../core/state';
import { models } from '../models/registry';
import type { OdeResult } from '../workers/protocol';

/** URL keys that belong to the app, not to a model. */
export const APP_KEYS = ['view', 'runs', 'x', 'y', 'tc', 'cos'] as const;

export type OdeStatus =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: OdeResult }
  | { kind: 'diverged'; result: OdeResult }
  | { kind: 'error'; message: string };

export interface AppState {
  model: Model;
  params: Params;
  extras: Record<string, string>;
  /** Notices from the last parse (clamped or dropped URL values), shown in the status line. */
  notices: Notice[];
  /** The canonical state string (no leading '?'). */
  query: string;
  ode: OdeStatus;
  /** Load a state string (URL query or share link). */
  load(input: string): void;
  /** Change one parameter, keeping the rest. */
  setParam(key: string, value: Params[string]): void;
  setOde(status: OdeStatus): void;
}

export function createAppStore(initial = '') {
  const first = parseState(initial, models, { extraKeys: APP_KEYS });
  return createStore<AppState>()((set, get) => ({
    model: first.model,
    params: first.params,
    extras: first.extras,
    notices: first.notices,
    query: serializeState(first.model, first.params, first.extras),
    ode: { kind: 'idle' },
    load(input) {
      const parsed = parseState(input, models, { extraKeys: APP_KEYS });
      set({
        model: parsed.model,
        params: parsed.params,
        extras: parsed.extras,
        notices: parsed.notices,
        query: serializeState(parsed.model, parsed.params, parsed.extras),
      });
    },
    setParam(key, value) {
      const { model, params, extras } = get();
      // Round-trip through the codec so that the same validation and clamping apply.
      const next = serializeState(model, { ...params, [key]: value }, extras);
      get().load(next);
    },
    setOde(status) {
      set({ ode: status });
    },
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
