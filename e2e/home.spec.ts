import { expect, test } from '@playwright/test';

test('the start page draws the Fig. 1 success ODE curves from the worker', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const p11 = page.locator('path.curve[data-series="P11"]');
  await expect(p11).toHaveCount(1);
  // A real curve: hundreds of points, not an empty path.
  const d = (await p11.getAttribute('d')) ?? '';
  expect(d.split('L').length).toBeGreaterThan(300);
  await expect(page.locator('path.curve[data-series="q2"]')).toHaveCount(1);
  await expect(page.getByRole('status')).toContainText('ODE ✓ t = 600');
  await expect(page.getByLabel('Preset')).toHaveValue('fig1a');
  // The URL holds the canonical state.
  expect(page.url()).toContain('model=gan&eta=2&tau=0.2');
  expect(errors).toEqual([]);
});

test('bad URL values show a notice naming them, and the page still draws', async ({ page }) => {
  await page.goto('/?model=gan&tau=-1&lambda=foo&bogus=3');
  const status = page.locator('footer.status');
  await expect(status).toContainText('τ (tau) must be in [0.001, 4]; got -1, using 0.001');
  await expect(status).toContainText("λ (lambda) must be a number or inf; got 'foo'");
  await expect(status).toContainText("unknown parameter 'bogus'");
  await expect(page.locator('path.curve[data-series="P11"]')).toHaveCount(1);
});

test('a diverging ODE shows a banner with t and the variable', async ({ page }) => {
  await page.goto('/?model=gan&lambda=0.01&tau=4&taut=4&eta=10&T=200');
  await expect(page.locator('.banner.diverged')).toContainText(/ODE diverged at t = [\d.]+ in \w+/);
  await expect(page.locator('h1')).toHaveText('macroscope');
});

test('presets switch the curves and Back returns to the previous one', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('path.curve[data-series="P11"]')).toHaveCount(1);
  await page.getByLabel('Preset').selectOption('fig4a');
  await expect(page.locator('path.curve[data-series="P11"]')).toHaveCount(1);
  await expect(page.locator('path.curve[data-series="P22"]')).toHaveCount(0);
  expect(page.url()).toContain('d=1');
  await page.goBack();
  await expect(page.locator('path.curve[data-series="P22"]')).toHaveCount(1);
});
