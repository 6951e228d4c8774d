import { expect, test } from '@playwright/test';

/** The keyboard: the help overlay lists the table, the keys act, and none fires while typing. */

test('? opens the shortcut list; Esc closes it, then leaves a maximised view', async ({ page }) => {
  await page.goto('/?model=gan&T=5&n=200');
  await expect(page.locator('[data-view="trajectories"]')).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const key of ['?', 'Esc', 'R', 'L', '1–9'])
    await expect(help.locator('kbd', { hasText: key }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('2');
  await expect(page).toHaveURL(/view=portrait/);
  await expect(page.locator('[data-view="trajectories"]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/view=portrait/);
  await expect(page.locator('[data-view="trajectories"]')).toHaveCount(1);
});

test('R draws a new seed into the link; keys typed into a field fire nothing', async ({ page }) => {
  await page.goto('/?model=gan&T=5&n=200&seed=7');
  await expect(page.locator('[data-view="trajectories"]')).toBeVisible();
  await page.keyboard.press('r');
  await expect(page).not.toHaveURL(/seed=7(&|$)/);
  await expect(page).toHaveURL(/seed=\d+/);
  const seedBefore = new URL(page.url()).searchParams.get('seed');
  // A text field takes the keys as text: no seed change, no maximised view, no help.
  const field = page.getByLabel('Overlay values');
  await field.focus();
  await page.keyboard.type('r2?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('seed')).toBe(seedBefore);
  expect(page.url()).not.toContain('view=portrait');
});
