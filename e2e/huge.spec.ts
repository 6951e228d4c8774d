/**
 * Huge work stays responsive and cancellable (docs/reliability.md): 16 SGD runs at n = 10⁵ and
 * T = 10⁴ use every core, yet a slider move still shows its ODE curve; the phase diagram at
 * 100 × 100 cells and finite λ stops when cancelled. The tests assert that (a curve drawn, a
 * diagram that stops and holds), not how fast: timing is a figure, printed and attached to the
 * report as an annotation, never a failure (a wall-clock bound on the shared 2-core machine failed
 * at 1541 ms against 1500 on one clean run and passed at 1128 ms on the one before). The figures
 * are taken inside the page, from the input event to the frame that shows its effect
 * (latency.ts): timed from the test, the cancel's figure was mostly Playwright's polling.
 */
import { expect, test } from '@playwright/test';

import { armLatency } from './latency';

const CURVE = '[data-view="trajectories"] path.curve[data-series="q1"]';

/** docs/reliability.md: the goals are 100 ms (curve) and 200 ms (cancel) on an idle machine. */
const figure = (type: string, description: string) =>
  test.info().annotations.push({ type, description });

test('while 16 runs at n = 10⁵, T = 10⁴ go, a slider move redraws the curve; Pause holds', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?model=gan&n=100000&T=10000&runs=16');
  const status = page.locator('.status');
  await expect(status).toHaveAttribute('data-sgd', 'running', { timeout: 30_000 });
  await expect(page.locator('.ode-status')).toContainText('ODE ✓', { timeout: 30_000 });
  const curve = page.locator(CURVE);
  const latencies: number[] = [];
  const tau = page.getByRole('slider', { name: 'τ: discriminator learning rate' });
  for (let k = 0; k < 5; k++) {
    const before = await curve.getAttribute('d');
    await tau.focus();
    const watch = await armLatency(page, 'keydown', { kind: 'd-changed', selector: CURVE });
    await page.keyboard.press(k % 2 ? 'ArrowLeft' : 'ArrowRight');
    await expect.poll(() => curve.getAttribute('d'), { intervals: [10] }).not.toBe(before);
    latencies.push(Math.round(await watch.read()));
    await page.waitForTimeout(300);
  }
  console.log(`huge: slider → curve ${latencies.join(', ')} ms`);
  figure('slider → curve (ms)', latencies.join(', '));
  // The SGD restarted for the new state and Pause holds it.
  await expect(status).toHaveAttribute('data-sgd', 'running', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause the SGD' }).click();
  await expect(status).toHaveAttribute('data-sgd', 'paused');
  const progress = page.locator('progress[aria-label="SGD progress"]');
  await page.waitForTimeout(500);
  const held = await progress.getAttribute('value');
  await page.waitForTimeout(1000);
  expect(await progress.getAttribute('value')).toBe(held);
});

test('a 100 × 100 phase diagram at finite λ stops when cancelled', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?model=gan&lambda=1&dn=100&n=200&T=100');
  const view = page.locator('[data-view="diagram"]');
  const cancel = view.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible({ timeout: 30_000 });
  const bar = view.locator('progress[aria-label="Phase diagram progress"]');
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  const watch = await armLatency(page, 'click', {
    kind: 'button',
    within: '[data-view="diagram"]',
    name: 'Resume',
  });
  await cancel.click();
  await expect(view.getByRole('button', { name: 'Resume' })).toBeVisible();
  const cancelMs = Math.round(await watch.read());
  const stoppedAt = await bar.getAttribute('value');
  await page.waitForTimeout(1500);
  expect(await bar.getAttribute('value')).toBe(stoppedAt);
  console.log(`huge: diagram cancel ${cancelMs} ms at ${stoppedAt}/10000 cells`);
  figure('diagram cancel (ms)', String(cancelMs));
  // The rest still answers.
  await page.getByRole('slider', { name: 'τ: discriminator learning rate' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.ode-status')).toContainText('ODE ✓', { timeout: 10_000 });
});

test('beyond the memory bound the cloud draws an even stride of the coordinates, and says so', async ({
  page,
}) => {
  // core/microSample.ts: at most 20 000 coordinates per snapshot reach the main thread.
  await page.goto('/?model=gan&d=1&n=30000&T=1&tab=cloud');
  const cloud = page.locator('[data-view="cloud"]');
  await expect(cloud.locator('path.ellipse').first()).toBeVisible({ timeout: 60_000 });
  await expect(cloud.locator('.view-note')).toContainText(
    '20,000 of 30,000 coordinates drawn (an even stride',
  );
  await page.goto('/?model=gan&d=1&n=2000&T=1&tab=cloud');
  await expect(cloud.locator('path.ellipse').first()).toBeVisible({ timeout: 60_000 });
  await expect(cloud.locator('.view-note')).not.toContainText('coordinates drawn');
});
