/**
 * The static build (issue 13, item 8): served from a sub-path by a plain file server that knows
 * nothing of the app, it draws and its workers answer; after one visit its service worker keeps
 * it working with the network off. The server serves dist/ under /macroscope/ only, so any
 * absolute URL (/assets/…, /sw.js) would fail.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

import { expect, test } from '@playwright/test';

const PORT = 4503;
const ROOT = join(process.cwd(), 'dist');
const BASE = `http://127.0.0.1:${PORT}/macroscope/`;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};

let server: Server;

test.beforeAll(async () => {
  // The Playwright web server built dist/ before any test ran.
  expect(existsSync(join(ROOT, 'index.html'))).toBe(true);
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', BASE).pathname);
    if (!path.startsWith('/macroscope/')) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    const file = normalize(join(ROOT, path.slice('/macroscope/'.length) || 'index.html'));
    if (!file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('served under /macroscope/, the build draws and the ODE worker answers', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(BASE)) outside.push(r.url());
  });
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${BASE}?model=gan&T=20&n=200`);
  await expect(page.getByRole('status')).toContainText('ODE ✓ t = 20');
  const d = (await page.locator('path.curve[data-series="P11"]').getAttribute('d')) ?? '';
  expect(d.split('L').length).toBeGreaterThan(50);
  // The SGD worker too: the run finishes.
  await expect(page.getByRole('status')).toContainText('done', { timeout: 30_000 });
  // The equations typeset with KaTeX's fonts from the sub-path.
  await page.getByRole('tab', { name: 'Equations' }).click();
  await expect(page.locator('[data-view="equations"] .katex').first()).toBeVisible();
  expect(outside).toEqual([]);
  expect(failed).toEqual([]);
});

test('after one visit the app works with the network off', async ({ page, context }) => {
  await page.goto(`${BASE}?model=gan&T=20&n=200`);
  await expect(page.getByRole('status')).toContainText('ODE ✓ t = 20');
  // The service worker installs, precaches and takes control (registerType autoUpdate).
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
  });
  await context.setOffline(true);
  // Another state, so that the ODE worker must load and compute anew from the cache.
  const fromCache: boolean[] = [];
  page.on('response', (r) => fromCache.push(r.fromServiceWorker()));
  await page.goto(`${BASE}?model=vae&T=20&n=200&view=equations`);
  await expect(page.locator('[data-view="equations"] .katex').first()).toBeVisible();
  await page.goto(`${BASE}?model=vae&T=20&n=200`);
  await expect(page.getByRole('status')).toContainText('ODE ✓ t = 20', { timeout: 30_000 });
  await expect(page.locator('path.curve').first()).toBeVisible();
  expect(fromCache.length).toBeGreaterThan(0);
  expect(fromCache.every(Boolean)).toBe(true);
  await context.setOffline(false);
});
