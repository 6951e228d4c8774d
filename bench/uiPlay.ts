/**
 * bench:ui's play and recording sections (bench/ui.ts runs them; `-- --only name,…` selects):
 * - ui_play_fps_cloud_n2000: frames drawn per second while play runs with the microscopic cloud
 *   on show at n = 2000 (Fig. 2's setting): distinct cursor times the cloud drew (its SVG's
 *   data-reveal), beside the page's animation frames per second;
 * - ui_record_10s_30fps_s: wall time to record 10 s of play at 30 fps (300 frames) to WebM,
 *   from the click to the download.
 */
import type { Page } from '@playwright/test';

const CLOUD_N2000 = 'model=gan&d=1&Lambda=5&LambdaT=5&U=constant&n=2000&T=15&tab=cloud';

async function cloudReady(page: Page, base: string, extra: string): Promise<void> {
  await page.goto(`${base}/?${CLOUD_N2000}&${extra}`);
  await page.waitForFunction(
    `document.querySelector('.sgd-status')?.textContent?.includes('done') &&
     document.querySelectorAll('[data-view="cloud"] path.ellipse').length > 0`,
    null,
    { timeout: 120_000 },
  );
  // The cloud's own O(n) run streams its snapshots a little longer.
  await page.waitForTimeout(3000);
}

export async function playFps(page: Page, base: string) {
  await cloudReady(page, base, 'ps=1&loop=1');
  await page.keyboard.press(' ');
  const measured: { draws: number; frames: number; seconds: number } =
    await page.evaluate(`(async () => {
    const svg = document.querySelector('[data-view="cloud"] svg.chart');
    const seen = new Set();
    const obs = new MutationObserver(() => seen.add(svg.dataset.reveal));
    obs.observe(svg, { attributes: true, attributeFilter: ['data-reveal'] });
    let frames = 0;
    const t0 = performance.now();
    await new Promise((resolve) => {
      const tick = () => {
        frames++;
        if (performance.now() - t0 < 5000) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    obs.disconnect();
    return { draws: seen.size, frames, seconds: (performance.now() - t0) / 1000 };
  })()`);
  await page.keyboard.press(' ');
  const round = (x: number) => Number(x.toPrecision(3));
  return {
    fps: round(measured.draws / measured.seconds),
    animation_frames_per_s: round(measured.frames / measured.seconds),
    points: 2000,
    note: 'cloud draws per second while playing (trajectories, portrait and cloud all follow)',
  };
}

export async function recordSeconds(page: Page, base: string) {
  await cloudReady(page, base, 'ps=1');
  await page.getByLabel('Recording format').selectOption('webm');
  const t0 = Date.now();
  await Promise.all([
    page.waitForEvent('download', { timeout: 300_000 }),
    page.getByRole('button', { name: '● Record' }).click(),
  ]);
  const seconds = (Date.now() - t0) / 1000;
  return {
    seconds: Number(seconds.toPrecision(3)),
    frames: 300,
    note: 'WebM (VP9 or VP8), 10 s at 30 fps, trajectories + portrait + cloud at n = 2000',
  };
}

/** The sections by name, for `--only`. */
export const PLAY_SECTIONS = {
  ui_play_fps_cloud_n2000: playFps,
  ui_record_10s_30fps_s: recordSeconds,
} as const;
