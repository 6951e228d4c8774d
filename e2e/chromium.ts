/**
 * How macroscope launches Debian's chromium (a browser download is impossible here): headless,
 * without the background services whose connections this machine's closed network refuses.
 * Shared by the Playwright config, `npm run bench:ui` and the screenshot script.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};

/** Resolve once `url` answers 200 (a preview server coming up), or throw after `ms`. */
export async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not start on ${url}`);
}
