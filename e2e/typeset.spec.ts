/** Issue 17, defect 11: names are typeset on screen and in exports, never shown as code. */
import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

test('the XOR legend names the overlays μ₁ … ν₄, not mu1 or mu₁', async ({ page }) => {
  await page.goto('/?model=xor&T=5&n=200');
  const legend = page.getByRole('list', { name: 'Series' });
  await expect(legend.getByRole('button', { name: 'μ₁', exact: true })).toBeVisible();
  await expect(legend.getByRole('button', { name: 'ν₄', exact: true })).toBeVisible();
  await expect(legend).not.toContainText('mu');
  await expect(legend).not.toContainText('nu');
});

test('the GAN figure caption lowers η_T and η_G as subscripts in the SVG', async ({ page }) => {
  await page.goto('/?model=gan&T=20&n=200&view=figure');
  await expect(page.locator('.sgd-status')).toContainText('· done', { timeout: 60_000 });
  const wait = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export figure \(SVG\)/ }).click();
  const svg = readFileSync((await (await wait).path())!, 'utf8');
  const sub = (letter: string) =>
    `η<tspan class="sub" baseline-shift="sub" font-size="9">${letter}</tspan>=`;
  expect(svg).toContain(sub('T'));
  expect(svg).toContain(sub('G'));
  // Neither the raw mark nor the run-together form the user saw ("ηT=2 ηG=2").
  expect(svg).not.toMatch(/η_?[TG]=/);
});
