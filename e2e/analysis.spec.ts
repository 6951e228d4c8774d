import { expect, test } from '@playwright/test';

const FIG4D =
  '/?model=gan&eta=1&tau=0.3&taut=0.47&lambda=inf&d=1&Lambda=1.2&LambdaT=1.2&P0=0.1&q0=0.1&n=300&T=100';

test('fixed points appear on the phase portrait with stability markers and tooltips', async ({
  page,
}) => {
  await page.goto(FIG4D);
  const fps = page.locator('[data-view="portrait"] g.fixed-point');
  // Four stable type-5 points, the type-4 pair and the type-2 pair (projected on (P, q)).
  await expect(page.locator('[data-view="portrait"] g.fixed-point.stable')).toHaveCount(4);
  expect(await fps.count()).toBeGreaterThanOrEqual(6);
  const tip = await page
    .locator('[data-view="portrait"] g.fixed-point.stable title')
    .first()
    .textContent();
  expect(tip).toMatch(/^type 5: stable focus/);
  expect(tip).toMatch(/eigenvalues: -0\.16\d ± 0\.25\di/);
  await expect(page.locator('[data-view="portrait"] path.family')).not.toHaveCount(0);
});

test('the phase diagram fills in, shows the boundaries and moves the parameters on click', async ({
  page,
}) => {
  await page.goto(`${FIG4D}&dn=12`);
  const cells = page.locator('[data-view="diagram"] rect.cell');
  await expect(cells).toHaveCount(144);
  await expect(page.locator('[data-view="diagram"] .view-note')).toHaveText('click to move there', {
    timeout: 30_000,
  });
  for (const phase of ['info-1', 'info-2', 'oscillating', 'noninfo-1', 'noninfo-2']) {
    expect(
      await page.locator(`[data-view="diagram"] rect.cell[data-phase="${phase}"]`).count(),
      phase,
    ).toBeGreaterThan(0);
  }
  // Every line of Table 1 (issue 14): (15)'s two, α = 1 + τη̄²/Λ, α = 2, α = β(τ) and S-59's.
  await expect(page.locator('[data-view="diagram"] path.boundary')).toHaveCount(6);
  await expect(page.locator('[data-view="diagram"] g.mark')).toHaveCount(4);
  // Clicking the lower-left corner moves (τ, α) there; the diagram itself does not recompute.
  const box = (await page.locator('[data-view="diagram"] rect.pick').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.9);
  await expect(page).toHaveURL(/tau=0\.8\d*&taut=0\.\d+/);
  await expect(page.locator('[data-view="diagram"] .view-note')).toHaveText('click to move there');
  await expect(page.locator('[data-view="diagram"] path.current')).toHaveCount(1);
});

test('the portrait shows the vector field and nullclines on the pinned slice', async ({ page }) => {
  await page.goto(FIG4D);
  await page.getByRole('checkbox', { name: 'field' }).check();
  await expect(page).toHaveURL(/vf=1/);
  await expect
    .poll(() => page.locator('[data-view="portrait"] line.field-arrow').count())
    .toBeGreaterThan(100);
  await expect(page.locator('[data-view="portrait"] path.nullcline')).toHaveCount(2);
  const d = await page.locator('[data-view="portrait"] path.nullcline-y').getAttribute('d');
  expect((d ?? '').length).toBeGreaterThan(50);
});

test('a diagram recomputed for new parameters repaints its cells in place, as a fresh load', async ({
  page,
  browser,
}) => {
  // Streaming cells touch only the rects whose look changed (views/diagram/chart.ts): after a
  // recompute for a new η, the picture must equal a fresh load of the same link, rect by rect.
  await page.goto(`${FIG4D}&dn=16`);
  const note = page.locator('[data-view="diagram"] .view-note');
  await expect(note).toHaveText('click to move there', { timeout: 30_000 });
  const looks = (p: typeof page) =>
    p
      .locator('[data-view="diagram"] rect.cell')
      .evaluateAll((rects) =>
        rects.map((r) =>
          [r.dataset['phase'], r.getAttribute('fill'), r.getAttribute('fill-opacity')].join('|'),
        ),
      );
  const first = await page.locator('[data-view="diagram"] rect.cell').first().elementHandle();
  await page
    .getByRole('slider', { name: /noise variance/ })
    .first()
    .focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page).not.toHaveURL(/eta=1&/);
  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  await expect(fresh.locator('[data-view="diagram"] .view-note')).toHaveText(
    'click to move there',
    {
      timeout: 30_000,
    },
  );
  const expected = await looks(fresh);
  expect(new Set(expected).size).toBeGreaterThan(2);
  await expect.poll(() => looks(page), { timeout: 30_000 }).toEqual(expected);
  // The same rect nodes were repainted, not replaced.
  expect(await first!.evaluate((r) => r.isConnected)).toBe(true);
  await fresh.close();
});
