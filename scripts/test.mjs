// `npm test`: install what is missing (npm packages, Debian chromium), then typecheck, lint,
// unit tests (Vitest) and e2e tests (Playwright). Prints `N passed, N failed` at the end and
// exits non-zero if anything failed.
import { readFileSync, rmSync } from 'node:fs';

import { ensureChromium, ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
const failures = [];
let passed = 0;
let failed = 0;

function step(name, command, args) {
  console.log(`\n── ${name} ──`);
  const code = run(command, args);
  if (code !== 0) failures.push(name);
  return code;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);

rmSync('.vitest-results.json', { force: true });
step('unit tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.vitest-results.json',
]);
const unit = readJson('.vitest-results.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += (unit.numFailedTests ?? 0) + (unit.numTotalTests === 0 ? 1 : 0);
} else {
  failed += 1;
  failures.push('unit tests produced no results');
}

rmSync('.playwright-results.json', { force: true });
if (ensureChromium()) {
  step('e2e tests (playwright, Debian chromium)', 'npx', ['playwright', 'test']);
  const e2e = readJson('.playwright-results.json');
  if (e2e?.stats) {
    passed += e2e.stats.expected ?? 0;
    failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
  } else {
    failed += 1;
    failures.push('e2e tests produced no results');
  }
} else {
  failed += 1;
  failures.push('chromium unavailable: e2e tests not run');
}

console.log('');
if (failures.length) console.log(`failed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
