/** Issue 17, the shell's defects: presets, menus, sharing, the slider panel and layout. */
import { readFileSync } from 'node:fs';

import { expect, type Page, test } from '@playwright/test';

async function choosePreset(page: Page, id: string) {
  await page.getByLabel('Preset').selectOption(id);
}

test('1: the menu names the preset chosen when another shares its parameters', async ({ page }) => {
  const cases: [string, string][] = [
    ['pca', 'fig5'],
    ['pca', 'fig1b'],
    ['pca', 'fig1d'],
    ['gmm', 'fig7'],
    ['contrastive', 'fig2b'],
    ['contrastive', 'diagram'],
  ];
  for (const [model, preset] of cases) {
    await page.goto(`/?model=${model}`);
    await choosePreset(page, preset);
    await expect(page.getByLabel('Preset')).toHaveValue(preset);
    // The address bar is written at most every 100 ms: wait for it rather than read it.
    await expect(page).toHaveURL(new RegExp(`[?&]p=${preset}(&|$)`));
    // The link reopens on the same entry.
    await page.reload();
    await expect(page.getByLabel('Preset')).toHaveValue(preset);
  }
});

test('1: changing a parameter drops the preset from the link', async ({ page }) => {
  await page.goto('/?model=pca');
  await choosePreset(page, 'fig5');
  await page.getByRole('slider', { name: /^λ/ }).first().press('ArrowRight');
  await expect(page.getByLabel('Preset')).toHaveValue('custom');
  await expect(page).not.toHaveURL(/[?&]p=/);
});

test('2: contrastive Fig. 4 opens on its scan, not on the rate tab', async ({ page }) => {
  await page.goto('/?model=contrastive');
  await choosePreset(page, 'fig4-anticorrelated');
  await expect(page.getByRole('tab', { name: 'Scans' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-view="scan"]')).toBeVisible();
  await expect(page.locator('[data-view="rate"]')).toHaveCount(0);
});

test('17: an Export menu closes on Esc and on a click outside it', async ({ page }) => {
  await page.goto('/?model=gan&view=portrait');
  const open = page.locator('[data-view="portrait"]').getByRole('button', { name: /^Export/ });
  await open.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  // Esc closed the menu only: the maximised view stays (the next Esc leaves it).
  await expect(page).toHaveURL(/view=portrait/);
  await open.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.locator('.side').click({ position: { x: 5, y: 5 } });
  await expect(page.getByRole('menu')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/view=portrait/);
});

test('18: legend toggles are in the link, and defaults open as "defaults"', async ({ page }) => {
  await page.goto('/?model=gan');
  const legend = page.getByRole('list', { name: 'Series' });
  await legend.getByRole('button', { name: 'q₁', exact: true }).click();
  await expect(page).toHaveURL(/tg=q1/);
  await page.reload();
  await expect(legend.getByRole('button', { name: 'q₁', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(page.locator('[data-view="trajectories"] path.curve[data-series="q1"]')).toHaveCount(
    0,
  );
  for (const model of ['xor', 'contrastive', 'pca', 'vae']) {
    await page.goto(`/?model=${model}`);
    await expect(page.getByLabel('Preset')).toHaveValue('defaults');
    // The presets bar below says the same, not "custom".
    await expect(page.locator('.story-count')).toHaveText(/^defaults · \d+ presets$/);
  }
});

test('6: the overlay field takes the GAN’s η, per-model placeholders, its own syntax', async ({
  page,
}) => {
  await page.goto('/?model=gan&n=300&T=20');
  const field = page.getByLabel('Overlay values');
  const ganPlaceholder = await field.getAttribute('placeholder');
  expect(ganPlaceholder).not.toContain('beta');
  await field.fill('eta=1,2,4');
  await field.press('Enter');
  await expect(page).toHaveURL(/ov=eta(:|%3A)1(,|%2C)2(,|%2C)4/);
  await expect(page.locator('[data-view="trajectories"] path.overlay-curve')).toHaveCount(3, {
    timeout: 20_000,
  });
  await expect(page.locator('.status')).not.toContainText(/rejected/);
  // The symbol on the slider works too; a mistake is explained with the field's = syntax.
  await field.fill('η=1,3');
  await field.press('Enter');
  await expect(page).toHaveURL(/ov=eta(:|%3A)1(,|%2C)3/);
  await field.fill('eta:1,2');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('name=v1,v2');
  await expect(page.getByRole('alert')).not.toContainText('name:v1');
  await page.goto('/?model=pca');
  expect(await page.getByLabel('Overlay values').getAttribute('placeholder')).not.toBe(
    ganPlaceholder,
  );
});

test('13: no slider symbol sits over its slider, on any model', async ({ page }) => {
  for (const model of ['gan', 'vae', 'pca', 'gmm', 'xor', 'contrastive']) {
    await page.goto(`/?model=${model}`);
    const sliders = await page.locator('.param-panel .slider').all();
    expect(sliders.length).toBeGreaterThan(3);
    for (const slider of sliders) {
      const symbol = await slider.locator('.slider-symbol .math').boundingBox();
      const range = await slider.locator('input[type="range"]').boundingBox();
      if (!symbol || !range) continue; // the seed has no slider
      expect(symbol.x + symbol.width, `${model} ${await slider.textContent()}`).toBeLessThanOrEqual(
        range.x + 0.5,
      );
    }
  }
});

test('20: log sliders for T and Λ, the seed typed, the dimension named alike', async ({ page }) => {
  await page.goto('/?model=gan&T=600');
  // A log scale: the middle of T's slider is near √(1·10⁴) = 100, not 5000.
  const T = page.getByRole('slider', { name: /^T: final time$/ });
  await T.fill('500');
  await expect(page).toHaveURL(/[?&]T=100(&|$)/);
  const lambda = page.getByRole('slider', { name: /^Λ entry 1/ });
  await lambda.fill('500');
  await expect(page).toHaveURL(/Lambda=1(,|%2C)/);
  // The seed is a typed field, without a slider over 4.29·10⁹ values.
  await expect(page.getByRole('slider', { name: /^seed/ })).toBeHidden();
  const seed = page.getByRole('textbox', { name: /^seed: random seed value$/ });
  await seed.fill('123456789');
  await seed.press('Enter');
  await expect(page).toHaveURL(/seed=123456789/);
  // The status line writes the dimension with the slider's symbol (N on the VAE).
  await page.goto('/?model=vae');
  await expect(page.locator('.param-panel')).toContainText('N');
  await expect(page.locator('.sgd-status')).toContainText('(N = ');
});

async function exportText(page: Page, view: string, item: string): Promise<string> {
  await page
    .locator(`[data-view="${view}"]`)
    .getByRole('button', { name: /^Export/ })
    .click();
  const wait = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  return readFileSync((await (await wait).path())!, 'utf8');
}

test('19: cloud exports carry i, the snapshot time and the ODE state; diagram cells x/y', async ({
  page,
}) => {
  await page.goto('/?model=gan&d=1&Lambda=5&LambdaT=5&P0=0.1&q0=0.1&U=constant&n=400&T=20');
  await expect(page.locator('.status')).toHaveAttribute('data-cloud', 'done', { timeout: 30_000 });
  await expect(page.locator('.ode-status')).toContainText('ODE ✓');
  const csv = (await exportText(page, 'cloud', 'CSV')).trim().split('\n');
  expect(csv[0]!.split(',').slice(0, 2)).toEqual(['i', 't']);
  expect(csv).toHaveLength(401);
  expect(csv[1]!.split(',')[0]).toBe('1');
  expect(csv[400]!.split(',')[0]).toBe('400');
  expect(Number(csv[1]!.split(',')[1])).toBe(20);
  const json = JSON.parse(await exportText(page, 'cloud', 'JSON')) as {
    t: number;
    coordinates: Record<string, number[]>;
    ode: { t: number; state: Record<string, number> } | null;
  };
  expect(json.t).toBe(20);
  expect(json.coordinates['i']).toHaveLength(400);
  expect(Object.keys(json.ode?.state ?? {})).toContain('P11');
  const diagram = JSON.parse(await exportText(page, 'diagram', 'JSON')) as {
    startedAt?: number;
    cells: { i: number; j: number; x: number; y: number }[];
  };
  expect(diagram.startedAt).toBeUndefined();
  expect(diagram.cells.length).toBeGreaterThan(4);
  expect(Number.isFinite(diagram.cells[0]!.x) && Number.isFinite(diagram.cells[0]!.y)).toBe(true);
});

/** The page's sideways overflow in CSS pixels (0: none). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

test('10: a phone stacks the views and folds the panel away', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const model of ['gan', 'vae', 'contrastive']) {
    await page.goto(`/?model=${model}`);
    await expect(page.locator('[data-view="trajectories"] path.curve').first()).toBeVisible();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    for (const view of await page.locator('section.view').all()) {
      const box = (await view.boundingBox())!;
      expect(box.width, model).toBeGreaterThanOrEqual(300);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
  }
  const toggle = page.getByRole('button', { name: /Parameters and run/ });
  await expect(page.locator('.param-panel')).toBeHidden();
  await toggle.click();
  await expect(page.locator('.param-panel')).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
});

test('10: at 1024×768 the header controls do not overlap, Export stays on one line, charts keep their height', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  for (const model of ['gan', 'vae', 'pca', 'gmm', 'xor', 'contrastive']) {
    await page.goto(`/?model=${model}`);
    const controls = await page.locator('.topbar select, .topbar button, .topbar .brand').all();
    const boxes = (await Promise.all(controls.map((c) => c.boundingBox()))).filter(
      (b): b is Box => b !== null,
    );
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++)
        expect(overlaps(boxes[a]!, boxes[b]!), `${model}: controls ${a} and ${b}`).toBe(false);
    for (const button of await page.getByRole('button', { name: /^Export/ }).all()) {
      const box = (await button.boundingBox())!;
      expect(box.height, model).toBeLessThan(34);
    }
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // No chart collapses under its view's controls (the phase diagram's chart was 15 px tall).
    for (const chart of await page.locator('section.view .chart-box').all()) {
      if (!(await chart.isVisible())) continue;
      expect((await chart.boundingBox())!.height, model).toBeGreaterThanOrEqual(160);
    }
  }
  // T, at the bottom of the panel, can be reached.
  await page.getByRole('slider', { name: /^T: final time$/ }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('slider', { name: /^T: final time$/ })).toBeInViewport();
});

test('10: at 1280×800 every chart keeps its height and nothing scrolls', async ({ page }) => {
  // The VAE's phase diagram had a 110 px chart under its controls; the page must not scroll.
  for (const model of ['gan', 'vae', 'pca', 'gmm', 'xor', 'contrastive']) {
    await page.goto(`/?model=${model}`);
    await expect(page.locator('[data-view="trajectories"] path.curve').first()).toBeVisible();
    for (const chart of await page.locator('section.view .chart-box').all()) {
      if (!(await chart.isVisible())) continue;
      expect((await chart.boundingBox())!.height, model).toBeGreaterThanOrEqual(160);
    }
    const overflow = await page.evaluate(() => {
      const views = document.querySelector('.views')!;
      const root = document.documentElement;
      return [views.scrollHeight - views.clientHeight, root.scrollHeight - root.clientHeight];
    });
    expect(overflow, model).toEqual([0, 0]);
  }
});

test('10: at 200 % zoom (640×400 CSS px) the views keep their height and nothing is cut', async ({
  page,
}) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto('/?model=gan');
  await expect(page.locator('[data-view="trajectories"] path.curve').first()).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  for (const view of await page.locator('section.view').all())
    expect((await view.boundingBox())!.height).toBeGreaterThanOrEqual(300);
  // The status line is at the end of the page, not cut off by a fixed height.
  await page.locator('.status').scrollIntoViewIfNeeded();
  await expect(page.locator('.status')).toBeInViewport();
});

test('3: an export taken mid-run says in its caption that the SGD was incomplete', async ({
  page,
}) => {
  await page.goto('/?model=gan&n=5000&T=10000&runs=8');
  await expect(page.locator('.status')).toHaveAttribute('data-sgd', 'running', { timeout: 20_000 });
  const svg = await exportText(page, 'trajectories', 'SVG');
  expect(svg).toContain('SGD incomplete');
});
