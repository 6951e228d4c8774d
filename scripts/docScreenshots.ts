/**
 * The docs' screenshots: each model's default state at 1920×1080, 1280×800, 1024×768 and
 * 390×844, written to docs/screenshots/<model>-<W>x<H>.png as 256-colour PNGs (quantized with
 * gifenc, whose palette keeps the charts' few colours) so that each stays near 150 KB.
 *   npx tsx scripts/docScreenshots.ts http://127.0.0.1:4405/ [wait ms]
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

import { chromium } from '@playwright/test';

import { chromiumLaunchOptions } from '../e2e/chromium';
import { models } from '../src/models/registry';

// Required, not imported: gifenc ships no types, and these two functions are all this uses.
const { applyPalette, quantize } = createRequire(import.meta.url)('gifenc') as {
  quantize(rgba: Uint8Array, colours: number): number[][];
  applyPalette(rgba: Uint8Array, palette: number[][]): Uint8Array;
};
const [base = 'http://127.0.0.1:4405/', wait = '2500'] = process.argv.slice(2);
const SIZES: [number, number][] = [
  [1920, 1080],
  [1280, 800],
  [1024, 768],
  [390, 844],
];

/** CRC-32 of a PNG chunk (type and data). */
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An 8-bit indexed PNG of RGBA pixels. */
function indexedPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const palette = quantize(rgba, 256);
  const index = applyPalette(rgba, palette);
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0;
    rows.set(index.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flatMap((c) => c.slice(0, 3)))),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const browser = await chromium.launch(chromiumLaunchOptions);
for (const model of models)
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${base}?model=${model.id}`);
    await page.waitForSelector('path.curve', { timeout: 20000 }).catch(() => undefined);
    await page.waitForTimeout(Number(wait));
    const png = await page.screenshot();
    // Decode in the page (a canvas), so that no PNG decoder is needed here.
    const rgba = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      // As base64: an array of millions of numbers would not cross to Node whole.
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let text = '';
      for (let k = 0; k < data.length; k += 0x8000)
        text += String.fromCharCode(...data.subarray(k, k + 0x8000));
      return btoa(text);
    }, png.toString('base64'));
    const out = `docs/screenshots/${model.id}-${width}x${height}.png`;
    const file = indexedPng(new Uint8Array(Buffer.from(rgba, 'base64')), width, height);
    writeFileSync(out, file);
    console.log(out, Math.round(file.length / 1024), 'KB');
    await page.close();
  }
await browser.close();
