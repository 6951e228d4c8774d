/**
 * The fault tests' hook (docs/reliability.md, e2e/faults.spec.ts). It exists only when the page
 * was opened with `window.__macroscopeTestHooks = true` set before the app loads (Playwright's
 * addInitScript): a user's page never has it, and no URL key turns it on.
 *
 *   __macroscopeTest.fault('ode' | 'sgd' | 'analysis', 'throw' | 'close' | 'terminate', watchdogMs?)
 *     (the faulted call alone gets the short watchdog, so the retry on a fresh worker does not)
 *   __macroscopeTest.setWatchdogMs(ms)         every lane's watchdog (tests shorten it)
 *   __macroscopeTest.breakView(id, broken)      the view throws while rendering
 */
import type { WorkerFault, WorkerLane } from '../workers/lane';
import type { AppWorkers } from './runs/workers';

/** Views the tests made throw (components/ViewGrid.tsx reads it while rendering). */
export const brokenViews = new Set<string>();

export type WorkerKind = 'ode' | 'sgd' | 'analysis';

export interface TestHooks {
  fault(kind: WorkerKind, fault: WorkerFault, watchdogMs?: number): void;
  setWatchdogMs(ms: number): void;
  breakView(id: string, broken: boolean): void;
}

type HookedWindow = Window & { __macroscopeTestHooks?: boolean; __macroscopeTest?: TestHooks };

/** Install the hook if the test asked for it; returns its removal. */
export function installTestHooks(workers: AppWorkers, rerender: () => void): () => void {
  const w = window as HookedWindow;
  if (w.__macroscopeTestHooks !== true) return () => {};
  const byKind: Record<WorkerKind, WorkerLane<unknown>[]> = {
    ode: [workers.ode],
    sgd: [...workers.sgd.lanes],
    analysis: [workers.fixedPoints],
  } as Record<WorkerKind, WorkerLane<unknown>[]>;
  const every = [
    ...Object.values(byKind).flat(),
    workers.overlay,
    workers.aligned,
    workers.cloud,
    workers.rate,
    workers.field,
  ] as WorkerLane<unknown>[];
  w.__macroscopeTest = {
    fault: (kind, fault, ms) =>
      byKind[kind]
        // Idle pool lanes would keep the fault armed for a later run.
        .filter((lane) => kind !== 'sgd' || lane.hasRunningCall)
        .forEach((lane) => lane.injectFault(fault, ms)),
    setWatchdogMs: (ms) => every.forEach((lane) => lane.setWatchdogMs(ms)),
    breakView(id, broken) {
      if (broken) brokenViews.add(id);
      else brokenViews.delete(id);
      rerender();
    },
  };
  return () => {
    delete w.__macroscopeTest;
  };
}
