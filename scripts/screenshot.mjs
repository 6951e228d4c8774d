// Screenshot a running macroscope page:
//   node scripts/screenshot.mjs URL OUT.png [width] [height] [wait ms after the first curve]
import { chromium } from '@playwright/test';

const [
  url = 'http://127.0.0.1:4173/',
  out = 'screenshot.png',
  width = '1280',
  height = '800',
  wait = '500',
] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(url);
await page.waitForSelector('path.curve', { timeout: 20000 }).catch(() => {});
await page.waitForTimeout(Number(wait));
await page.screenshot({ path: out });
await browser.close();
