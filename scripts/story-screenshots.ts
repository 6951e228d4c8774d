/**
 * The docs' pictures of presentation mode and of every shipped story's scenes, as a lecturer sees
 * them (present=1), written to docs/screenshots/stories/. Each PNG is posterised in the browser
 * (16 levels a channel) so that it stays small; the charts' flat colours survive it.
 *   npx tsx scripts/story-screenshots.ts http://127.0.0.1:4401 [wait ms]
 */
import { writeFile } from 'node:fs/promises';

import { chromium, type Page } from '@playwright/test';

import { chromiumLaunchOptions } from '../e2e/chromium';
import { SHIPPED_STORIES } from '../src/app/story/stories';

const [base = 'http://127.0.0.1:4401', wait = '4000'] = process.argv.slice(2);
const OUT = 'docs/screenshots/stories';

async function shrink(page: Page, png: Buffer): Promise<Buffer> {
  const data = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const pixels = ctx.getImageData(0, 0, img.width, img.height);
    for (let i = 0; i < pixels.data.length; i++)
      if (i % 4 !== 3) pixels.data[i] = Math.round(pixels.data[i]! / 17) * 17;
    ctx.putImageData(pixels, 0, 0);
    return canvas.toDataURL('image/png').split(',')[1]!;
  }, png.toString('base64'));
  return Buffer.from(data, 'base64');
}

async function shoot(page: Page, url: string, out: string) {
  await page.goto(url);
  await page
    .waitForSelector('path.curve, rect.cell, circle', { timeout: 20000 })
    .catch(() => undefined);
  await page.waitForTimeout(Number(wait));
  const small = await shrink(page, await page.screenshot());
  await writeFile(out, small);
  console.log(out, Math.round(small.length / 1024), 'KB');
}

const browser = await chromium.launch(chromiumLaunchOptions);
const wide = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await shoot(wide, `${base}/?story=gan&scene=1&present=1`, `${OUT}/presentation-1920x1080.png`);
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
for (const story of SHIPPED_STORIES)
  for (let k = 1; k <= story.scenes.length; k++)
    await shoot(
      page,
      `${base}/?story=${story.id}&scene=${k}&present=1`,
      `${OUT}/${story.id}-${k}.png`,
    );
await browser.close();
