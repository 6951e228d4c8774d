/**
 * Faults on request, for the fault tests (e2e/faults.spec.ts, docs/reliability.md): the page's
 * test hook posts `{ macroscopeFault: 'throw' | 'close' }` and this worker crashes with an
 * uncaught error (and answers nothing after it, as a crashed worker would) or closes itself.
 * Only the page that made a worker can post to it, so this opens nothing to anyone else. It is
 * imported first by each worker entry, so its listener runs before comlink's.
 */
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
};
let crashed = false;

scope.addEventListener('message', (event: MessageEvent) => {
  const fault = (event.data as { macroscopeFault?: unknown } | null)?.macroscopeFault;
  if (crashed || fault !== undefined) event.stopImmediatePropagation();
  if (fault === 'close') scope.close();
  if (fault === 'throw') {
    crashed = true;
    throw new Error('injected fault (test hook)');
  }
});

export {};
