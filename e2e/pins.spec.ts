import { readFile } from 'node:fs/promises';

import { expect, test } from '@playwright/test';

/** Pins: freeze the curves and dots as a labelled ghost layer, kept in the link and the export. */

test('a pin is drawn, labelled by what changed, in the link, and survives a reload', async ({
  page,
}) => {
  await page.goto('/?model=gan&T=20&n=200&taut=0.04');
  const chart = page.locator('[data-view="trajectories"] svg.chart');
  await expect(chart.locator('path.curve').first()).toBeVisible();
  await page.getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(page).toHaveURL(/pin=[^&]+/);
  await expect(chart.locator('path.pin-curve').first()).toBeAttached();
  await expect(chart.locator('g.pin-key text')).toHaveText('pin 1: as now');
  // Move τ̃: the pin stays, now labelled with its own τ̃.
  const taut = page.getByLabel(/^τ̃: .* value$/);
  await taut.fill('0.3');
  await taut.press('Enter');
  await expect(page).toHaveURL(/taut=0\.3/);
  await expect(chart.locator('g.pin-key text')).toHaveText('pin 1: τ̃ = 0.04');
  // Its SGD dots come from its own seed, after the main runs.
  await expect(chart.locator('g.pin-dot').first()).toBeAttached({ timeout: 15000 });
  await page.waitForTimeout(1500);
  const curvesBefore = await chart.locator('path.pin-curve').count();
  expect(curvesBefore).toBeGreaterThan(0);
  const d = await chart.locator('path.pin-curve').first().getAttribute('d');

  await page.reload();
  await expect(chart.locator('g.pin-key text')).toHaveText('pin 1: τ̃ = 0.04');
  await expect(chart.locator('path.pin-curve')).toHaveCount(curvesBefore);
  // The same curve, recomputed from the state in the link (once the dots set the same y range).
  await expect(chart.locator('g.pin-dot').first()).toBeAttached({ timeout: 15000 });
  await expect
    .poll(() => chart.locator('path.pin-curve').first().getAttribute('d'), { timeout: 10000 })
    .toBe(d);

  // The exported SVG carries the ghost layer and its key.
  await page.getByRole('button', { name: 'Export Trajectories' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'SVG' }).click(),
  ]);
  const svg = await readFile((await download.path())!, 'utf8');
  expect(svg).toContain('class="pin-curve"');
  expect(svg).toContain('pin 1: τ̃ = 0.04');

  // A second pin, then remove the first; Clear empties the link.
  await page.getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(chart.locator('g.pin-key')).toHaveCount(2);
  await page.getByRole('button', { name: 'Remove pin 1' }).click();
  await expect(chart.locator('g.pin-key')).toHaveCount(1);
  await expect(chart.locator('g.pin-key text')).toHaveText('pin 1: as now');
  await page.getByRole('button', { name: 'Remove pin 1' }).click();
  await expect(page).not.toHaveURL(/pin=/);
  await expect(chart.locator('path.pin-curve')).toHaveCount(0);
});

test('hostile pins in a link give notices, never a blank page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(
    `/?model=gan&T=20&n=200&pin=${encodeURIComponent('<script>!tau:abc!taut:99!nosuch:1!a:1!b:2')}`,
  );
  const chart = page.locator('[data-view="trajectories"] svg.chart');
  await expect(chart.locator('path.curve').first()).toBeVisible();
  await expect(page.getByText(/at most 4 pins/).first()).toBeAttached();
  await expect(page.getByText(/pin 1 must look like key:value/).first()).toBeAttached();
  // The well-formed ones are drawn (τ̃ clamped to its range).
  await expect(chart.locator('g.pin-key').first()).toBeAttached();
  expect(errors).toEqual([]);
});
