import { expect, test } from '@playwright/test';

/**
 * The bifurcation view (issue 15) from the GAN's preset: branches by continuation in α = τ̃/τ
 * (stable solid, unstable dashed), named special points whose eigenvalues show on hover, and a
 * click on a branch point that moves the parameter there (the link changes).
 */
test('GAN bifurcation preset: branches, named points, eigenvalues on hover, click moves α', async ({
  page,
}) => {
  await page.goto('/?model=gan');
  await page.getByLabel('Preset').selectOption('fig3b-bifurcation');
  await expect(page).toHaveURL(/tab=bifurcation/);
  const view = page.locator('[data-view="bifurcation"]');
  await expect(view.locator('path.branch.stable').first()).toBeAttached({ timeout: 60_000 });
  await expect(view.locator('path.branch.unstable').first()).toBeAttached();
  await expect(view).not.toContainText('computing…');
  // τ̃ = 0.2 at τ = 0.3: the rule at α = 2/3.
  const rule = view.locator('line.rule.current');
  const before = Number(await rule.getAttribute('x1'));
  const hopf = view.locator('g.special.hopf');
  await expect(hopf.first()).toBeAttached();
  await expect(hopf.first().locator('text.special-label')).toHaveText('H');
  await expect(view).toContainText(/Hopf 0\.5/);
  // The Hopf point lies on the q = r = 0 family: its criticality comes from the integration
  // test (familyHopf.ts), and the oscillating phase's stable cycles start from it (dotted).
  await expect(hopf.first().locator('title')).toHaveText(/supercritical[\s\S]*by integration/);
  await expect(view.locator('.bif-orbits path').first()).toBeAttached();
  await hopf.first().locator('path').hover();
  await expect(view.locator('.bif-tip')).toContainText('criticality: by integration');
  const bp = view.locator('g.special.branch-point').first();
  await bp.hover();
  await expect(view.locator('.bif-tip .tip-title')).toContainText('branch point at');
  await expect(view.locator('.bif-tip .eigenvalue').first()).toContainText('λ = ');
  await bp.click();
  // The first branch point is at α = 1 + τ/Λ = 1.25 (Table 1): τ̃ = 1.25 τ = 0.375.
  await expect(page).toHaveURL(/taut=0\.375/);
  await expect
    .poll(async () => Number(await rule.getAttribute('x1')), { timeout: 10_000 })
    .toBeGreaterThan(before);
  // The diagram did not depend on α: it stays without a recomputation.
  await expect(view).not.toContainText('computing…');
});
