/**
 * bench:ui's huge-work sections (issue 16, "Huge work stays responsive and cancellable"; bench/ui.ts
 * runs them; `-- --only name,…` selects). Both are timed inside the page, from the input event
 * to the frame that shows its effect (e2e/latency.ts), as e2e/huge.spec.ts does:
 * - ui_huge_slider_to_curve_ms: while 16 GAN runs at n = 10⁵ and T = 10⁴ go, τ moved by the
 *   keyboard 10 times (0.6 s apart); from each keydown to the frame with the new q₁ curve;
 * - ui_huge_diagram_cancel_ms: a 100 × 100 phase diagram at finite λ (the GAN at λ = 1),
 *   cancelled three times once it has cells, from the click to the frame that shows Resume,
 *   with the cells done at the click and one second later (equal: the work stopped).
 * Goals (docs/reliability.md): 100 ms and 200 ms. Each figure carries the load average.
 */
import type { Page } from '@playwright/test';

import { armLatency } from '../e2e/latency';
import { loadAverage } from './uiSgdDone';

const CURVE = '[data-view="trajectories"] path.curve[data-series="q1"]';
const DIAGRAM = '[data-view="diagram"]';

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]!, values };
}

export async function hugeSliderToCurve(page: Page, base: string) {
  await page.goto(`${base}/?model=gan&n=100000&T=10000&runs=16`);
  await page.waitForSelector('.status[data-sgd="running"]', { timeout: 60_000 });
  await page.waitForFunction(
    `document.querySelector('.ode-status')?.textContent?.includes('ODE ✓')`,
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(2000);
  const load = loadAverage();
  const tau = page.getByRole('slider', { name: 'τ: discriminator learning rate' });
  const latencies: number[] = [];
  for (let k = 0; k < 10; k++) {
    await tau.focus();
    const watch = await armLatency(page, 'keydown', { kind: 'd-changed', selector: CURVE });
    await page.keyboard.press(k % 2 ? 'ArrowLeft' : 'ArrowRight');
    latencies.push(Math.round(await watch.read()));
    await page.waitForTimeout(600);
  }
  return { ...summary(latencies), goal_ms: 100, loadavg_1min: load };
}

const cellsDone = (page: Page) =>
  page
    .locator(`${DIAGRAM} progress[aria-label="Phase diagram progress"]`)
    .getAttribute('value')
    .then(Number);

export async function hugeDiagramCancel(page: Page, base: string) {
  await page.goto(`${base}/?model=gan&lambda=1&dn=100&n=200&T=100`);
  const load = loadAverage();
  const runs: { ms: number; cells_at_click: number; cells_1s_later: number }[] = [];
  for (let k = 0; k < 3; k++) {
    const cancel = page.locator(DIAGRAM).getByRole('button', { name: 'Cancel' });
    await cancel.waitFor({ timeout: 60_000 });
    const from = await cellsDone(page);
    // Cells are on their way: every analysis worker is busy.
    await page.waitForFunction(
      `Number(document.querySelector('${DIAGRAM} progress[aria-label="Phase diagram progress"]')?.getAttribute('value')) > ${from + 20}`,
      null,
      { timeout: 60_000 },
    );
    const watch = await armLatency(page, 'click', {
      kind: 'button',
      within: DIAGRAM,
      name: 'Resume',
    });
    await cancel.click();
    const ms = Math.round(await watch.read());
    const atClick = await cellsDone(page);
    await page.waitForTimeout(1000);
    runs.push({ ms, cells_at_click: atClick, cells_1s_later: await cellsDone(page) });
    await page.locator(DIAGRAM).getByRole('button', { name: 'Resume' }).click();
  }
  return { ...summary(runs.map((r) => r.ms)), runs, goal_ms: 200, loadavg_1min: load };
}

export const HUGE_SECTIONS = {
  ui_huge_slider_to_curve_ms: hugeSliderToCurve,
  ui_huge_diagram_cancel_ms: hugeDiagramCancel,
} as const;
