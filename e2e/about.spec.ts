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
});
