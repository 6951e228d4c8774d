import { expect, test } from '@playwright/test';

/** embed=1 and hide=… (issue 13, item 7): the views alone, for an iframe in slides or a blog. */

const P11 = 'path.curve[data-series="P11"]';

test('embed=1 shows the views without header, panel or status, and links to the full app', async ({
  page,
  context,
}) => {
  await page.goto('/?model=gan&T=20&n=200&tau=0.3&embed=1&hide=export');
  await expect(page.locator(P11)).toHaveCount(1);
  await expect(page.locator('.topbar')).toHaveCount(0);
  await expect(page.locator('.side')).toHaveCount(0);
  await expect(page.locator('.status')).toHaveCount(0);
  const link = page.getByRole('link', { name: /open in macroscope/ });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  const href = new URL((await link.getAttribute('href'))!);
  expect(href.searchParams.get('embed')).toBeNull();
  expect(href.searchParams.get('hide')).toBeNull();
  expect(href.searchParams.get('tau')).toBe('0.3');
  const opened = context.waitForEvent('page');
  await link.click();
  const full = await opened;
  await expect(full.locator('.topbar')).toHaveCount(1);
  await expect(full.locator('.side')).toHaveCount(1);
  await expect(full.locator(P11)).toHaveCount(1);
  expect(new URL(full.url()).searchParams.get('tau')).toBe('0.3');
});

test('hide= hides the named controls and reports an unknown one', async ({ page }) => {
  await page.goto('/?model=gan&T=20&n=200&hide=export,legend,maximise,runcontrols');
  await expect(page.locator(P11)).toHaveCount(1);
  await expect(page.locator('.topbar')).toBeVisible();
  await expect(page.locator('.param-panel')).toBeVisible();
  await expect(page.locator('.run-controls')).toHaveCount(0);
  for (const selector of ['.view-tools .menu', '.legend', '.view-tools .maximise'])
    for (const el of await page.locator(selector).all()) await expect(el).toBeHidden();
  expect(await page.locator('.view-tools .menu').count()).toBeGreaterThan(0);

  await page.goto('/?model=gan&T=20&n=200&hide=panel,bogus');
  await expect(page.locator('.side')).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText("hide: 'bogus' is not a control");
  // Embedded, the status line is gone, so the corner reports the notice.
  await page.goto('/?model=gan&T=20&n=200&embed=1&hide=bogus');
  const notices = page.locator('.embed-notices');
  await expect(notices).toContainText('1 notice');
  await notices.locator('summary').click();
  await expect(notices).toContainText("'bogus' is not a control");
});

test('an <iframe> of the README’s snippet draws the view inside another page', async ({
  page,
  baseURL,
}) => {
  await page.setContent(
    `<iframe src="${baseURL}/?model=gan&T=20&n=200&view=trajectories&embed=1" width="800" height="450" title="macroscope"></iframe>`,
  );
  const frame = page.frameLocator('iframe');
  await expect(frame.locator(P11)).toHaveCount(1);
  await expect(frame.locator('.topbar')).toHaveCount(0);
  await expect(frame.getByRole('link', { name: /open in macroscope/ })).toBeVisible();
});
