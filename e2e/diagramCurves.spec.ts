import { expect, test } from '@playwright/test';

/** Fig. 3(b)'s setting (GAN d = 1, Λ = Λ̃ = 1.2, η = 1) at τ = 0.3, τ̃ = 0.15. */
const FIG3B =
  '/?model=gan&tau=0.3&taut=0.15&eta=1&lambda=inf&d=1&Lambda=1.2&LambdaT=1.2&P0=0.1&q0=0.1&n=300&T=100&dn=8';

test('the GAN d = 1 phase diagram draws fold and Hopf curves by continuation, with a key', async ({
  page,
}) => {
  await page.goto(FIG3B);
  const view = page.locator('[data-view="diagram"]');
  const key = view.locator('ul.diagram-key');
  await expect(key).toContainText('fold/Hopf curves: computing…');
  await expect(view.locator('path.fold-curve')).not.toHaveCount(0, { timeout: 60_000 });
  await expect(view.locator('path.hopf-curve')).not.toHaveCount(0);
  await expect(key).toContainText('fold (continuation)');
  await expect(key).toContainText('Hopf (continuation)');
  await expect(key).not.toContainText('computing');
  // Each kind of curve is a real line across the plot, not empty paths (a curve is cut into a
  // path per run of solid or dotted points: curveSides.ts).
  for (const kind of ['fold', 'hopf']) {
    const ds = await view
      .locator(`path.${kind}-curve`)
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
    expect(ds.reduce((sum, d) => sum + d.split('L').length, 0)).toBeGreaterThan(20);
  }
  // Defect 14: the key names every analytic boundary with its own dash, the figure points and
  // the current state.
  const labels = await view.locator('path.boundary title').allTextContents();
  expect(labels).toHaveLength(6);
  for (const label of labels) await expect(key).toContainText(label);
  const dashes = await view
    .locator('path.boundary')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke-dasharray') ?? ''));
  expect(new Set(dashes).size).toBe(6);
  await expect(key).toContainText('Fig. 4(a), Fig. 4(b), Fig. 4(c), Fig. 4(d)');
  await expect(key.locator('li', { hasText: /^current state$/ })).toHaveCount(1);
  // Clicking in the plane moves the parameters but keeps the curves (their key leaves out τ, α).
  const box = (await view.locator('rect.pick').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.3);
  await expect(page).not.toHaveURL(/taut=0\.15/);
  await expect(view.locator('path.fold-curve')).not.toHaveCount(0);
  await expect(key).not.toContainText('computing');
});

test('the Hopf curve is dotted where it runs inside one phase: beyond τ = Λ/η̄² = 1.2', async ({
  page,
}) => {
  // 40 × 40 cells: fine enough to tell the Hopf line from (15)'s type-1 line beside it.
  await page.goto(FIG3B.replace('dn=8', 'dn=40'));
  const view = page.locator('[data-view="diagram"]');
  const dotted = view.locator('path.hopf-curve.inside-phase');
  await expect(dotted.first()).toBeAttached({ timeout: 120_000 });
  const plot = (await view.locator('rect.pick').boundingBox())!;
  const tauToPixel = (tau: number) => plot.x + ((tau - 0.05) / (1.5 - 0.05)) * plot.width;
  for (const box of await dotted.evaluateAll((ps) =>
    ps.map((p) => p.getBoundingClientRect().toJSON() as DOMRect),
  ))
    expect(box.x).toBeGreaterThan(tauToPixel(1.2));
  // Left of τ = 1.2 the Hopf curve is the info-1 / oscillating boundary: solid.
  const solid = await view
    .locator('path.hopf-curve:not(.inside-phase)')
    .evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().toJSON() as DOMRect));
  expect(Math.min(...solid.map((b) => b.x))).toBeLessThan(tauToPixel(0.3));
  await expect(
    view.locator('ul.diagram-key li', { hasText: 'Hopf (continuation)' }),
  ).toHaveAttribute('title', /dotted where the phase is the same on both sides/);
});

test('a current state outside the plotted range shows an edge arrowhead and a notice', async ({
  page,
}) => {
  await page.goto(FIG3B.replace('tau=0.3&taut=0.15', 'tau=3&taut=1.5'));
  const view = page.locator('[data-view="diagram"]');
  await expect(view.locator('path.current.outside')).toHaveCount(1);
  await expect(view.locator('.diagram-outside')).toHaveText(
    /current state lies outside the plot \(τ = 3 is outside \[0\.05, 1\.5\]\)/,
  );
  // The notice lies over the chart: crossing the plot's edge must not resize the chart.
  const box = view.locator('.chart-box');
  const outsideSize = await box.boundingBox();
  await expect(box.locator('.diagram-outside')).toHaveCount(1);
  // The arrowhead sits on the right edge of the plot, pointing right (towards τ = 3).
  const plot = (await view.locator('rect.pick').boundingBox())!;
  const head = (await view.locator('path.current.outside').boundingBox())!;
  expect(head.x + head.width).toBeGreaterThan(plot.x + plot.width - 20);
  // Back inside: a cross, and no notice.
  await page.goto(FIG3B);
  await expect(view.locator('path.current:not(.outside)')).toHaveCount(1);
  await expect(view.locator('.diagram-outside')).toHaveCount(0);
  expect(await box.boundingBox()).toEqual(outsideSize);
});
