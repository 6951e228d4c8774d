import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

import { contentSecurityPolicy } from './scripts/csp.ts';

export default defineConfig({
  // A relative base: the built site works from any sub-path (/macroscope/, a USB stick's folder).
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    // The offline app (docs/lecture.md, "Offline"): a generated service worker precaches every
    // built file, the worker chunks and KaTeX's fonts included, so one visit is enough. It is
    // registered by an external registerSW.js (the CSP allows no inline script) and only in the
    // build: the dev server keeps no cache.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: false,
      workbox: {
        // KaTeX's fonts as woff2 only: every browser that runs module workers reads it first.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,wasm}'],
        // The app's main chunk is large (D3, KaTeX, the models); precache it all the same.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // Control the first visit's page at once, so that it is the visit that makes it offline.
        clientsClaim: true,
        skipWaiting: true,
        // A deep link (?model=…) is the same index.html.
        navigateFallback: 'index.html',
      },
    }),
  ],
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // Statistical and SGD-vs-ODE tests are CPU-bound: two cores, two forks.
    pool: 'forks',
    maxWorkers: 2,
  },
});
