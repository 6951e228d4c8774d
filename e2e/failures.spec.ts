/**
 * The three bugs of issue 12: the GMM's fluctuation runs, a diagram worker's error shown as
 * "cancelled", and the swallowed errors of the scan, the overlay and the aligned ODE. A worker
 * failure is injected by serving the worker's bundle with a listener in front of comlink's that
 * answers one method with a thrown Error, in comlink's own wire format.
 */
import { expect, type Page, test } from '@playwright/test';

const FAILURE = 'injected worker failure';

/** Make every call of `method` on the worker whose bundle starts with `worker` throw. */
async function failWorkerMethod(page: Page, worker: string, method: string): Promise<void> {
  await page.context().route(new RegExp(`/assets/${worker}-[^/]*\\.js$`), async (route) => {
    const response = await route.fetch();
    const inject = `
self.addEventListener('message', (ev) => {
  const d = ev.data;
  if (d && d.type === 'APPLY' && Array.isArray(d.path) && d.path[0] === ${JSON.stringify(method)}) {
    ev.stopImmediatePropagation();
    self.postMessage({ id: d.id, type: 'HANDLER', name: 'throw',
      value: { isError: true, value: { name: 'Error', message: ${JSON.stringify(FAILURE)}, stack: '' } } });
  }
});
`;
    await route.fulfill({ response, body: inject + (await response.text()) });
  });
}

test('GMM: the fluctuation view runs the 64 runs its picker shows, and 200 when asked', async ({
  page,
}) => {
  await page.goto('/?model=gmm&n=100&T=10');
  const view = page.locator('[data-view="fluctuation"]');
  const picker = view.getByLabel('Runs of the ensemble');
  await expect(picker).toHaveValue('64');
  await expect(view).toContainText('64 runs at t = 10', { timeout: 30_000 });
  await picker.selectOption('200');
  await expect(page).toHaveURL(/nr=200/);
  await expect(view).toContainText('200 runs at t = 10', { timeout: 30_000 });
  await picker.selectOption('64');
  await expect(page).not.toHaveURL(/nr=/);
  await expect(view).toContainText('64 runs at t = 10', { timeout: 30_000 });
  // The basins view keeps its own default.
  await page.getByRole('tab', { name: 'Basins' }).click();
  await expect(page.locator('[data-view="basins"]').getByLabel('Runs of the ensemble')).toHaveValue(
    '200',
  );
});

test('a phase-diagram worker error says why, and is not shown as cancelled', async ({ page }) => {
  await failWorkerMethod(page, 'analysis.worker', 'diagram');
  await page.goto('/?model=gan&n=50&T=5');
  const view = page.locator('[data-view="diagram"]');
  await expect(view.locator('.view-note')).toContainText(`failed at 0/900 cells: ${FAILURE}`, {
    timeout: 30_000,
  });
  await expect(view).not.toContainText('cancelled');
  await expect(view.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('a failed scan says why in the scan view', async ({ page }) => {
  await failWorkerMethod(page, 'analysis.worker', 'scan');
  await page.goto('/?model=vae&n=100&T=10&tab=scan');
  await expect(page.locator('[data-view="scan"] .view-error')).toContainText(`scan: ${FAILURE}`, {
    timeout: 30_000,
  });
});

test('a failed overlay says why in the trajectories view', async ({ page }) => {
  await failWorkerMethod(page, 'ode.worker', 'odeMany');
  await page.goto('/?model=gan&n=50&T=5&ov=tau:0.1,0.3');
  const view = page.locator('[data-view="trajectories"]');
  await expect(view.locator('.view-error')).toContainText(`overlay: ${FAILURE}`, {
    timeout: 30_000,
  });
  // The main ODE, in the same kind of worker, is still drawn.
  await expect(view.locator('path.curve').first()).toBeVisible();
});

test('a failed aligned ODE says why in the trajectories view', async ({ page }) => {
  await failWorkerMethod(page, 'ode.worker', 'odeFrom');
  await page.goto('/?model=pca&lambda=1.5&k=2&init=random&n=300&seed=1&T=6');
  await expect(page.locator('[data-view="trajectories"] .view-error')).toContainText(
    `aligned: ${FAILURE}`,
    { timeout: 30_000 },
  );
});
