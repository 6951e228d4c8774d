/**
 * The built site's Content-Security-Policy (issue 16): present, obeyed by the app itself on every
 * model (no violation report, workers and the PNG export included), and effective: a script
 * injected inline does not run.
 */
import { expect, test } from '@playwright/test';

import { CONTENT_SECURITY_POLICY } from '../scripts/csp';

const MODELS = ['gan', 'vae', 'pca', 'gmm', 'xor', 'contrastive'];

test('the build carries the policy and no model violates it', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  await page.goto('/');
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', CONTENT_SECURITY_POLICY);
  for (const model of MODELS) {
    await page.goto(`/?model=${model}&T=5&n=200`);
    await expect(page.getByRole('status')).toContainText('ODE ✓', { timeout: 30_000 });
  }
  // The PNG export draws the SVG through a blob: image onto a canvas.
  await page.goto('/?model=gan&T=5&n=200');
  await expect(page.getByRole('status')).toContainText('ODE ✓');
  const download = page.waitForEvent('download');
  await page
    .getByRole('button', { name: /Export/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: /PNG/ }).first().click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);
  expect(violations).toEqual([]);
});

test('an injected inline script does not run under the policy', async ({ page }) => {
  await page.goto('/');
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    let evalRan = false;
    try {
      evalRan = (0, eval)('true') === true;
    } catch {
      evalRan = false;
    }
    return { inline: w.injected === true, eval: evalRan };
  });
  expect(ran).toEqual({ inline: false, eval: false });
});
