/**
 * `npm run bench:ui`: browser figures measured in Debian's chromium through Playwright, on the
 * production build (vite build + vite preview on port 4174, or BENCH_UI_PORT):
 * - ui_slider_to_curve_ms: p50/p95 from a slider `input` event to the next animation frame
 *   after the new ODE curve landed in the DOM;
 * - ui_cloud_scrub_fps: frames per second while the cloud's scrubber moves every frame over
 *   snapshots of 10⁴ points;
 * - ui_sgd_dots_per_s: SGD dots added to the trajectories per second (Fig. 1(a), n = 2000),
 *   with the browser's SGD speed in coordinate-updates per second beside it;
 * - ui_renders_per_sgd_flush: React renders of each view per SGD flush into the store, over the
 *   same 8 s (src/app/renderCount.ts);
 * - ui_sgd_done_s, ui_presets_sgd_done_s: from page load to every dot done, for GAN Fig. 1(a)
 *   and VAE Fig. 1, and for every preset (bench/uiSgdDone.ts);
 * - ui_play_fps_cloud_n2000, ui_record_10s_30fps_s: play and recording (bench/uiPlay.ts);
 * - ui_huge_slider_to_curve_ms, ui_huge_diagram_cancel_ms: huge work (bench/uiHuge.ts).
 * Prints one JSON object. `npm run bench:ui -- --only ui_play_fps_cloud_n2000,…` runs only the
 * sections named (those of bench/uiPlay.ts, bench/uiSgdDone.ts and bench/uiHuge.ts).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

import { chromium, type Page } from '@playwright/test';

import { chromiumLaunchOptions, waitForServer } from '../e2e/chromium';
import { HUGE_SECTIONS } from './uiHuge';
import { PLAY_SECTIONS } from './uiPlay';
import { SGD_DONE_SECTIONS } from './uiSgdDone';

const PORT = Number(process.env['BENCH_UI_PORT'] ?? 4174);
const BASE = `http://127.0.0.1:${PORT}`;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))));
  return sorted[i]!;
}

/** The sections `--only` can select; the slider, cloud and diagram figures run only in full. */
const SECTIONS: Record<string, (page: Page, base: string) => Promise<unknown>> = {
  ...PLAY_SECTIONS,
  ...SGD_DONE_SECTIONS,
  ...HUGE_SECTIONS,
};

/** `--only a,b`: the sections to run (of SECTIONS); all of them without it. */
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : null;
const unknownSections = (ONLY ?? []).filter((n) => !(n in SECTIONS));
if (unknownSections.length) {
  console.error(
    `bench:ui: unknown section ${unknownSections.join(', ')}; --only takes ${Object.keys(SECTIONS).join(', ')}`,
  );
  process.exit(2);
}

async function main() {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await waitForServer(BASE, 30_000);
    // The bench's probes are strings evaluated in the page, which the site's CSP forbids (eval).
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    if (ONLY) {
      const selected: Record<string, unknown> = {};
      for (const name of ONLY) selected[name] = await SECTIONS[name]!(page, BASE);
      console.log(JSON.stringify(selected, null, 2));
      return;
    }
    const play: Record<string, unknown> = {};
    for (const [name, section] of Object.entries({ ...PLAY_SECTIONS, ...HUGE_SECTIONS }))
      play[name] = await section(page, BASE);

    // 1. Slider → curve latency (the SGD restarts are part of the load, as in real use).
    await page.goto(`${BASE}/?model=gan&T=600`);
    await page.waitForSelector('[data-view="trajectories"] path.curve[data-series="P11"]');
    // Measured once the page's phase diagram is done, its cells and its fold/Hopf curves (their
    // workers take every core, and the curves' continuation ~10 s of one, while they run); the
    // SGD keeps running in its workers throughout, as in real use.
    await page.waitForFunction(
      `document.querySelector('[data-view="diagram"] .view-note')?.textContent === 'click to move there' &&
        !(document.querySelector('[data-view="diagram"] .key-status')?.textContent ?? '').includes('fold/Hopf curves:')`,
      null,
      {
        timeout: 120_000,
      },
    );
    const latencies: number[] = await page.evaluate(`(async () => {
      const slider = document.querySelector('input[type="range"][aria-label^="τ:"]');
      const path = () => document.querySelector('[data-view="trajectories"] path.curve[data-series="P11"]');
      const out = [];
      for (let k = 0; k < 60; k++) {
        const before = path().getAttribute('d');
        const changed = new Promise((resolve) => {
          const obs = new MutationObserver(() => {
            if (path().getAttribute('d') !== before) {
              obs.disconnect();
              resolve();
            }
          });
          obs.observe(document.querySelector('[data-view="trajectories"] svg.chart'), { attributes: true, subtree: true, childList: true });
        });
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        const t0 = performance.now();
        setter.call(slider, String(40 + (k % 2 === 0 ? 1 + k : -k)));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await changed;
        await new Promise((r) => requestAnimationFrame(() => r()));
        out.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 30));
      }
      return out;
    })()`);
    const sorted = [...latencies].sort((a, b) => a - b);

    // 2. Cloud scrubbing at n = 10⁴.
    await page.goto(
      `${BASE}/?model=gan&d=1&Lambda=5&LambdaT=5&P0=0.1&q0=0.1&U=constant&n=10000&T=2`,
    );
    await page.waitForFunction(
      `document.querySelector('.sgd-status')?.textContent?.includes('done')`,
      null,
      { timeout: 120_000 },
    );
    const fps: { frames: number; seconds: number; snapshots: number } =
      await page.evaluate(`(async () => {
      const scrub = document.querySelector('#cloud-time');
      const max = Number(scrub.max);
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      let frames = 0;
      const t0 = performance.now();
      await new Promise((resolve) => {
        const tick = () => {
          setter.call(scrub, String(frames % (max + 1)));
          scrub.dispatchEvent(new Event('input', { bubbles: true }));
          frames++;
          if (performance.now() - t0 < 3000) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      return { frames, seconds: (performance.now() - t0) / 1000, snapshots: max + 1 };
    })()`);

    // 3. SGD streaming on the default preset.
    await page.goto(`${BASE}/?model=gan&T=600`);
    await page.waitForSelector('[data-view="trajectories"] circle.dot');
    const stream: {
      dots: number;
      seconds: number;
      timeUnits: number;
      flushes: number;
      renders: Record<string, number>;
    } = await page.evaluate(`(async () => {
      const counts = window.__macroscopeRenders;
      const views0 = { ...counts.views };
      const flushes0 = counts.sgdFlushes;
      const count = () => document.querySelectorAll('[data-view="trajectories"] circle.dot').length;
      const tReached = () => Number(/t = ([\\d.]+)\\//.exec(document.querySelector('.sgd-status')?.textContent ?? '')?.[1] ?? 0);
      const c0 = count();
      const r0 = tReached();
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 8000));
      const seconds = (performance.now() - t0) / 1000;
      const renders = {};
      for (const [id, k] of Object.entries(counts.views)) renders[id] = k - (views0[id] ?? 0);
      return { dots: count() - c0, seconds, timeUnits: tReached() - r0, flushes: counts.sgdFlushes - flushes0, renders };
    })()`);

    const sgdDoneFigures: Record<string, unknown> = {};
    for (const [name, section] of Object.entries(SGD_DONE_SECTIONS))
      sgdDoneFigures[name] = await section(page, BASE);

    // 4. A 100×100 d = 1 phase diagram (Fig. 3(b)'s plane), all cores; the SGD of this state is tiny.
    const t0 = Date.now();
    await page.goto(
      `${BASE}/?model=gan&d=1&Lambda=1.2&LambdaT=1.2&eta=1&tau=0.3&taut=0.15&n=50&T=5&dn=100`,
    );
    await page.waitForFunction(
      `document.querySelector('[data-view="diagram"] .view-note')?.textContent === 'click to move there'`,
      null,
      {
        timeout: 180_000,
      },
    );
    // The run starts 300 ms after the state settles (the same debounce as the SGD).
    const diagramSeconds = (Date.now() - t0) / 1000;

    const round = (x: number) => Number(x.toPrecision(3));
    console.log(
      JSON.stringify(
        {
          ui_slider_to_curve_ms: {
            p50: round(percentile(sorted, 0.5)),
            p95: round(percentile(sorted, 0.95)),
            samples: sorted.length,
          },
          ui_cloud_scrub_fps: {
            fps: round(fps.frames / fps.seconds),
            points: 10000,
            snapshots: fps.snapshots,
          },
          ui_sgd_dots_per_s: {
            dots_per_s: round(stream.dots / stream.seconds),
            coord_updates_per_s: round((stream.timeUnits * 2000 * 2000) / stream.seconds),
            note: 'Fig. 1(a), n = 2000, 1 run, one pool worker; a dot per visible series per sample',
          },
          ui_renders_per_sgd_flush: {
            flushes: stream.flushes,
            per_view: Object.fromEntries(
              Object.entries(stream.renders).map(([id, k]) => [
                id,
                round(k / Math.max(1, stream.flushes)),
              ]),
            ),
            note: 'view renders (ViewFrame) per SGD flush into the store, over the 8 s of streaming',
          },
          ...sgdDoneFigures,
          ui_diagram_100x100_s: {
            seconds: round(diagramSeconds),
            note: 'from page load to the last of 10⁴ cells, d = 1, one analysis worker per core',
          },
          ...play,
          environment: {
            chromium: browser.version(),
            cores: (await page.evaluate('navigator.hardwareConcurrency')) as number,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    // The server may have exited already: its error must not hide the bench's own.
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      // already gone
    }
  }
}

main().catch((err: unknown) => {
  console.error(`bench:ui: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
