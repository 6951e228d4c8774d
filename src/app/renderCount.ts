/**
 * Counters read by `npm run bench:ui` and the e2e tests through `window.__macroscopeRenders`:
 * renders per view (counted where the view draws its frame) and SGD flushes into the store, so
 * that "renders per SGD flush" can be measured in the production build.
 */
export interface RenderCount {
  views: Record<string, number>;
  sgdFlushes: number;
}

export const renderCount: RenderCount = { views: {}, sgdFlushes: 0 };

declare global {
  interface Window {
    __macroscopeRenders?: RenderCount;
  }
}
if (typeof window !== 'undefined') window.__macroscopeRenders = renderCount;

/** Count one render of the view `id`. */
export function countRender(id: string): void {
  renderCount.views[id] = (renderCount.views[id] ?? 0) + 1;
}
