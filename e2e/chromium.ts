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
