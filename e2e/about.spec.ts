import { readFileSync } from 'node:fs';

import { expect, type Page, test } from '@playwright/test';

/**
 * Issue 17's leftovers: the cloud's colour bar (defect 9), room for the VAE trajectories
 * (defect 20), the "About this view" popover (ⓘ) and the legend buttons' tooltips. Small n and
 * T keep the SGD short: these tests look at what is drawn.
 */

const CLOUD = '/?model=gan&d=1&Lambda=5&LambdaT=5&n=500&T=15&view=cloud';

async function exportSvg(page: Page, view: string): Promise<string> {
  await page
    .locator(`[data-view="${view}"]`)
    .getByRole('button', { name: /^Export/ })
    .click();
  const wait = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'SVG', exact: true }).click();
  return readFileSync((await (await wait).path())!, 'utf8');
}

test('defect 9: a coloured cloud has a colour bar with ticks and its name, also in the SVG', async ({
  page,
}) => {
  await page.goto(CLOUD);
  const bar = page.locator('[data-view="cloud"] g.color-bar');
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await expect(bar.locator('rect.bin')).toHaveCount(12);
  await expect(bar.locator('.color-label')).toHaveText('√n [U]ᵢ₁');
  await expect(bar.locator('.tick text')).toHaveText(['−2', '−1', '0', '1', '2']);
  // The bar sits right of the plot, not over the points.
  const plotRight = await page
    .locator('[data-view="cloud"] g.x.axis path.domain')
    .evaluate((el) => el.getBoundingClientRect().right);
  const barLeft = await bar
    .locator('rect.outline')
    .evaluate((el) => el.getBoundingClientRect().left);
  expect(barLeft).toBeGreaterThan(plotRight);
  const svg = await exportSvg(page, 'cloud');
  expect(svg).toContain('color-bar');
  expect((svg.match(/class="bin"/g) ?? []).length).toBe(12);
  expect(svg).toContain('√n [U]ᵢ₁');
  // The export's legend no longer shows one orange dot for red-to-blue points (defect 3).
  expect(svg).toContain('coordinates i (colour: see bar)');
});

/** The height of the trajectories' chart, once its curves are drawn. */
async function trajectoriesHeight(page: Page): Promise<number> {
  const view = page.locator('[data-view="trajectories"]');
  await expect(view.locator('path.curve').first()).toBeVisible({ timeout: 30_000 });
  return view.locator('svg.chart').evaluate((el) => el.getBoundingClientRect().height);
}

test('defect 20: the VAE trajectories keep ≥ 200 px at 1280×800, the note folds to one line', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?model=vae&n=200&T=50');
  const plain = await trajectoriesHeight(page);
  expect(plain).toBeGreaterThanOrEqual(200);
  // A random start adds a long note: unfolded it took two more lines (40 px) off the chart.
  await page.goto('/?model=vae&init=random&n=200&T=50&runs=4');
  const noted = await trajectoriesHeight(page);
  expect(noted).toBeGreaterThanOrEqual(200);
  expect(noted).toBeGreaterThanOrEqual(plain - 8);
  const note = page.locator('[data-view="trajectories"] .view-note');
  await expect(note).toHaveAttribute('title', /random start: each SGD run folded onto m ≥ 0/);
  const lineHeight = await note.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 18);
  expect((await note.boundingBox())!.height).toBeLessThan(1.6 * lineHeight);
  // A click unfolds it in full; the ⓘ also holds the whole note.
  await note.click();
  await expect(note).toHaveAttribute('aria-expanded', 'true');
  expect((await note.boundingBox())!.height).toBeGreaterThan(1.6 * lineHeight);
  // From the keyboard: Space folds it again and does not also start play (the Space shortcut).
  await note.focus();
  await page.keyboard.press(' ');
  await expect(note).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Pause play' })).toHaveCount(0);
});

test('ⓘ on the diagram names the model’s phases and closes on Esc or an outside click', async ({
  page,
}) => {
  await page.goto('/?model=gan&d=1&Lambda=1.2&LambdaT=1.2&eta=1&n=200&T=20');
  const diagram = page.locator('[data-view="diagram"]');
  const toggle = diagram.getByRole('button', { name: /About this view/ });
  await toggle.click();
  const popover = diagram.getByRole('dialog', { name: /About/ });
  await expect(popover).toBeVisible();
  for (const phase of ['noninfo-1', 'noninfo-2', 'half-info', 'info-1', 'info-2', 'oscillating'])
    await expect(popover).toContainText(phase);
  await expect(popover).toContainText('the generator learns nothing (P = q = 0)');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // Another model's phases come from that model.
  await page.goto('/?model=vae&n=200&T=50');
  await page
    .locator('[data-view="diagram"]')
    .getByRole('button', { name: /About this view/ })
    .click();
  const vae = page.locator('[data-view="diagram"]').getByRole('dialog');
  await expect(vae).toContainText('posterior collapse');
  await expect(vae).not.toContainText('noninfo-1');
  await expect(vae).toContainText('Theorem 5.1');
  await page.locator('header').click({ position: { x: 5, y: 5 } });
  await expect(vae).toBeHidden();
});

test('every view of every model has an ⓘ that says what it shows; Esc keeps a maximised view', async ({
  page,
}) => {
  await page.goto('/?model=gan&n=200&T=20&view=portrait');
  const portrait = page.locator('[data-view="portrait"]');
  await portrait.getByRole('button', { name: /About this view/ }).click();
  await expect(portrait.getByRole('dialog')).toContainText('filled = stable');
  await page.keyboard.press('Escape');
  await expect(portrait.getByRole('dialog')).toBeHidden();
  await expect(page).toHaveURL(/view=portrait/); // the first Esc closed the popover only
  for (const model of ['gan', 'vae', 'pca', 'gmm', 'xor', 'contrastive']) {
    await page.goto(`/?model=${model}&n=100&T=2`);
    const views = page.locator('section.view');
    await expect(views.first()).toBeVisible();
    const count = await views.count();
    for (let i = 0; i < count; i++)
      await expect(views.nth(i).getByRole('button', { name: /About this view/ })).toHaveCount(1);
  }
});

test('legend buttons say on hover what toggling does', async ({ page }) => {
  await page.goto('/?model=gan&d=1&n=200&T=20');
  const legend = page.locator('[data-view="trajectories"] ul.legend');
  const p11 = legend.getByRole('button', { name: 'P₁₁' });
  await expect(p11).toHaveAttribute(
    'title',
    /^Hide P₁₁: its ODE curve and SGD dots leave the chart/,
  );
  await p11.click();
  await expect(p11).toHaveAttribute('title', /^Show P₁₁/);
  // The phase legend explains each name on hover too.
  await expect(
    page.locator('[data-view="diagram"] .phase-legend li', { hasText: 'noninfo-1' }),
  ).toHaveAttribute('title', /nothing learned/);
});
