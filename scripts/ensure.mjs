// Install what is missing on a fresh machine: npm dependencies, and (for the e2e tests)
// Debian's chromium. Plain Node, no dependencies: this runs before `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status ?? 1;
}

/** npm install when node_modules is absent or older than package.json / package-lock.json. */
export function ensureDependencies() {
  const marker = 'node_modules/.package-lock.json';
  const stale =
    !existsSync(marker) ||
    ['package.json', 'package-lock.json'].some(
      (f) => existsSync(f) && statSync(f).mtimeMs > statSync(marker).mtimeMs,
    );
  if (!stale) return;
  console.log('macroscope: installing npm dependencies…');
  const code = run('npm', ['install', '--no-audit', '--no-fund']);
  if (code !== 0) {
    console.error('macroscope: npm install failed; see the messages above.');
    process.exit(code);
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** apt-get install chromium when it is absent and we are root; otherwise say what to do. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    console.error(
      `macroscope: ${CHROMIUM} is missing and this is not root. Install Debian's chromium ` +
        '(sudo apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
    return false;
  }
  console.log('macroscope: installing Debian chromium for the e2e tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], { env }) !== 0) return false;
  if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }) !== 0)
    return false;
  return existsSync(CHROMIUM);
}
