/**
 * Slider storms (docs/reliability.md), shared by e2e/storm.spec.ts and the longer
 * `npm run storm`: random slider, keyboard and typed changes on one model, with the main
 * thread's long tasks recorded by a PerformanceObserver.
 */
import { expect, type Page } from '@playwright/test';

export interface StormResult {
  changes: number;
  /** ms from the last change until the ODE status showed the final state's answer. */
  settleMs: number;
  longTasks: number;
  longestTaskMs: number;
  stormMs: number;
  /** The state the storm ended on. */
  url: string;
}

/** Record long tasks (> 50 ms) from the first paint on, in window.__longTasks. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * `inPage` changes dispatched inside the page every `spacingMs` (range inputs and typed values,
 * chosen by a seeded generator), while the test presses arrow keys on a focused slider.
 */
export async function storm(
  page: Page,
  seed: number,
  inPage: number,
  keyPresses: number,
  spacingMs: number,
): Promise<StormResult> {
  // Sliders of the model's parameters (n, T and the seed would only make the test slow).
  const sliders = page.locator('.side input[type="range"]');
  const count = await sliders.count();
  const labels: string[] = [];
  for (let i = 0; i < count; i++) {
    const label = (await sliders.nth(i).getAttribute('aria-label')) ?? '';
    if (!/: (dimension|random seed|final time)$/.test(label)) labels.push(label);
  }
  expect(labels.length).toBeGreaterThan(0);
  await page.getByRole('slider', { name: labels[0], exact: true }).focus();
  const started = await page.evaluate(() => performance.now());
  const inPageDone = page.evaluate(
    ({ seed, inPage, spacingMs, labels }) =>
      new Promise<number>((resolve) => {
        let s = seed >>> 0;
        const random = () => {
          // mulberry32
          s = (s + 0x6d2b79f5) >>> 0;
          let t = s;
          t = Math.imul(t ^ (t >>> 15), t | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const setValue = (input: HTMLInputElement, value: string) => {
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          setter.call(input, value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        };
        let k = 0;
        const step = () => {
          const label = labels[Math.floor(random() * labels.length)]!;
          const range = document.querySelector<HTMLInputElement>(
            `input[type="range"][aria-label="${CSS.escape(label)}"]`,
          );
          const text = document.querySelector<HTMLInputElement>(
            `input[type="text"][aria-label="${CSS.escape(label + ' value')}"]`,
          );
          if (range && (random() < 0.7 || !text)) {
            const min = Number(range.min);
            const max = Number(range.max);
            setValue(range, String(min + random() * (max - min)));
          } else if (text) {
            const current = Number(text.value);
            const next = Number.isFinite(current) ? current * (0.8 + 0.4 * random()) : 1;
            setValue(text, String(Number(next.toPrecision(3))));
            text.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          }
          if (++k < inPage) setTimeout(step, spacingMs);
          else resolve(performance.now());
        };
        step();
      }),
    { seed, inPage, spacingMs, labels },
  );
  const keys = ['ArrowRight', 'ArrowLeft', 'PageUp', 'ArrowRight'];
  for (let k = 0; k < keyPresses; k++) await page.keyboard.press(keys[k % keys.length]!);
  const lastKey = await page.evaluate(() => performance.now());
  const lastInPage = await inPageDone;
  const lastChange = Math.max(lastKey, lastInPage);
  // Settled: the ODE shows an answer (a curve, a divergence or a stopped banner) computed after
  // the last change; each change first marks the ODE as integrating.
  const settledAt = await page.waitForFunction(
    () => {
      const status = document.querySelector('.status');
      const ode = status?.querySelector('.ode-status')?.textContent ?? '';
      const answered =
        /ODE ✓|ODE failed/.test(ode) || !!status?.querySelector('.banner.diverged, .ode-stopped');
      return answered && !/integrating/.test(ode) ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  const settled = (await settledAt.jsonValue()) as number;
  const tasks = await page.evaluate(
    ([from, to]) =>
      (
        window as unknown as { __longTasks: { start: number; duration: number }[] }
      ).__longTasks.filter((t) => t.start >= from! && t.start <= to!),
    [started, settled],
  );
  return {
    changes: inPage + keyPresses,
    settleMs: Math.round(settled - lastChange),
    longTasks: tasks.length,
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    stormMs: Math.round(lastChange - started),
    url: page.url(),
  };
}

/**
 * How long the final state's own ODE takes to show, on a fresh load of `url` in `page`: from the
 * first frame that shows the ODE integrating to the frame with its answer (0 when no frame
 * showed it integrating). A storm cannot settle sooner than this after its last change: some
 * random final states are stiff or diverge late (a GAN storm ended where the ODE took 3.1 s to
 * find its blow-up at t = 4.3, an XOR storm where it took 10 s), and that time is the ODE's,
 * not the storm's.
 */
export async function freshOdeMs(page: Page, url: string): Promise<number> {
  await page.addInitScript(() => {
    const w = window as unknown as { __ode: { from: number | null; to: number | null } };
    w.__ode = { from: null, to: null };
    const tick = () => {
      const status = document.querySelector('.status');
      const ode = status?.querySelector('.ode-status')?.textContent ?? '';
      if (/integrating/.test(ode)) w.__ode.from ??= performance.now();
      const answered =
        /ODE ✓|ODE failed/.test(ode) || !!status?.querySelector('.banner.diverged, .ode-stopped');
      if (answered && !/integrating/.test(ode)) w.__ode.to = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(url);
  const times = await page.waitForFunction(
    () => {
      const o = (window as unknown as { __ode: { from: number | null; to: number | null } }).__ode;
      return o.to !== null ? o : false;
    },
    undefined,
    { timeout: 60_000 },
  );
  const { from, to } = (await times.jsonValue()) as { from: number | null; to: number };
  return from === null ? 0 : Math.round(to - from);
}
