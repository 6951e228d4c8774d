/**
 * `npm run soak [-- --minutes 10] [--url http://127.0.0.1:PORT]`: presets switch every 10 s in
 * Debian's chromium for the given minutes (default 10), the JS heap is sampled every 30 s (CDP
 * Runtime.getHeapUsage, after a collection, so it is what the page keeps) and the live workers
 * are counted (Worker constructions minus terminations, through an init script). Without --url
 * it builds the site and serves it with vite preview on port 4590, on loopback only. Goal
 * (docs/reliability.md): heap growth < 20 MB and a bounded, constant worker count. Prints one
 * JSON line per sample and a summary; exits 1 when a goal is missed.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

import { chromium, type Page } from '@playwright/test';

import { chromiumLaunchOptions, waitForServer } from '../e2e/chromium';

const PORT = 4590;
const SWITCH_MS = 10_000;
const SAMPLE_MS = 30_000;
const HEAP_GROWTH_GOAL_MB = 20;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Every (model, preset) pair the pickers offer, in order. */
async function presetSchedule(page: Page): Promise<{ model: string; preset: string }[]> {
  const models = await page
    .locator('select[aria-label="Model"] option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const schedule: { model: string; preset: string }[] = [];
  for (const model of models) {
    await page.selectOption('select[aria-label="Model"]', model);
    await page.waitForTimeout(300);
    const presets = await page
      .locator('select[aria-label="Preset"] option')
      // Not the disabled "custom" entry, which names a state no preset matches.
      .evaluateAll((os) =>
        (os as HTMLOptionElement[]).filter((o) => o.value && !o.disabled).map((o) => o.value),
      );
    for (const preset of presets) schedule.push({ model, preset });
  }
  return schedule;
}

async function main() {
  const minutes = Number(flag('minutes') ?? 10);
  if (!(minutes > 0))
    throw new Error(`--minutes must be a positive number; got ${flag('minutes')}`);
  let base = flag('url');
  let server: ChildProcess | null = null;
  if (!base) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
    server = spawn(
      'npx',
      ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
      { stdio: 'ignore', detached: true },
    );
    base = `http://127.0.0.1:${PORT}`;
  }
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await waitForServer(base, 30_000);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __workers: { made: number; ended: number } };
      w.__workers = { made: 0, ended: 0 };
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          w.__workers.made++;
        }
        override terminate(): void {
          w.__workers.ended++;
          super.terminate();
        }
      };
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    const schedule = await presetSchedule(page);
    const cdp = await page.context().newCDPSession(page);
    const sample = async (elapsedS: number) => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const workers = await page.evaluate(() => {
        const c = (window as unknown as { __workers: { made: number; ended: number } }).__workers;
        return { live: c.made - c.ended, made: c.made };
      });
      const row = { t: elapsedS, heapMB: +(heap.usedSize / 2 ** 20).toFixed(1), ...workers };
      console.log(JSON.stringify(row));
      return row;
    };
    const started = Date.now();
    const rows = [await sample(0)];
    let k = 0;
    let nextSample = SAMPLE_MS;
    while (Date.now() - started < minutes * 60_000) {
      const { model, preset } = schedule[k++ % schedule.length]!;
      if ((await page.inputValue('select[aria-label="Model"]')) !== model)
        await page.selectOption('select[aria-label="Model"]', model);
      await page.selectOption('select[aria-label="Preset"]', preset);
      await page.waitForTimeout(SWITCH_MS);
      const elapsed = Date.now() - started;
      if (elapsed >= nextSample) {
        rows.push(await sample(Math.round(elapsed / 1000)));
        nextSample += SAMPLE_MS;
      }
    }
    // Compared after the first minute: the first samples include the workers' warm-up.
    const settled = rows.filter((r) => r.t >= 60);
    const first = settled[0] ?? rows[0]!;
    const last = rows.at(-1)!;
    const growth = last.heapMB - first.heapMB;
    const live = rows.map((r) => r.live);
    const summary = {
      minutes,
      presets: k,
      heapMB: rows.map((r) => r.heapMB),
      heapGrowthMB: +growth.toFixed(1),
      liveWorkers: live,
      workersMade: last.made,
      pageErrors: errors.length,
    };
    console.log(JSON.stringify(summary));
    const liveAfterWarmUp = settled.map((r) => r.live);
    const bounded = liveAfterWarmUp.every((n) => n <= Math.max(...live.slice(0, 3), 0) + 2);
    if (growth >= HEAP_GROWTH_GOAL_MB || !bounded || errors.length > 0) {
      console.error(
        `soak: goal missed (heap growth ${growth.toFixed(1)} MB, live workers ${live.join(' ')}, ${errors.length} page errors)`,
      );
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    if (server?.pid) process.kill(-server.pid);
  }
}

main().catch((err: unknown) => {
  console.error(`soak: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
