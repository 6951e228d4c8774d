/**
 * Screenshot a running macroscope page (used for the docs and for looking at the UI):
 *   npx tsx scripts/screenshot.ts URL OUT.png [width] [height] [wait ms after the first curve]
 */
import { chromium } from '@playwright/test';

import { chromiumLaunchOptions } from '../e2e/chromium';

const [
  url = 'http://127.0.0.1:4173/',
  out = 'screenshot.png',
  width = '1280',
  height = '800',
  wait = '500',
] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(url);
await page.waitForSelector('path.curve', { timeout: 20000 }).catch(() => undefined);
await page.waitForTimeout(Number(wait));
await page.screenshot({ path: out });
await browser.close();
