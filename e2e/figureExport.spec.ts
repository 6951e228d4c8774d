import { readFileSync } from 'node:fs';

import { expect, type Page, test } from '@playwright/test';

/**
 * Defect 3 of issue 17: the exported figures. The Figure layout's panels line up their x axes and
 * key the cloud by its colour bar; the cloud's points are vector marks up to a count and, beyond
 * it, a raster drawn at the export's own scale (never the screen's bitmap).
 */

const GAN = 'model=gan&d=1&Lambda=5&LambdaT=5&T=15';

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const wait = page.waitForEvent('download');
  await click();
  return readFileSync((await (await wait).path())!, 'utf8');
}

async function cloudSvg(page: Page): Promise<string> {
  const cloud = page.locator('[data-view="cloud"]');
  await cloud.getByRole('button', { name: /^Export/ }).click();
  return download(page, () => page.getByRole('menuitem', { name: 'SVG', exact: true }).click());
}

/** The tops of the x axes' lines of the panels of an SVG document, drawn in the page. */
async function xAxisTops(page: Page, svg: string): Promise<number[]> {
  return page.evaluate((text) => {
    const host = document.createElement('div');
    host.innerHTML = text;
    document.body.appendChild(host);
    const tops = Array.from(host.querySelectorAll('g.x.axis path.domain')).map(
      (p) => p.getBoundingClientRect().top,
    );
    host.remove();
    return tops;
  }, svg);
}

/** The pixel size of a PNG given as a data URL (its IHDR chunk). */
function pngSize(dataUrl: string): [number, number] {
  const bytes = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('defect 3: the Figure export lines up the panels’ x axes and keys the cloud by its bar', async ({
  page,
}) => {
  await page.goto(`/?${GAN}&n=500&view=figure`);
  const row = page.locator('.figure-row');
  await expect(row.locator('[data-view="cloud"] g.color-bar')).toBeVisible({ timeout: 30_000 });
  await expect(row.locator('[data-view="trajectories"] path.curve').first()).toBeVisible();
  await expect(page.locator('.sgd-status')).toContainText('· done', { timeout: 60_000 });
  const svg = await download(page, () =>
    page.getByRole('button', { name: /Export figure \(SVG\)/ }).click(),
  );
  const tops = await xAxisTops(page, svg);
  expect(tops).toHaveLength(3);
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(0.5);
  expect(svg).toContain('coordinates i (colour: see bar)');
  expect(svg).toContain('class="color-bar"');
  // 500 points: vector squares in the cloud's colour bins, no raster.
  expect(svg).toMatch(/<g class="cloud-points"[^>]*><path fill="/);
  expect(svg).not.toContain('<image');
});

test('defect 3: a dense cloud exports as a raster at the export’s scale, a small one as vectors', async ({
  page,
}) => {
  await page.goto(`/?${GAN}&n=400&view=cloud`);
  const cloud = page.locator('[data-view="cloud"]');
  await expect(cloud.locator('g.color-bar')).toBeVisible({ timeout: 30_000 });
  await expect(cloud.locator('.scrub-time')).toContainText('t = ');
  const small = await cloudSvg(page);
  const squares = (small.match(/h2\.2v2\.2h-2\.2z/g) ?? []).length;
  // Every point whose centre lies in the plot: almost all 400 (the domain holds the whole run).
  expect(squares).toBeGreaterThan(350);
  expect(squares).toBeLessThanOrEqual(400);

  await page.goto(`/?${GAN}&n=6000&T=4&view=cloud`);
  await expect(cloud.locator('g.color-bar')).toBeVisible({ timeout: 60_000 });
  await expect(cloud.locator('.scrub-time')).toContainText('t = ');
  const dense = await cloudSvg(page);
  const image =
    /<image class="cloud-points" href="(data:image\/png;base64,[^"]+)" width="(\d+)" height="(\d+)"/.exec(
      dense,
    );
  expect(image).not.toBeNull();
  const [, href, width, height] = image!;
  // Four pixels per unit (print quality), whatever the screen's pixel ratio.
  expect(pngSize(href!)).toEqual([4 * Number(width), 4 * Number(height)]);
  expect(dense).not.toMatch(/<g class="cloud-points"/);
});
