/**
 * bench:ui's "dots done" sections (bench/ui.ts runs them; `-- --only name,…` selects):
 * - ui_sgd_done_s: from page load to every dot done, GAN Fig. 1(a) with 16 runs at n = 2000 and
 *   n = 5000, and the VAE's Fig. 1 (issue 11's goals: 3 s, 8 s);
 * - ui_presets_sgd_done_s: for every preset of every model, from load to its dots and its
 *   many-runs view (basins, fluctuations) done; the slowest five and the count over 5 s.
 *   BENCH_UI_MODELS=gan,pca limits it to those models (for profiling one model's presets).
 * Beside the GAN figures, bench/bareWorker.ts times the same runs on bare workers in the same
 * browser: the app's figure over that one is what the app adds.
 * The machine may be shared: each figure carries the load average (/proc/loadavg) before and
 * after it, so that a slow figure on a loaded machine can be told from a slow app.
 */
import { readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';

import { models } from '../src/models/registry';
import { bareWorkerSeconds } from './bareWorker';

/** A preset still running after this long is recorded as not done (null in the JSON). */
const PRESET_LIMIT_MS = 120_000;
/** Issue 11's goal for every preset. */
const PRESET_GOAL_S = 5;

const round = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)) : null);

/** The 1-minute load average, or null where /proc is not there. */
export function loadAverage(): number | null {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

/**
 * Seconds from `page.goto` to the SGD's dots done and, where the query opens a many-runs view,
 * its ensemble done too (the cloud has its own O(n) run and is not waited for).
 */
async function doneAfterLoad(page: Page, base: string, query: string): Promise<number> {
  const start = Date.now();
  try {
    await page.goto(`${base}/?${query}`);
  } catch (err) {
    // A page that crashed (or a browser that closed) must not lose the figures measured so far.
    console.error(`bench:ui: could not load ${query}: ${err instanceof Error ? err.message : err}`);
    return Number.POSITIVE_INFINITY;
  }
  // A many-runs view starts its ensemble after a debounce: wait for it to be done, not merely
  // not yet running.
  const ensemble = /(view|tab)=(basins|fluctuation)/.test(query)
    ? "s?.dataset.ensemble === 'done'"
    : "s?.dataset.ensemble !== 'running'";
  try {
    await page.waitForFunction(
      `(() => { const s = document.querySelector('footer.status');
        return s?.dataset.sgd === 'done' && ${ensemble}; })()`,
      null,
      { timeout: PRESET_LIMIT_MS, polling: 50 },
    );
  } catch {
    console.error(`bench:ui: not done after ${PRESET_LIMIT_MS / 1000} s: ${query}`);
    return Number.POSITIVE_INFINITY;
  }
  const seconds = (Date.now() - start) / 1000;
  console.error(`bench:ui: ${seconds.toFixed(1)} s  load ${loadAverage()}  ${query}`);
  return seconds;
}

function presetQuery(modelId: string, presetId: string): string {
  const model = models.find((m) => m.id === modelId)!;
  const preset = model.presets.find((p) => p.id === presetId)!;
  return `model=${modelId}&${preset.state}${preset.view ? `&${preset.view}` : ''}`;
}

/**
 * Let the browser settle before the first figure: a fresh chromium spends its first seconds on
 * its own start-up, and the app's first visit installs the offline service worker (it fetches
 * and caches every file). Both are once per browser, not per preset.
 */
async function settle(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/?model=pca`);
  await page.evaluate(() => navigator.serviceWorker?.ready.then(() => undefined));
  await page.waitForTimeout(5000);
}

export async function sgdDone(page: Page, base: string) {
  await settle(page, base);
  const fig1a = presetQuery('gan', 'fig1a');
  const cases = {
    gan_fig1a_runs16_n2000: { query: `${fig1a}&n=2000&runs=16`, runs: 16 },
    gan_fig1a_runs16_n5000: { query: `${fig1a}&n=5000&runs=16`, runs: 16 },
    vae_fig1: { query: presetQuery('vae', 'fig1-matched'), runs: 0 },
  };
  const figures: Record<string, Record<string, number | null>> = {};
  for (const [name, { query, runs }] of Object.entries(cases)) {
    const seconds = await doneAfterLoad(page, base, query);
    const figure: Record<string, number | null> = {
      seconds: round(seconds),
      loadavg_1min: loadAverage(),
    };
    if (runs > 0) {
      // The same runs on bare workers in the same browser: what the chain alone costs here.
      const bare = await bareWorkerSeconds(page, query, runs);
      figure['bare_workers_s'] = round(bare);
      figure['app_over_bare'] = round(seconds / bare);
    }
    figures[name] = figure;
  }
  return {
    ...figures,
    goals_s: { gan_fig1a_runs16_n2000: 3, gan_fig1a_runs16_n5000: 8 },
    note:
      'page load to every dot done (the cloud has its own run and is not waited for); ' +
      'bare_workers_s: the same runs of the default sampler on bare workers in the same browser ' +
      '(bench/bareWorker.ts), after the browser settled (start-up, service worker)',
  };
}

export async function presetsSgdDone(page: Page, base: string) {
  await settle(page, base);
  const only = process.env['BENCH_UI_MODELS']?.split(',');
  const loadBefore = loadAverage();
  const times: { preset: string; seconds: number; loadavg_1min: number | null }[] = [];
  for (const model of models) {
    if (only && !only.includes(model.id)) continue;
    for (const preset of model.presets) {
      const seconds = await doneAfterLoad(page, base, presetQuery(model.id, preset.id));
      times.push({ preset: `${model.id}/${preset.id}`, seconds, loadavg_1min: loadAverage() });
    }
  }
  times.sort((a, b) => b.seconds - a.seconds);
  return {
    presets: times.length,
    over_5_s: times.filter((p) => p.seconds > PRESET_GOAL_S).length,
    not_done_within_s: PRESET_LIMIT_MS / 1000,
    slowest: times.slice(0, 5).map((p) => ({ ...p, seconds: round(p.seconds) })),
    median: round(times[Math.floor(times.length / 2)]?.seconds ?? 0),
    loadavg_1min: { before: loadBefore, after: loadAverage() },
  };
}

/** The sections by name, for `--only`. */
export const SGD_DONE_SECTIONS = {
  ui_sgd_done_s: sgdDone,
  ui_presets_sgd_done_s: presetsSgdDone,
} as const;
