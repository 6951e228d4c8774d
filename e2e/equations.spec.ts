import { expect, test } from '@playwright/test';

/** The equations view (issue 13, item 5): typeset, numbered, live, and tied to the sliders. */

const MODELS = ['gan', 'vae', 'pca', 'gmm', 'xor', 'contrastive'];

test('the GAN’s reduced ODE is typeset with the paper’s numbers and the live values', async ({
  page,
}) => {
  await page.goto('/?model=gan&T=20&n=200&view=equations');
  const view = page.locator('[data-view="equations"]');
  await expect(view.locator('.katex').first()).toBeVisible();
  await expect(view.locator('.katex-error')).toHaveCount(0);
  const numbers = view.locator('.eq-ode .eq-number');
  await expect(numbers).toHaveText(['(13)', '(14)']);
  await expect(view.locator('.eq-sgd .eq-number').first()).toHaveText('(5)');
  const tau = view.locator('.eq-where [data-param-ref="tau"]');
  await expect(tau).toContainText('0.2');
  // Finite λ integrates (8) with h from (S-15): the view follows the parameters.
  await page.goto('/?model=gan&T=20&n=200&lambda=5&view=equations');
  await expect(view.locator('.eq-ode .eq-number')).toHaveText(['(8)', '(9)', '(S-15)']);
  await expect(view.locator('.eq-note')).toContainText('prints h without the factors ηT and ηG');
});

test('moving a slider changes the values under and (eqv=1) inside the equations', async ({
  page,
}) => {
  await page.goto('/?model=gan&T=20&n=200&view=equations&eqv=1');
  const view = page.locator('[data-view="equations"]');
  const where = view.locator('.eq-where [data-param-ref="taut"] .katex-html');
  await expect(where).toContainText('0.04');
  const firstLine = view.locator('.eq-ode .eq-tex .katex-html').first();
  await expect(firstLine).toContainText('0.04');
  await page.locator('[data-param="taut"] input[type="range"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).not.toHaveURL(/taut=0\.04(&|$)/);
  const taut = new URL(page.url()).searchParams.get('taut')!;
  const shown = String(Number(Number(taut).toPrecision(4)));
  // 0.04 exactly, not the start of 0.045.
  await expect(where).not.toHaveText(/0\.04(?!\d)/);
  await expect(where).toContainText(shown);
  await expect(firstLine).not.toHaveText(/0\.04(?!\d)/);
  await expect(firstLine).toContainText(shown);
  // The toggle writes symbols back and leaves the link.
  await view.getByRole('button', { name: 'Values in equations' }).click();
  await expect(page).not.toHaveURL(/eqv=1/);
  await expect(firstLine).toContainText('=τ~(qr');
});

test('hovering a symbol in an equation, or its value, highlights its slider', async ({ page }) => {
  await page.goto('/?model=gan&T=20&n=200&view=equations');
  const view = page.locator('[data-view="equations"]');
  const slider = page.locator('.slider[data-param~="taut"]');
  await expect(slider).not.toHaveClass(/param-highlight/);
  await view.locator('.eq-ode .eq-tex [data-param-ref="taut"]').first().hover();
  await expect(slider).toHaveClass(/param-highlight/);
  await page.mouse.move(5, 790);
  await expect(slider).not.toHaveClass(/param-highlight/);
  // η_T is set by the linked η slider: that one lights up.
  await view.locator('.eq-where [data-param-ref="etaT"]').hover();
  await expect(page.locator('.slider[data-param~="etaT"]')).toHaveClass(/param-highlight/);
  await expect(page.locator('.slider[data-param~="etaT"]')).toHaveAttribute(
    'data-param',
    'eta etaT etaG',
  );
});

test('every model declares its equations and they typeset without an error', async ({ page }) => {
  for (const model of MODELS) {
    await page.goto(`/?model=${model}&T=5&n=200&view=equations`);
    const view = page.locator('[data-view="equations"]');
    await expect(view.locator('.eq-ode .eq-tex .katex').first(), model).toBeVisible();
    await expect(view.locator('.eq-sgd .eq-tex .katex').first(), model).toBeVisible();
    await expect(view.locator('.katex-error'), model).toHaveCount(0);
    expect(await view.locator('.eq-where [data-param-ref]').count(), model).toBeGreaterThan(0);
  }
  // The VAE's documented misprints are named beside the corrected lines.
  await page.goto('/?model=vae&T=5&n=200&view=equations');
  await expect(page.locator('.eq-note')).toHaveCount(3);
});

test('the equations are a tab of the third panel in the explorer', async ({ page }) => {
  await page.goto('/?model=gan&T=20&n=200');
  await page.getByRole('tab', { name: 'Equations' }).click();
  await expect(page).toHaveURL(/tab=equations/);
  await expect(page.locator('[data-view="equations"] .katex').first()).toBeVisible();
});
