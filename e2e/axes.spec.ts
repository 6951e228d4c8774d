/**
 * Axes are redrawn only when what they show changes (src/app/charts/frame.ts): a redraw with the
 * same scale leaves the axis alone, a new domain rewrites it.
 */
import { expect, type Page, test } from '@playwright/test';

const X_TICKS = '[data-view="trajectories"] g.x.axis .tick text';

/**
 * Watch the trajectories chart: the returned function reads how many mutations its x axis had
 * up to and including the redraw that changed the q₁ curve (the same task draws both; the dots
 * that come later may move the axis by widening the y labels' margin, and are not counted).
 */
async function watchUntilCurveChanges(page: Page): Promise<() => Promise<number | null>> {
  await page.evaluate(() => {
    const axis = document.querySelector<SVGGElement>('[data-view="trajectories"] g.x.axis')!;
    const chart = axis.ownerSVGElement!;
    const w = window as unknown as { __axisMutations: number; __atCurve: number | null };
    const curve = () => chart.querySelector('path.curve[data-series="q1"]')?.getAttribute('d');
    const before = curve();
    w.__axisMutations = 0;
    w.__atCurve = null;
    const observer = new MutationObserver((records) => {
      for (const r of records) if (axis.contains(r.target)) w.__axisMutations++;
      if (curve() === before) return;
      w.__atCurve = w.__axisMutations;
      observer.disconnect();
    });
    observer.observe(chart, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { __atCurve: number | null }).__atCurve);
}

test('an axis follows a new domain and is left alone by a redraw with the same one', async ({
  page,
}) => {
  await page.goto('/?model=gan&n=300&T=600&seed=3');
  await expect(page.locator(X_TICKS).last()).toHaveText('600');
  await expect(page.locator('.sgd-status')).toContainText('· done', { timeout: 30_000 });
  // τ redraws the curves with the same time axis.
  let atCurve = await watchUntilCurveChanges(page);
  const tau = page.getByRole('slider', { name: 'τ: discriminator learning rate' });
  await tau.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(atCurve).not.toBeNull();
  expect(await atCurve()).toBe(0);
  // T moves the time axis: its ticks are rewritten (the log slider's middle is T = 100).
  atCurve = await watchUntilCurveChanges(page);
  await page.getByRole('slider', { name: /^T: final time$/ }).fill('500');
  await expect(page.locator(X_TICKS).last()).toHaveText('100');
  expect(await atCurve()).toBeGreaterThan(0);
});
