import { expect, type Page, test } from '@playwright/test';

/**
 * Presentation mode at 1920×1080: the panel and chrome go, the chosen views fill the screen, and
 * the projector profile's sizes are measured on screen (font size × the SVG's screen scale; line
 * widths likewise), against lines ≥ 3 px, ticks ≥ 20 px and axis labels ≥ 26 px.
 */

test.use({ viewport: { width: 1920, height: 1080 } });

const QUICK = 'model=gan&T=60&n=300';

/** Rendered sizes in screen pixels of what the views draw. */
async function measure(page: Page, view: string) {
  return page
    .locator(`[data-view="${view}"] svg.chart`)
    .first()
    .evaluate((svg) => {
      const scale = (svg as SVGSVGElement).getScreenCTM()!.a;
      const px = (el: Element | null, prop: 'fontSize' | 'strokeWidth') =>
        el ? parseFloat(getComputedStyle(el)[prop]) * scale : 0;
      const ticks = Array.from(svg.querySelectorAll('.axis .tick text'));
      const labels = Array.from(svg.querySelectorAll('text.label'));
      const curves = Array.from(svg.querySelectorAll('path.curve'));
      return {
        scale,
        tick: Math.min(...ticks.map((t) => px(t, 'fontSize'))),
        // What a glyph measures: the bounding box of a tick label, in screen pixels.
        tickBoxHeight: (ticks[0] as SVGGraphicsElement).getBBox().height * scale,
        label: Math.min(...labels.map((t) => px(t, 'fontSize'))),
        curve: Math.min(...curves.map((c) => px(c, 'strokeWidth'))),
        axis: px(svg.querySelector('.axis path.domain'), 'strokeWidth'),
        axisColor: getComputedStyle(svg.querySelector('.axis path.domain')!).stroke,
        width: svg.getBoundingClientRect().width,
      };
    });
}

test('present=1 hides the panel and chrome, fills the screen, in projector sizes', async ({
  page,
}) => {
  await page.goto(`/?${QUICK}&present=1`);
  await expect(page.locator('path.curve').first()).toBeVisible();
  await expect(page.locator('.side')).toHaveCount(0);
  await expect(page.locator('.topbar')).toHaveCount(0);
  await expect(page.locator('.status')).toHaveCount(0);
  await expect(page.locator('.view')).toHaveCount(2);
  for (const view of ['trajectories', 'portrait']) {
    const m = await measure(page, view);
    expect(m.tick).toBeGreaterThanOrEqual(20);
    expect(m.tickBoxHeight).toBeGreaterThanOrEqual(20);
    expect(m.label).toBeGreaterThanOrEqual(26);
    expect(m.curve).toBeGreaterThanOrEqual(3);
    expect(m.axis).toBeGreaterThanOrEqual(3);
    expect(m.axisColor).toBe('rgb(17, 17, 17)');
    // Two views side by side fill the width.
    expect(m.width).toBeGreaterThan(850);
  }
  // The explorer at the same size keeps the laptop sizes (the profile, not a global change).
  await page.goto(`/?${QUICK}`);
  await expect(page.locator('path.curve').first()).toBeVisible();
  const laptop = await measure(page, 'trajectories');
  expect(laptop.tick).toBeCloseTo(13, 0);
  expect(laptop.scale).toBeCloseTo(1, 5);
});

test('P enters and leaves; Esc leaves; F asks for fullscreen', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { fullscreenRequests: number };
    w.fullscreenRequests = 0;
    // Headless chromium may refuse: count the request, and refuse as a browser might.
    Element.prototype.requestFullscreen = function () {
      w.fullscreenRequests++;
      return Promise.reject(new TypeError('refused'));
    };
  });
  await page.goto(`/?${QUICK}`);
  await expect(page.locator('.side')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/present=1/);
  await expect(page.locator('.side')).toHaveCount(0);
  await expect(page.locator('.app')).toHaveAttribute('data-profile', 'projector');
  await page.keyboard.press('f');
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { fullscreenRequests: number }).fullscreenRequests),
    )
    .toBe(1);
  // The refusal is quiet: still presenting, nothing on the page broke.
  await expect(page.locator('.app.presenting')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/present=1/);
  await expect(page.locator('.side')).toBeVisible();
  await page.keyboard.press('P');
  await expect(page.locator('.app.presenting')).toBeVisible();
  await page.keyboard.press('P');
  await expect(page.locator('.app.presenting')).toHaveCount(0);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const key of ['P', 'F', '←', '→'])
    await expect(help.locator('kbd', { hasText: key }).first()).toBeVisible();
});

test('show= picks the views, ctl= the strip sliders; bad names get a notice', async ({ page }) => {
  await page.goto(`/?${QUICK}&present=1&show=portrait&ctl=taut,eta,beta`);
  await expect(page.locator('.view')).toHaveCount(1);
  await expect(page.locator('[data-view="portrait"]')).toBeVisible();
  const strip = page.getByRole('toolbar', { name: 'Presentation controls' });
  await expect(strip.getByRole('slider')).toHaveCount(2);
  await expect(strip).toContainText('ctl: beta is not a numeric parameter of this model');
  // A strip slider moves the parameter, and the link follows.
  await strip.getByLabel(/^τ̃: .* value$/).fill('0.1');
  await strip.getByLabel(/^τ̃: .* value$/).press('Enter');
  await expect(page).toHaveURL(/taut=0\.1(&|$)/);
  // In the explorer, show= restricts the grid too.
  await page.goto(`/?${QUICK}&show=trajectories,diagram,nope`);
  await expect(page.locator('.view')).toHaveCount(2);
  await expect(page.locator('[data-view="diagram"]')).toBeVisible();
  await expect(page.locator('.status')).toContainText('show: nope is not a view of this model');
});
