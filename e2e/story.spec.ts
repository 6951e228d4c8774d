import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';

/** Stories: a shipped one stepped through, the presets as the default story, authoring, sharing. */

const caption = (page: import('@playwright/test').Page) => page.getByTestId('story-caption');

test('a shipped story steps with ←/→ and the buttons; the link and caption follow', async ({
  page,
}) => {
  await page.goto('/?story=gan');
  // A link with a story and no state opens on the scene's state.
  await expect(page).toHaveURL(/eta=2/);
  await expect(page.getByText('scene 1 of 4')).toBeVisible();
  await expect(caption(page)).toContainText('Success');
  await expect(page.locator('.view')).toHaveCount(2);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('scene 2 of 4')).toBeVisible();
  await expect(page).toHaveURL(/scene=2/);
  await expect(page).toHaveURL(/etaT=1&etaG=1|eta=1/);
  await expect(caption(page)).toContainText('Oscillation');
  await page.getByRole('button', { name: 'Next scene' }).click();
  await expect(caption(page)).toContainText('Mode collapse');
  await expect(page).toHaveURL(/scene=3/);
  await page.getByRole('button', { name: 'Previous scene' }).click();
  await expect(caption(page)).toContainText('Oscillation');
  // Back returns to the previous scene: each step is a history entry.
  await page.goBack();
  await expect(caption(page)).toContainText('Mode collapse');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('scene 4 of 4')).toBeVisible();
  await expect(page.locator('[data-view="diagram"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next scene' })).toBeDisabled();
});

test('a caption quoting a parameter follows its slider', async ({ page }) => {
  await page.goto('/?story=gan&scene=2&present=1');
  await expect(caption(page)).toContainText('η=1');
  const strip = page.getByRole('toolbar', { name: 'Presentation controls' });
  await strip.getByLabel(/^η: .* value$/).fill('3');
  await strip.getByLabel(/^η: .* value$/).press('Enter');
  await expect(caption(page)).toContainText('η=3');
  await expect(caption(page)).not.toContainText('η=1');
  // Stepping keeps presentation on (once the value field, which takes the arrows, is left).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/present=1/);
  await expect(page).toHaveURL(/scene=3/);
});

test('without a story, ←/→ step through the presets', async ({ page }) => {
  const gan = '/?model=gan&tau=0.2&taut=0.04&lambda=inf&d=2&Lambda=5,3&LambdaT=5,3&eta=2';
  await page.goto(gan);
  await expect(page.getByText(/preset 1 of \d+/)).toBeVisible();
  await expect(caption(page)).toContainText('Fig. 1(a)');
  await page.keyboard.press('ArrowRight');
  await expect(caption(page)).toContainText('Fig. 1(b)');
  await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('fig1b');
  await page.keyboard.press('ArrowLeft');
  await expect(caption(page)).toContainText('Fig. 1(a)');
});

/** The address bar once it stops changing (the app writes it at most every 100 ms). */
async function settledUrl(page: Page): Promise<string> {
  for (;;) {
    const before = page.url();
    await page.waitForTimeout(250);
    if (page.url() === before) return before;
  }
}

test('author two scenes, copy the link, open it fresh: the same story', async ({
  page,
  browser,
}) => {
  await page.goto('/?model=gan&T=40&n=300&tau=0.25');
  await page.getByRole('button', { name: '✎ Edit story' }).click();
  const editor = page.getByRole('region', { name: 'Story editor' });
  await editor.getByRole('button', { name: '+ Add this state as a scene' }).click();
  await editor.getByLabel('Caption of scene 1').fill('First, at {tau}');
  await page.getByLabel(/^τ: .* value$/).fill('0.5');
  await page.getByLabel(/^τ: .* value$/).press('Enter');
  await editor.getByRole('button', { name: '+ Add this state as a scene' }).click();
  await editor.getByLabel('Caption of scene 2').fill('Then $x^2$ at {tau}');
  await editor.getByLabel('Story title').fill('Two taus');
  await expect(page.getByText('scene 2 of 2')).toBeVisible();
  await expect(page).toHaveURL(/story=z[A-Za-z0-9_-]+/);
  // Reorder, then back, to check the buttons move scenes.
  await editor.getByRole('button', { name: 'Move scene 2 up' }).click();
  await expect(editor.getByLabel('Caption of scene 1')).toHaveValue('Then $x^2$ at {tau}');
  await editor.getByRole('button', { name: 'Move scene 1 down' }).click();
  await expect(editor.getByLabel('Caption of scene 1')).toHaveValue('First, at {tau}');
  const link = await settledUrl(page);

  const fresh = await browser.newPage();
  await fresh.goto(link);
  await expect(fresh.getByText('scene 2 of 2')).toBeVisible();
  await expect(caption(fresh)).toContainText('Then');
  await expect(caption(fresh)).toContainText('τ=0.5');
  await expect(caption(fresh).locator('.katex')).toHaveCount(2);
  await fresh.keyboard.press('ArrowLeft');
  await expect(caption(fresh)).toContainText('First, at τ=0.25');
  await expect(fresh).toHaveURL(/tau=0\.25/);
  await fresh.close();
});

test('export a story to JSON and import it back; a bad file is refused', async ({ page }, info) => {
  await page.goto('/?story=vae&scene=1');
  await expect(caption(page)).toContainText('Below the threshold');
  await page.getByRole('button', { name: '✎ Edit story' }).click();
  const editor = page.getByRole('region', { name: 'Story editor' });
  const downloading = page.waitForEvent('download');
  await editor.getByRole('button', { name: 'Export JSON' }).click();
  const file = info.outputPath('story.json');
  await (await downloading).saveAs(file);
  const json = JSON.parse(await readFile(file, 'utf8')) as { version: number; scenes: unknown[] };
  expect(json.version).toBe(1);
  expect(json.scenes).toHaveLength(4);

  await page.goto('/?model=gan&T=40&n=300');
  await page.getByRole('button', { name: '✎ Edit story' }).click();
  const input = page.getByLabel('Import a story from JSON');
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"scenes": 3}'),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Not imported' })).toContainText(
    'a story needs "scenes"',
  );
  await input.setInputFiles(file);
  await expect(page.getByText('scene 1 of 4')).toBeVisible();
  await expect(page).toHaveURL(/model=vae/);
  await expect(caption(page)).toContainText('Below the threshold');
});

test('a damaged or hostile story link gives a notice, never a blank page', async ({ page }) => {
  await page.goto('/?model=gan&T=40&n=300&story=zAAAAAAAAAA');
  await expect(caption(page)).toContainText('the story in this link cannot be read');
  await expect(page.locator('[data-view="trajectories"]')).toBeVisible();
  await page.goto('/?model=gan&T=40&n=300&story=%3Cimg%20src=x%20onerror=alert(1)%3E');
  await expect(page.locator('.status')).toContainText('story must be a shipped story');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('[data-view="trajectories"]')).toBeVisible();
});
