/**
 * What a hostile link must not do to a page (issue 16): leave it without a chart, throw, log a
 * console error, or run a payload. Shared by inputs.spec.ts and fuzz.spec.ts.
 */
import type { Page } from '@playwright/test';

import { PWNED } from '../src/app/fuzz/hostileQueries';

export interface Health {
  pageErrors: string[];
  consoleErrors: string[];
}

/** Collect page errors and console errors (the dev server's socket is not the app's). */
export function watch(page: Page): Health {
  const health: Health = { pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (e) => health.pageErrors.push(String(e).slice(0, 300)));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (/\[vite\]|WebSocket/.test(text)) return;
    health.consoleErrors.push(text.slice(0, 300));
  });
  return health;
}

/**
 * The page's views once drawn: each with the number of charts (svg or canvas) it holds; an
 * empty list or a zero is a blank page. Waits up to `timeout` ms for the first chart.
 */
export async function viewCharts(page: Page, timeout = 5000): Promise<string[]> {
  await page
    .locator('section.view :is(svg, canvas)')
    .first()
    .waitFor({ timeout })
    .catch(() => undefined);
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('section.view')).map(
      (s) => `${s.dataset['view'] ?? '?'}:${s.querySelectorAll('svg, canvas').length}`,
    ),
  );
}

export function isBlank(charts: string[]): boolean {
  return charts.length === 0 || charts.some((c) => c.endsWith(':0'));
}

/** Whether a payload ran (each sets window.__pwned). */
export function injected(page: Page): Promise<boolean> {
  return page.evaluate((key) => key in window, PWNED);
}

/** A `d` or `transform` attribute with NaN in it: a chart computed from an unbounded value. */
export function nanAttributes(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document.querySelectorAll('[d*="NaN"], [transform*="NaN"], [x*="NaN"], [y*="NaN"]').length,
  );
}
