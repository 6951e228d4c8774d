import { expect, type Page, test } from '@playwright/test';

/**
 * Play: Space plays the dynamics over t, the cursor moves through the views without touching the
 * link, and pausing (or reaching T) writes the cursor into the link once.
 */

/** Count the link writes that carry a time cursor, from the page's first script on. */
async function countCursorWrites(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { tcWrites: string[] };
    w.tcWrites = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (data, unused, url) => {
      if (url && String(url).includes('tc=')) w.tcWrites.push(String(url));
      replace(data, unused, url);
    };
  });
}
const cursorWrites = (page: Page) =>
  page.evaluate(() => (window as unknown as { tcWrites: string[] }).tcWrites);
const revealOf = (page: Page, view: string) =>
  page.locator(`[data-view="${view}"] svg.chart`).getAttribute('data-reveal');

test('Space plays to T and stops there; the link gets the cursor once', async ({ page }) => {
  await countCursorWrites(page);
  await page.goto('/?model=gan&T=20&n=200&ps=4');
  await expect(page.locator('[data-view="trajectories"] path.curve').first()).toBeVisible();
  await expect(page.locator('[data-view="trajectories"] circle.dot').first()).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause play' })).toBeVisible();
  // Mid-play: the curves are clipped at the moving cursor and the link has no cursor yet.
  await expect
    .poll(async () => Number(await revealOf(page, 'trajectories')), { timeout: 5000 })
    .toBeGreaterThan(2);
  const clip = page.locator('[data-view="trajectories"] g.curves');
  await expect(clip).toHaveAttribute('clip-path', /url\(#reveal-clip-/);
  expect(page.url()).not.toContain('tc=');
  expect(await cursorWrites(page)).toEqual([]);
  // At 4× the run takes 2.5 s; then play stops at T.
  await expect(page.getByRole('button', { name: 'Play the dynamics over t' })).toBeVisible({
    timeout: 8000,
  });
  await expect(page).toHaveURL(/tc=20(&|$)/);
  expect(await revealOf(page, 'trajectories')).toBe('20');
  expect(await revealOf(page, 'portrait')).toBe('20');
  await page.waitForTimeout(500);
  expect((await cursorWrites(page)).length).toBe(1);
  // Every SGD dot is shown at T.
  await expect(page.locator('[data-view="trajectories"] circle.dot[display="none"]')).toHaveCount(
    0,
  );
});

test('pause stops the cursor where it is; Esc shows the whole run again', async ({ page }) => {
  await countCursorWrites(page);
  await page.goto('/?model=gan&T=50&n=200&ps=0.5');
  await expect(page.locator('[data-view="trajectories"] circle.dot').first()).toBeVisible();
  await page.getByRole('button', { name: 'Play the dynamics over t' }).click();
  await expect
    .poll(async () => Number(await revealOf(page, 'trajectories')), { timeout: 5000 })
    .toBeGreaterThan(1);
  // The SGD dots after the cursor are hidden, the portrait's ring follows.
  await expect(
    page.locator('[data-view="trajectories"] circle.dot[display="none"]').first(),
  ).toBeAttached();
  await expect(page.locator('[data-view="portrait"] circle.cursor')).toHaveCount(1);
  await page.keyboard.press(' ');
  const paused = Number(await revealOf(page, 'trajectories'));
  expect(paused).toBeGreaterThan(1);
  expect(paused).toBeLessThan(50);
  await page.waitForTimeout(600);
  expect(Number(await revealOf(page, 'trajectories'))).toBe(paused);
  await expect(page).toHaveURL(new RegExp(`tc=${Number(paused.toPrecision(4))}(&|$)`));
  expect((await cursorWrites(page)).length).toBe(1);
  // Space again resumes from there, not from 0.
  await page.keyboard.press(' ');
  await page.waitForTimeout(200);
  expect(Number(await revealOf(page, 'trajectories'))).toBeGreaterThanOrEqual(paused);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Play the dynamics over t' })).toBeVisible();
  expect(await revealOf(page, 'trajectories')).toBe('');
  await expect(page.locator('[data-view="trajectories"] g.curves')).not.toHaveAttribute(
    'clip-path',
    /./,
  );
  await expect(page.locator('[data-view="trajectories"] circle.dot[display="none"]')).toHaveCount(
    0,
  );
});

test('loop starts over at the end; a bad speed in the link is a notice', async ({ page }) => {
  await page.goto('/?model=gan&T=10&n=200&ps=8&loop=1');
  await expect(page.locator('[data-view="trajectories"] path.curve').first()).toBeVisible();
  await expect(page.getByLabel('Play speed')).toHaveValue('8');
  await page.keyboard.press(' ');
  // 8×: the run takes 1.25 s; after 3 s it is still playing, having wrapped.
  await page.waitForTimeout(3000);
  await expect(page.getByRole('button', { name: 'Pause play' })).toBeVisible();
  await page.keyboard.press(' ');
  await page.goto('/?model=gan&T=10&n=200&ps=fast');
  await expect(page.getByText(/ps \(play speed\) must be one of/)).toBeVisible();
});

test('the cloud morphs through its snapshots while playing', async ({ page }) => {
  await page.goto('/?model=gan&d=1&Lambda=5&LambdaT=5&U=constant&n=500&T=15&ps=0.25');
  const cloud = page.locator('[data-view="cloud"]');
  await expect(cloud.locator('path.ellipse').first()).toBeVisible({ timeout: 20000 });
  await page.keyboard.press(' ');
  const first = await cloud.locator('path.ellipse').first().getAttribute('d');
  await page.waitForTimeout(700);
  const later = await cloud.locator('path.ellipse').first().getAttribute('d');
  expect(later).not.toBe(first);
  expect(Number(await cloud.locator('svg.chart').getAttribute('data-reveal'))).toBeGreaterThan(0);
});

test('play moves the cursor without re-rendering the views through React', async ({ page }) => {
  // A React render per frame redrew every chart and held play near 10 fps with the cloud on
  // show; the cursor now follows the store outside React (src/app/play/followCursor.ts).
  await page.goto('/?model=gan&d=1&Lambda=5&LambdaT=5&U=constant&n=500&T=15&ps=0.5&loop=1');
  await expect(page.locator('.sgd-status')).toContainText('done', { timeout: 30000 });
  await expect(page.locator('[data-view="cloud"] path.ellipse').first()).toBeVisible();
  await page.waitForTimeout(1000);
  const renders = () =>
    page.evaluate(() => {
      const counts = (window as unknown as { __macroscopeRenders?: { views: object } })
        .__macroscopeRenders;
      return { ...(counts?.views ?? {}) } as Record<string, number>;
    });
  const before = await renders();
  const seen: string[] = await page.evaluate(async () => {
    const svg = document.querySelector<SVGSVGElement>('[data-view="trajectories"] svg.chart')!;
    const times = new Set<string>();
    const watch = new MutationObserver(() => times.add(svg.dataset['reveal'] ?? ''));
    watch.observe(svg, { attributes: true, attributeFilter: ['data-reveal'] });
    document.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    watch.disconnect();
    return [...times];
  });
  const after = await renders();
  expect(seen.length).toBeGreaterThan(10);
  expect((after['trajectories'] ?? 0) - (before['trajectories'] ?? 0)).toBeLessThanOrEqual(1);
  expect((after['portrait'] ?? 0) - (before['portrait'] ?? 0)).toBeLessThanOrEqual(1);
  // The cloud re-renders once per snapshot the scrubber passes (≈ 8 in 1.5 s), not per frame.
  expect((after['cloud'] ?? 0) - (before['cloud'] ?? 0)).toBeLessThan(seen.length / 2);
});
