import { expect, test } from '@playwright/test';

/**
 * The views the later models brought, driven through the generic contract: fluctuation (PCA),
 * basins (GMM), rate, tabs and attraction regions (contrastive), and the VAE's scan picker.
 * Small n, T and run counts keep each under a few seconds of SGD.
 */

test('PCA fluctuation view: runs, the OU band and a histogram at the chosen time', async ({
  page,
}) => {
  await page.goto('/?model=pca&lambda=0.8&k=2&init=random&n=300&seed=1&T=3&view=fluctuation&nr=20');
  const view = page.locator('[data-view="fluctuation"]');
  await expect(view.locator('path.run')).toHaveCount(20, { timeout: 30_000 });
  await expect(view.locator('path.law-band')).toHaveCount(2);
  await expect(view).toContainText('20 runs at t = 3', { timeout: 30_000 });
  await expect(view.locator('rect.bar:not([height="0"])').first()).toBeVisible();
  await expect(view.locator('path.gauss')).toHaveCount(1);
  // A click on the paths moves the histogram's time, and the link keeps it.
  const box = (await view.locator('rect.pick').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(view).toContainText(/runs at t = 1\.[4-6]/);
  await expect(page).toHaveURL(/ht=1\.[4-6]/);
});

test('PCA fig5-radial opens the radial spec: √n(r⊥² − r_eq), its (3.5) band, a picker', async ({
  page,
}) => {
  await page.goto('/?model=pca');
  await page.getByLabel('Preset').selectOption('fig5-radial');
  await expect(page).toHaveURL(/fl=r2/);
  const view = page.locator('[data-view="fluctuation"]');
  await expect(view).toContainText('Fluctuations: √n·(r⊥² − r*)');
  await expect(view.getByLabel('Fluctuating quantity')).toHaveValue('r2');
  // The band is drawn once the first runs arrive; the law is (3.5)'s, not Prop. 3.3's.
  await expect(view.locator('path.law-band')).toHaveCount(2, { timeout: 45_000 });
  await expect(view.locator('path.run').first()).toBeVisible();
  // Back to √n·m through the picker: the default, so the key leaves the link.
  await view.getByLabel('Fluctuating quantity').selectOption('m');
  await expect(view).toContainText('Fluctuations: √n·m');
  await expect(page).not.toHaveURL(/fl=/);
});

test('GMM basins view: end points, and fractions per basin beside the prediction', async ({
  page,
}) => {
  await page.goto(
    '/?model=gmm&lambda=100&alpha=0.1&init=random&sv=1&r0=0.01&n=100&seed=1&T=20&view=basins&nr=20',
  );
  const view = page.locator('[data-view="basins"]');
  await expect(view.locator('circle.end-point.sgd')).toHaveCount(20, { timeout: 60_000 });
  const rows = view.locator('table.basin-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('50.0 %');
  await expect(view.locator('circle.end-point.ode')).toHaveCount(20, { timeout: 60_000 });
});

test('contrastive: the rate view marks its fixed points; tabs switch; regions shade the plane', async ({
  page,
}) => {
  await page.goto(
    '/?model=contrastive&tau=0.09&batch=10&sigma=square&d1=1&c1=sparse:5,0.2&q0=0.55&n=500&seed=1&T=50',
  );
  const rate = page.locator('[data-view="rate"]');
  await expect(rate.locator('circle.fixed-point.stable')).toHaveCount(2);
  await expect(rate.locator('circle.fixed-point.unstable')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Scans' }).click();
  await expect(page.locator('[data-view="scan"]')).toBeVisible();
  await expect(page).toHaveURL(/tab=scan/);
  // Two features: the attraction regions on the (Q1, Q2) plane, on symlog axes.
  await page.goto(
    '/?model=contrastive&tau=0.05&batch=10&sigma=square&d1=2&c1=gauss:1.2&q0=0.1,0.1&n=500&seed=1&T=50',
  );
  const portrait = page.locator('[data-view="portrait"]');
  await portrait.getByLabel('regions').check();
  await portrait.getByLabel('log').check();
  await expect(page).toHaveURL(/att=1/);
  await expect(portrait.locator('rect.basin-cell').first()).toBeVisible({ timeout: 60_000 });
  await expect(portrait).toContainText('feature 1');
  await expect(portrait).toContainText('feature 2');
});

test('VAE: the scan picker switches to the convergence time against γ', async ({ page }) => {
  await page.goto('/?model=vae&tau=1&rho=1&eta=1&lambda=0&init=informed&m0=0.1&betaTarget=1&T=60');
  const scan = page.locator('[data-view="scan"]');
  await scan.getByLabel('Scan', { exact: true }).selectOption('gamma');
  await expect(page).toHaveURL(/sc=gamma/);
  await expect(scan.locator('g.scan-ref line')).toHaveCount(1, { timeout: 30_000 });
  await expect(scan.locator('circle.dot')).toHaveCount(40);
  await expect(scan.locator('g.scan-mark')).toHaveCount(2);
});

test('every preset of every model draws its ODE without an error', async ({ page }) => {
  // Over sixty presets: XOR's Figs. 9–10 at λ = 100 integrate Prop. 9.1's quadrature ODE (~15 s
  // of CPU each), and four start a continuation on an analysis worker.
  test.setTimeout(240_000);
  await page.goto('/');
  const modelIds = await page
    .getByLabel('Model')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(modelIds).toEqual(['gan', 'vae', 'pca', 'gmm', 'xor', 'contrastive']);
  for (const id of modelIds) {
    await page.getByLabel('Model').selectOption(id);
    const presets = await page
      .getByLabel('Preset')
      .locator('option:not([disabled]):not([value="defaults"])')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(presets.length).toBeGreaterThan(2);
    for (const preset of presets) {
      await page.getByLabel('Preset').selectOption(preset);
      // Maximised presets (view=…) show one view; the ODE's status is in the status line.
      await expect(page.locator('.ode-status')).toContainText('ODE ✓', { timeout: 90_000 });
      await expect(page.locator('.app')).not.toContainText('internal error');
      await expect(page.locator('.status')).not.toContainText(/rejected|error/i);
    }
  }
});

test('PCA random start: the ODE is also drawn from run 0’s exit of the O(1/√n) window', async ({
  page,
}) => {
  await page.goto('/?model=pca&lambda=1.5&k=2&init=random&n=300&seed=1&T=6');
  const view = page.locator('[data-view="trajectories"]');
  await expect(view.locator('path.aligned-curve[data-series="m"]')).toHaveCount(1, {
    timeout: 30_000,
  });
  await expect(view.locator('text.aligned-label')).toContainText("ODE from run 0's exit");
  // The dashed ODE ends where the run ends: on the same branch (sign) as the SGD's m.
  const ends = await page.evaluate(() => {
    const path = document.querySelector('path.aligned-curve[data-series="m"]')!.getAttribute('d')!;
    const last = path.split(/[ML]/).filter(Boolean).at(-1)!.split(',').map(Number);
    const dots = Array.from(
      document.querySelectorAll('[data-view="trajectories"] g.dotseries[data-series="m"] circle'),
    );
    const lastDot = dots.at(-1)!;
    return { curveY: last[1]!, dotY: Number(lastDot.getAttribute('cy')) };
  });
  expect(Math.abs(ends.curveY - ends.dotY)).toBeLessThan(40);
});
