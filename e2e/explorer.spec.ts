import { readFileSync } from 'node:fs';

import { expect, type Page, test } from '@playwright/test';

/** A small, fast state: the SGD finishes in about a second. */
const SMALL =
  '/?model=gan&eta=2&tau=0.2&taut=0.04&lambda=inf&d=2&Lambda=5,3&LambdaT=5,3&P0=0.1,0.1&q0=0.1,0.1&n=300&seed=7&T=20';

async function sgdDone(page: Page) {
  await expect(page.locator('.sgd-status')).toContainText('· done', { timeout: 30_000 });
}

async function exportFrom(page: Page, view: string, item: string) {
  await page
    .locator(`[data-view="${view}"]`)
    .getByRole('button', { name: /^Export/ })
    .click();
  const wait = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  const download = await wait;
  return {
    name: download.suggestedFilename(),
    text: readFileSync((await download.path())!, 'utf8'),
    path: (await download.path())!,
  };
}

test('every preset draws ODE curves and SGD dots', async ({ page }) => {
  // Fourteen presets, each with its SGD restart and phase diagram, on a 2-core machine.
  test.setTimeout(180_000);
  await page.goto('/');
  const presets = await page
    .getByLabel('Preset')
    .locator('option:not([disabled]):not([value="defaults"])')
    .all();
  const ids = await Promise.all(presets.map((o) => o.getAttribute('value')));
  expect(ids).toEqual([
    'fig1a',
    'fig1b',
    'fig1c',
    'fig2',
    'fig4a',
    'fig4b',
    'fig4c',
    'fig4d',
    'fig3b',
    'fig3b-bifurcation',
    'fig5',
    'fig3a-pq',
    'fig3a-pr',
    'fig3a-qr',
  ]);
  for (const id of ids) {
    await page.getByLabel('Preset').selectOption(id!);
    await expect(
      page.locator('[data-view="trajectories"] path.curve[data-series="P11"]'),
    ).toHaveCount(1);
    await expect(page.locator('[data-view="trajectories"] circle.dot').first()).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.locator('[data-view="portrait"] path.curve')).toHaveCount(1);
  }
});

test('moving τ with the keyboard changes the curve and the URL', async ({ page }) => {
  await page.goto(SMALL);
  const curve = page.locator('[data-view="trajectories"] path.curve[data-series="q1"]');
  await expect(curve).toHaveCount(1);
  const before = await curve.getAttribute('d');
  const tau = page.getByRole('slider', { name: 'τ: discriminator learning rate' });
  await tau.focus();
  await page.keyboard.press('PageUp');
  await expect(page).toHaveURL(/tau=0\.6(&|$)/);
  await expect.poll(async () => curve.getAttribute('d')).not.toBe(before);
  await expect(
    page.getByRole('textbox', { name: 'τ: discriminator learning rate value' }),
  ).toHaveValue('0.6');
});

test('typed input is validated, clamped with a message, and applied', async ({ page }) => {
  await page.goto(SMALL);
  const box = page.getByRole('textbox', { name: 'τ: discriminator learning rate value' });
  await box.fill('9');
  await box.press('Enter');
  await expect(page.getByRole('alert')).toContainText('9 is outside [0.001, 4]; using 4');
  await expect(page).toHaveURL(/tau=4/);
  await box.fill('abc');
  await box.press('Enter');
  await expect(page.getByRole('alert')).toContainText('must be a number');
  await expect(page).toHaveURL(/tau=4/);
});

test('a shared URL opens the same view: identical CSV, bit for bit', async ({ page, browser }) => {
  await page.goto(`${SMALL}&runs=2&x=P22&y=q2&tc=12`);
  await sgdDone(page);
  const first = await exportFrom(page, 'trajectories', 'CSV');
  const url = page.url();
  const other = await browser.newPage();
  await other.goto(url);
  await expect(other.getByLabel('Portrait x axis')).toHaveValue('P22');
  await expect(other.getByLabel('Portrait y axis')).toHaveValue('q2');
  await expect(other.getByLabel('SGD runs averaged')).toHaveValue('2');
  await sgdDone(other);
  const second = await exportFrom(other, 'trajectories', 'CSV');
  expect(second.text).toBe(first.text);
  expect(first.text.split('\n')[0]).toBe(
    'source,t,P11,P12,P21,P22,q1,q2,r1,r2,S12,P11_std,P12_std,P21_std,P22_std,q1_std,q2_std,r1_std,r2_std,S12_std',
  );
  expect(first.text).toMatch(/^sgd,20,/m);
  await other.close();
});

test('exports: standalone SVG, PNG at 2×, CSV and JSON parse', async ({ page }) => {
  await page.goto(SMALL);
  await sgdDone(page);
  const svg = await exportFrom(page, 'trajectories', 'SVG');
  expect(svg.name).toBe('macroscope-gan-trajectories.svg');
  expect(svg.text).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg.text).toContain('fill="white"');
  expect(svg.text).toContain('τ=0.2');
  const parsed = await page.evaluate(
    (text) =>
      new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null,
    svg.text,
  );
  expect(parsed).toBe(true);
  const png = await exportFrom(page, 'portrait', 'PNG 2×');
  const bytes = readFileSync(png.path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = bytes.readUInt32BE(16);
  const shown = await page.locator('[data-view="portrait"] svg.chart').getAttribute('width');
  expect(width).toBe(2 * Number(shown));
  const csv = await exportFrom(page, 'trajectories', 'CSV');
  const json = JSON.parse((await exportFrom(page, 'trajectories', 'JSON')).text) as {
    ode: { t: number[] };
    sgd: { t: number[] };
  };
  // The ODE as drawn: the even 601-sample grid plus finer samples where the curve turns
  // (core/adaptiveSamples.ts); strictly increasing times.
  const odeT = json.ode.t;
  expect(odeT.length).toBeGreaterThanOrEqual(601);
  expect(odeT.every((t, k) => k === 0 || t > odeT[k - 1]!)).toBe(true);
  const T = odeT[odeT.length - 1]!;
  for (let k = 0; k <= 600; k += 50)
    expect(odeT.some((t) => Math.abs(t - (T * k) / 600) < 1e-9 * T)).toBe(true);
  expect(json.sgd.t).toHaveLength(121);
  expect(csv.text.trim().split('\n').length).toBe(1 + odeT.length + 121);
});

test('the point cloud and its three ellipses are drawn, and the scrubber moves the cursor', async ({
  page,
}) => {
  await page.goto(SMALL);
  await sgdDone(page);
  await expect(page.locator('[data-view="cloud"] path.ellipse')).toHaveCount(3);
  const painted = await page
    .locator('[data-view="cloud"] canvas')
    .evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
  expect(painted).toBeGreaterThan(200);
  const scrubber = page.getByRole('slider', { name: 'Snapshot time' });
  await scrubber.focus();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/tc=0(&|$)/);
  await expect(page.locator('[data-view="cloud"] .scrub-time')).toHaveText('t = 0');
});

test('bad URL values show notices and the page keeps working', async ({ page }) => {
  await page.goto('/?model=gan&tau=-1&runs=999&x=nope&d=9&bogus=1');
  const status = page.getByRole('status').first();
  await expect(status).toContainText('τ (tau) must be in [0.001, 4]; got -1, using 0.001');
  await expect(status).toContainText('runs must be an integer in 1..256; got 999, using 256');
  await expect(status).toContainText('portrait axis x=nope is neither t nor an order parameter');
  await expect(status).toContainText('d (d) must be in [1, 4]; got 9, using 4');
  await expect(status).toContainText("unknown parameter 'bogus'");
  await expect(
    page.locator('[data-view="trajectories"] path.curve[data-series="P44"]'),
  ).toHaveCount(1);
  await page.getByRole('slider', { name: 'τ: discriminator learning rate' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/tau=0\.005/);
});

test('50 rapid slider changes end in a consistent state with no stale dots', async ({
  page,
  browser,
}) => {
  await page.goto(SMALL);
  const tau = page.getByRole('slider', { name: 'τ: discriminator learning rate' });
  await tau.focus();
  for (let i = 0; i < 50; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(40);
  }
  await expect(page).toHaveURL(/tau=0\.45(&|$)/); // 0.2 + 50 × 0.005
  await sgdDone(page);
  const after = await exportFrom(page, 'trajectories', 'CSV');
  // A fresh page at the final URL computes the same curves and dots from scratch.
  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  await sgdDone(fresh);
  const reference = await exportFrom(fresh, 'trajectories', 'CSV');
  expect(after.text).toBe(reference.text);
  await fresh.close();
});

test('pause holds the SGD and resume finishes it; the Figure layout exports one SVG', async ({
  page,
}) => {
  // Long enough that Pause lands while the runs go: the exact Gram chain finishes T = 20 at
  // n = 3000 in well under a second (4 runs to T = 1000 are 12M steps: a few seconds).
  await page.goto(SMALL.replace('n=300', 'n=3000').replace('T=20', 'T=1000&runs=4'));
  await page.getByRole('button', { name: 'Pause the SGD' }).click({ timeout: 10_000 });
  await expect(page.getByRole('status')).toContainText('paused');
  // The chunk already in flight when Pause was pressed may still land; then nothing moves.
  await page.waitForTimeout(400);
  const t1 = await page.locator('.sgd-status').textContent();
  await page.waitForTimeout(800);
  expect(await page.locator('.sgd-status').textContent()).toBe(t1);
  await page.getByRole('button', { name: 'Resume the SGD' }).click();
  await expect(page.locator('.sgd-status')).toContainText('· done', { timeout: 90_000 });
  await page.getByRole('button', { name: /Figure/ }).click();
  await expect(page).toHaveURL(/view=figure/);
  const wait = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export figure \(SVG\)/ }).click();
  const text = readFileSync((await (await wait).path())!, 'utf8');
  expect((text.match(/<svg/g) ?? []).length).toBe(4); // the frame and three panels
});

test('the model picker switches to the β-VAE, whose ODE and SGD are drawn by the same views', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Model').selectOption('vae');
  await expect(page).toHaveURL(/model=vae/);
  await expect(
    page.locator('[data-view="trajectories"] path.curve[data-series="m11"]'),
  ).toHaveCount(1);
  await expect(
    page.locator('[data-view="trajectories"] path.curve[data-series="epsg"]'),
  ).toHaveCount(1);
  await expect(page.locator('[data-view="trajectories"] circle.dot').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByLabel('Portrait x axis')).toHaveValue('m11');
  await page.getByLabel('Preset').selectOption('fig1-collapse');
  await expect(page).toHaveURL(/beta=2\.5/);
});

test('an overlay draws the ODE for several values of one parameter, from the URL or the input', async ({
  page,
}) => {
  await page.goto('/?model=vae&tau=0.1&beta=0.5&init=informed&n=300&T=60&ov=beta:0.5,1,2.5');
  await expect(page.locator('[data-view="trajectories"] path.overlay-curve')).toHaveCount(3);
  await expect(page.locator('[data-view="trajectories"] text.overlay-label').last()).toHaveText(
    'β = 2.5',
  );
  const input = page.getByLabel('Overlay values');
  await input.fill('beta=0.5,1.5');
  await input.press('Enter');
  await expect(page).toHaveURL(/ov=beta:0\.5,1\.5/);
  await expect(page.locator('[data-view="trajectories"] path.overlay-curve')).toHaveCount(2);
  await input.fill('');
  await input.press('Enter');
  await expect(page.locator('[data-view="trajectories"] path.overlay-curve')).toHaveCount(0);
});

test('the VAE shows its Fig. 2 scan: settled ε_g against β with β = η and β = ρ + η marked', async ({
  page,
}) => {
  await page.goto('/?model=vae&tau=0.1&beta=0.5&init=informed&n=300&T=60');
  await expect(page.locator('[data-view="scan"] circle.dot')).toHaveCount(60, { timeout: 30_000 });
  await expect(page.locator('[data-view="scan"] g.scan-mark text')).toHaveText([
    'β = ρ + η',
    'β = η',
  ]);
  // 'ε_g' is typeset as εg (no Unicode subscript g exists; docs/architecture.md, Typeset names).
  await expect(page.locator('[data-view="scan"] .ylabel')).toHaveText('settled εg');
});
