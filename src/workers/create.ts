/**
 * Worker constructors. Vite bundles a worker only from the literal
 * `new Worker(new URL('…', import.meta.url), { type: 'module' })`, so each has one home here.
 */
export const createOdeWorker = () =>
  new Worker(new URL('./ode.worker.ts', import.meta.url), { type: 'module' });
export const createSgdWorker = () =>
  new Worker(new URL('./sgd.worker.ts', import.meta.url), { type: 'module' });
export const createAnalysisWorker = () =>
  new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
