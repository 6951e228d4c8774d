/**
 * Worker faults and silent failures (docs/reliability.md). Each worker kind is made to crash
 * (an uncaught error: the lane's `error` listener), to close itself or to be killed from outside
 * (both silent: the watchdog, shortened here to 1.5 s for the faulted call alone). The view says what happened, the job runs
 * again on a fresh worker, and the rest of the page keeps working. The hook exists only because
 * the init script sets window.__macroscopeTestHooks before the app loads.
 */
import { expect, type Page, test } from '@playwright/test';

const SMALL = '/?model=gan&tau=0.2&taut=0.04&eta=2&n=300&seed=7&T=20';
const FAULTS = ['throw', 'close', 'terminate'] as const;
const WATCHDOG_MS = 1500;

async function openWithHooks(page: Page, url: string): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __macroscopeTestHooks: boolean }).__macroscopeTestHooks = true;
  });
  await page.goto(url);
  await page.waitForFunction(() => '__macroscopeTest' in window);
}

async function fault(page: Page, kind: string, how: string): Promise<void> {
  await page.evaluate(
    ([k, h, ms]) =>
      (
        window as unknown as { __macroscopeTest: { fault(k: string, h: string, ms: number): void } }
      ).__macroscopeTest.fault(k as string, h as string, ms as number),
    [kind, how, WATCHDOG_MS] as const,
  );
}

/** What a fault is reported as: a crash by its error event, the silent ones by the watchdog. */
const reported = (how: string) => (how === 'throw' ? /crashed/ : /did not answer for 1\.5 s/);

async function nudgeTau(page: Page): Promise<void> {
  const tau = page.getByRole('slider', { name: 'τ: discriminator learning rate' });
  await tau.focus();
  await page.keyboard.press('ArrowRight');
}

for (const how of FAULTS) {
  test(`ODE worker (${how}): the trajectories view says so and the curve is recomputed`, async ({
    page,
  }) => {
    await openWithHooks(page, SMALL);
    const ode = page.locator('.ode-status');
    await expect(ode).toContainText('ODE ✓');
    await fault(page, 'ode', how);
    await nudgeTau(page);
    const view = page.locator('[data-view="trajectories"]');
    await expect(view.locator('.view-error')).toContainText('the ODE worker', { timeout: 10_000 });
    await expect(view.locator('.view-error')).toContainText(reported(how));
    await expect(view.locator('.view-error')).toContainText('it was restarted');
    await expect(ode).toContainText('ODE ✓', { timeout: 10_000 });
    // The message leaves room for the recomputed chart.
    const body = await view.locator('.view-body').boundingBox();
    expect(body!.height).toBeGreaterThan(200);
    // The next change runs on the new worker, and the error goes.
    await nudgeTau(page);
    await expect(view.locator('.view-error')).toHaveCount(0);
    await expect(ode).toContainText('ODE ✓');
  });

  test(`SGD worker (${how}) mid-run: no frozen progress with Pause offered; it runs again`, async ({
    page,
  }) => {
    await openWithHooks(page, '/?model=gan&tau=0.2&taut=0.04&eta=2&n=4000&seed=7&T=300');
    const status = page.locator('.status');
    await expect(status).toHaveAttribute('data-sgd', 'running', { timeout: 20_000 });
    await expect(page.locator('.sgd-status')).not.toContainText('t = 0/', { timeout: 20_000 });
    await fault(page, 'sgd', how);
    const view = page.locator('[data-view="trajectories"]');
    await expect(view.locator('.view-error')).toContainText('an SGD worker', { timeout: 10_000 });
    await expect(view.locator('.view-error')).toContainText(reported(how));
    // The run was started again on fresh workers; the ODE still answers.
    await expect(status).toHaveAttribute('data-sgd', /running|done/);
    await expect(page.getByRole('button', { name: 'Pause the SGD' })).toBeVisible();
    await expect(page.locator('.sgd-status')).not.toContainText('failed');
    await nudgeTau(page);
    await expect(page.locator('.ode-status')).toContainText('ODE ✓', { timeout: 10_000 });
  });

  test(`analysis worker (${how}): the portrait says so and the fixed points come back`, async ({
    page,
  }) => {
    await openWithHooks(page, SMALL);
    const portrait = page.locator('[data-view="portrait"]');
    await expect(portrait.locator('.fixed-point').first()).toBeVisible({ timeout: 20_000 });
    await fault(page, 'analysis', how);
    await nudgeTau(page);
    await expect(portrait.locator('.view-error')).toContainText('the fixed-point worker', {
      timeout: 10_000,
    });
    await expect(portrait.locator('.view-error')).toContainText(reported(how));
    await expect(portrait.locator('.fixed-point').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.ode-status')).toContainText('ODE ✓');
  });
}

test('a view that throws shows its message and a Retry; the other views keep working', async ({
  page,
}) => {
  await openWithHooks(page, SMALL);
  await expect(page.locator('.ode-status')).toContainText('ODE ✓');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.evaluate(() =>
    (
      window as unknown as { __macroscopeTest: { breakView(id: string, b: boolean): void } }
    ).__macroscopeTest.breakView('portrait', true),
  );
  const broken = page.locator('[data-boundary="portrait"]');
  await expect(broken).toContainText(
    /the [\w ]*portrait view failed: injected fault in the portrait view \(test hook\)/,
  );
  await expect(broken).not.toContainText(/at \w+ \(|\.tsx?:\d+/); // no stack trace
  await nudgeTau(page);
  await expect(page.locator('[data-view="trajectories"] path.curve').first()).toBeVisible();
  await expect(page).toHaveURL(/tau=0\.205/);
  await page.evaluate(() =>
    (
      window as unknown as { __macroscopeTest: { breakView(id: string, b: boolean): void } }
    ).__macroscopeTest.breakView('portrait', false),
  );
  await broken.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('[data-view="portrait"] svg').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('an ODE stopped at its step limit gets a banner, not "ODE ✓"', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?model=pca&lambda=20&cdelta=4&k=4&scaling=tensor&n=100000');
  const banner = page.locator('.ode-stopped');
  await expect(banner).toContainText(/ODE stopped at t = [\d.e-]+ of T = 10 after 1000000 steps/, {
    timeout: 90_000,
  });
  await expect(page.locator('.ode-status')).toHaveCount(0);
});

test('a diverging SGD says where, its dots stop there, and no NaN reaches a path', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('/?model=gan&lambda=0.01&tau=4&taut=4&eta=10&T=200&n=300&tab=cloud');
  const banner = page.locator('.sgd-diverged');
  await expect(banner).toContainText(
    /SGD diverged at t = [\d.]+ in \w+ \(run \d+: (NaN|-?Infinity)\); dots stop there/,
    {
      timeout: 30_000,
    },
  );
  await expect(page.locator('.sgd-status')).not.toContainText('· done');
  await expect(page.locator('.status')).toHaveAttribute('data-cloud', /done|idle/, {
    timeout: 30_000,
  });
  const nanPaths = await page.locator('path[d*="NaN"], [transform*="NaN"]').count();
  expect(nanPaths).toBe(0);
  expect(errors.filter((e) => /NaN/.test(e))).toEqual([]);
});
