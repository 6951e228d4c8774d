/**
 * Latency measured inside the page: from the timestamp of the next input event of a kind to the
 * frame in which a DOM condition first holds (a MutationObserver sees the change; the time is
 * taken in the next animation frame, the one that paints it). Polling from the test instead
 * adds the poll's own granularity (Playwright's default intervals are 100, 250, 500 and 1000 ms)
 * and the round trips over CDP: a cancel that rendered in 30 ms was reported as 525–1541 ms.
 */
import type { Page } from '@playwright/test';

export type Condition =
  { kind: 'd-changed'; selector: string } | { kind: 'button'; within: string; name: string };

/**
 * The watch, as the page's own JavaScript: a string, so that no transpiler's helpers (tsx names
 * functions with `__name`, which the page does not have) end up in it.
 */
const WATCH = `({ event, condition }) => {
  const before =
    condition.kind === 'd-changed'
      ? (document.querySelector(condition.selector)?.getAttribute('d') ?? null)
      : null;
  const holds = () => {
    if (condition.kind === 'd-changed') {
      const d = document.querySelector(condition.selector)?.getAttribute('d') ?? null;
      return d !== null && d !== before;
    }
    const box = document.querySelector(condition.within);
    return Array.from(box?.querySelectorAll('button') ?? []).some(
      (b) => b.textContent?.trim() === condition.name,
    );
  };
  window.__latency = new Promise((resolve) => {
    let start = null;
    let done = false;
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (done || start === null || !holds()) return;
      done = true;
      observer.disconnect();
      const from = start;
      requestAnimationFrame(() => resolve(performance.now() - from));
    };
    addEventListener(
      event,
      (e) => {
        start = e.timeStamp;
        // The change may already be in the DOM when the handlers return.
        queueMicrotask(check);
      },
      { capture: true, once: true },
    );
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}`;

/** Arm the watch before the input; `read` then resolves to the latency in ms. */
export async function armLatency(
  page: Page,
  event: 'keydown' | 'click',
  condition: Condition,
): Promise<{ read(): Promise<number> }> {
  await page.evaluate(`(${WATCH})(${JSON.stringify({ event, condition })})`);
  return { read: () => page.evaluate('window.__latency') as Promise<number> };
}
