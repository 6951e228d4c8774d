/**
 * The reference beside bench:ui's dots-done figures: the same runs of the same default sampler
 * on bare workers (bench/bareWorkerEntry.ts) in the same browser, dealt round-robin over
 * navigator.hardwareConcurrency workers as the app deals them (sgdController.ts). The ratio of
 * the app's figure to this one is what the app adds (page load, scheduling, drawing); this one
 * alone is what the chain costs on the machine.
 */
import type { Page } from '@playwright/test';
import { build, type Rollup } from 'vite';

let bundle: string | null = null;

/** bareWorkerEntry.ts as one classic script, minified as the app's build is. */
async function workerSource(): Promise<string> {
  if (bundle !== null) return bundle;
  const out = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: new URL('./bareWorkerEntry.ts', import.meta.url).pathname,
        formats: ['iife'],
        name: 'bareWorker',
      },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const first = Array.isArray(out) ? out[0]! : out;
  bundle = first.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk')!.code;
  return bundle;
}

/** Seconds for `runs` runs of `query` on bare workers, timed in the page (about:blank). */
export async function bareWorkerSeconds(page: Page, query: string, runs: number): Promise<number> {
  await page.goto('about:blank');
  return page.evaluate(
    async ({ code, query, runs }) => {
      const cores = Math.max(1, navigator.hardwareConcurrency || 2);
      const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      const batches = Array.from({ length: Math.min(cores, runs) }, (_, w) =>
        Array.from({ length: runs }, (_, r) => r).filter((r) => r % cores === w),
      );
      const t0 = performance.now();
      await Promise.all(
        batches.map(
          (streams) =>
            new Promise<void>((resolve) => {
              const worker = new Worker(url);
              worker.onmessage = () => {
                worker.terminate();
                resolve();
              };
              worker.postMessage({ query, streams });
            }),
        ),
      );
      return (performance.now() - t0) / 1000;
    },
    { code: await workerSource(), query, runs },
  );
}
