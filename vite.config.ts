import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

import { contentSecurityPolicy } from './scripts/csp.ts';

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
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
