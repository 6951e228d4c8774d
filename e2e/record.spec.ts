import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';

/**
 * Recording play: a WebM at 30 fps whose duration and frame count are read from its EBML (and
 * by the browser's <video>), a GIF that decodes, a zip of PNG frames, and Cancel.
 */

interface Ebml {
  blocks: number;
  durationSeconds: number | null;
  codec: string | null;
}

/** Walk a WebM's EBML (Matroska spec): count SimpleBlocks, read Info's Duration and the codec. */
function readWebm(bytes: Uint8Array): Ebml {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vint = (p: number, keepMarker: boolean) => {
    const first = bytes[p]!;
    let length = 1;
    while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
    let value = keepMarker ? first : first & (0xff >> length);
    for (let k = 1; k < length; k++) value = value * 256 + bytes[p + k]!;
    const allOnes = !keepMarker && value === 2 ** (7 * length) - 1;
    return { value, length, unknown: allOnes };
  };
  const MASTERS = new Set([0x18538067, 0x1f43b675, 0xa0, 0x1549a966, 0x1654ae6b, 0xae]);
  const out: Ebml = { blocks: 0, durationSeconds: null, codec: null };
  let scale = 1e6;
  let duration: number | null = null;
  const walk = (start: number, end: number) => {
    let p = start;
    while (p < end) {
      const id = vint(p, true);
      const size = vint(p + id.length, false);
      const body = p + id.length + size.length;
      const stop = size.unknown ? end : body + size.value;
      if (MASTERS.has(id.value)) walk(body, stop);
      else if (id.value === 0xa3) out.blocks++;
      else if (id.value === 0x2ad7b1) {
        scale = 0;
        for (let k = 0; k < size.value; k++) scale = scale * 256 + bytes[body + k]!;
      } else if (id.value === 0x4489)
        duration = size.value === 4 ? view.getFloat32(body) : view.getFloat64(body);
      else if (id.value === 0x86)
        out.codec = new TextDecoder().decode(bytes.subarray(body, body + size.value));
      p = stop;
    }
  };
  walk(0, bytes.length);
  out.durationSeconds = duration === null ? null : (duration * scale) / 1e9;
  return out;
}

/** The GIF's logical screen and its number of image descriptors (GIF89a spec, §20–§23). */
function readGif(bytes: Uint8Array): { width: number; height: number; frames: number } {
  expect(new TextDecoder().decode(bytes.subarray(0, 6))).toBe('GIF89a');
  const width = bytes[6]! | (bytes[7]! << 8);
  const height = bytes[8]! | (bytes[9]! << 8);
  let p = 13;
  if (bytes[10]! & 0x80) p += 3 * 2 ** ((bytes[10]! & 7) + 1);
  const subBlocks = () => {
    while (bytes[p]! !== 0) p += bytes[p]! + 1;
    p++;
  };
  let frames = 0;
  while (p < bytes.length) {
    const b = bytes[p]!;
    if (b === 0x3b) break;
    if (b === 0x21) {
      p += 2;
      subBlocks();
    } else if (b === 0x2c) {
      frames++;
      const packed = bytes[p + 9]!;
      p += 10;
      if (packed & 0x80) p += 3 * 2 ** ((packed & 7) + 1);
      p++; // LZW minimum code size
      subBlocks();
    } else throw new Error(`bad GIF block 0x${b.toString(16)} at ${p}`);
  }
  return { width, height, frames };
}

async function record(page: Page, format: string): Promise<Uint8Array> {
  await page.getByLabel('Recording format').selectOption(format);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.getByRole('button', { name: '● Record' }).click(),
  ]);
  return new Uint8Array(await readFile((await download.path())!));
}

const STATE = '/?model=gan&d=1&Lambda=5&LambdaT=5&U=constant&n=500&T=15&tab=cloud';

test('WebM: 30 fps, the duration and frame count of play at its speed', async ({ page }) => {
  // 4×: the run plays in 2.5 s, so 75 frames.
  await page.goto(`${STATE}&ps=4`);
  await expect(page.locator('[data-view="cloud"] path.ellipse').first()).toBeVisible({
    timeout: 20000,
  });
  const bytes = await record(page, 'webm');
  const webm = readWebm(bytes);
  expect(webm.codec).toMatch(/^V_VP[89]$/);
  expect(webm.blocks).toBe(75);
  expect(webm.durationSeconds).not.toBeNull();
  expect(Math.abs(webm.durationSeconds! - 2.5)).toBeLessThan(0.05);
  // The browser decodes it to the same duration.
  // Served over HTTP, as a user would open the file (the browser refuses media from blob: here).
  await page.route('**/recorded.webm', (route) =>
    route.fulfill({ body: Buffer.from(bytes), contentType: 'video/webm' }),
  );
  const decoded = await page.evaluate(async () => {
    const video = document.createElement('video');
    video.src = '/recorded.webm';
    await new Promise((resolve, reject) => {
      video.onloadedmetadata = resolve;
      video.onerror = () => reject(new Error(`the video does not decode: ${video.error?.message}`));
    });
    return { duration: video.duration, width: video.videoWidth, height: video.videoHeight };
  });
  expect(Math.abs(decoded.duration - 2.5)).toBeLessThan(0.05);
  expect(decoded.width % 2).toBe(0);
  expect(decoded.width).toBeGreaterThan(600);
  // Play is left as it was: stopped, the full curves.
  expect(
    await page.locator('[data-view="trajectories"] svg.chart').getAttribute('data-reveal'),
  ).toBe('');
  await expect(page.getByRole('status').filter({ hasText: 'Recorded 75 frames' })).toBeVisible();
});

test('GIF decodes with 20 fps frames; PNG frames come as a zip', async ({ page }) => {
  await page.goto(`${STATE}&ps=8`);
  await expect(page.locator('[data-view="cloud"] path.ellipse').first()).toBeVisible({
    timeout: 20000,
  });
  const gif = await record(page, 'gif');
  const info = readGif(gif);
  expect(info.frames).toBe(25); // 1.25 s at 20 fps
  expect(info.width).toBeLessThanOrEqual(800);
  const natural = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/gif;base64,${b64}`;
    await img.decode();
    return img.naturalWidth;
  }, Buffer.from(gif).toString('base64'));
  expect(natural).toBe(info.width);

  const zip = await record(page, 'png');
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  expect(view.getUint32(zip.length - 22, true)).toBe(0x06054b50);
  expect(view.getUint16(zip.length - 12, true)).toBe(38); // 1.25 s at 30 fps
  // The first entry is a PNG.
  expect([...zip.subarray(30 + 'frame-0001.png'.length, 30 + 'frame-0001.png'.length + 4)]).toEqual(
    [0x89, 0x50, 0x4e, 0x47],
  );
});

test('Cancel stops a recording, with no download and play restored', async ({ page }) => {
  await page.goto(`${STATE}&ps=0.25`);
  await expect(page.locator('[data-view="cloud"] path.ellipse').first()).toBeVisible({
    timeout: 20000,
  });
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByLabel('Recording format').selectOption('png');
  await page.getByRole('button', { name: '● Record' }).click();
  const progress = page.getByRole('status', { name: 'Recording progress' });
  await expect(progress).toBeVisible();
  await expect.poll(() => progress.locator('progress').getAttribute('value')).not.toBe('0');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Recording cancelled')).toBeVisible();
  expect(downloads).toBe(0);
  expect(
    await page.locator('[data-view="trajectories"] svg.chart').getAttribute('data-reveal'),
  ).toBe('');
});
