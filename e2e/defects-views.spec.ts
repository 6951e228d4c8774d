import { expect, type Page, test } from '@playwright/test';

/**
 * Issue 17's chart and view defects, one test each; every test fails on the code before its fix.
 * Small n and T keep the SGD short: these tests look at what is drawn, not at the numbers.
 */

/** The (colour, dash) pairs of the trajectories' ODE curves, by series. */
async function curveStyles(page: Page): Promise<Record<string, string>> {
  const curves = page.locator('[data-view="trajectories"] path.curve');
  await expect(curves.first()).toBeVisible({ timeout: 30_000 });
  return curves.evaluateAll((paths) =>
    Object.fromEntries(
      paths.map((p) => [
        p.getAttribute('data-series') ?? '',
        `${p.getAttribute('stroke')}|${p.getAttribute('stroke-dasharray') ?? ''}`,
      ]),
    ),
  );
}

test('defect 5: every series drawn together has its own (colour, dash)', async ({ page }) => {
  const states = [
    'model=vae&M=1&Mstar=1&n=100&T=50',
    'model=pca&n=100&T=2',
    'model=contrastive&n=100&T=2',
    'model=xor&n=100&T=2',
    'model=gmm&n=100&T=2',
  ];
  for (const state of states) {
    await page.goto(`/?${state}`);
    const styles = await curveStyles(page);
    const pairs = Object.values(styles);
    expect(pairs.length, state).toBeGreaterThan(2);
    expect(new Set(pairs).size, `${state}: ${JSON.stringify(styles)}`).toBe(pairs.length);
  }
});
