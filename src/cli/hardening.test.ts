/**
 * Issue 16's CLI findings, each as a test that failed before its fix, and a fuzz of bad calls:
 * every command with hostile flags and states exits 0, 2 or 3, with no stack trace and no raw
 * control character on either stream. fuzzCorpus.json keeps every input that ever failed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { runCli } from './cli';
import corpus from './fuzzCorpus.json';

/** A raw C0/C1 control other than the newline that ends a line. */
function hasRawControl(text: string): boolean {
  for (const c of text) {
    const code = c.charCodeAt(0);
    if ((code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** Which flags each command takes, so that the cheap defaults are only given where valid. */
const COMMAND_FLAGS: Record<string, string[]> = {
  ode: ['state', 'samples'],
  sgd: ['state', 'samples', 'runs'],
  'fixed-points': ['state', 'starts'],
  figure: ['state', 'view'],
  scan: ['state'],
  sweep: ['state'],
  basins: ['state', 'runs'],
  fluctuation: ['state', 'runs'],
  attraction: ['state', 'n'],
  rate: ['state'],
};

/**
 * A state is cut to T = 1, n = 40; a figure goes to stdout (the fuzz must not write files into
 * the working tree) unless it names the unwritable path that tests the write error.
 */
function hostileValue(flag: string, value: string): string {
  if (flag === 'state') return `${value}&T=1&n=40`;
  if (flag === 'out') return value === '/dev/null/x.svg' ? value : '-';
  return value;
}

function expectWellBehaved(argv: string[]): void {
  const r = runCli(argv);
  expect([0, 2, 3], `exit ${r.code} for ${JSON.stringify(argv)}: ${r.stderr}`).toContain(r.code);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at |TypeError|RangeError/);
  expect(hasRawControl(r.stdout) || hasRawControl(r.stderr), JSON.stringify(argv)).toBe(false);
  // Bad input is one line (the bare command prints its usage instead).
  if (r.code === 2 && !r.stderr.startsWith('macroscope: usage'))
    expect(r.stderr.trim().split('\n').length, r.stderr).toBeLessThanOrEqual(2);
}

describe('CLI hardening (issue 16)', () => {
  it('escapes control characters from --state instead of printing them raw', () => {
    const clear = runCli(['ode', '--state', 'model=gan&tau=%1B%5B2J']);
    expect(clear.code).toBe(2);
    expect(clear.stderr).toContain('\\x1b[2J');
    expect(hasRawControl(clear.stderr)).toBe(false);
    const title = runCli(['ode', '--state', 'model=gan&%1B%5D0%3Bpwned%07=1']);
    expect(hasRawControl(title.stderr)).toBe(false);
  });

  it('cuts a long echoed value to a few dozen characters', () => {
    const r = runCli(['ode', '--state', `model=gan&tau=${'9'.repeat(100_000)}x`]);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(400);
    expect(r.stderr).toMatch(/\(100001 characters\)/);
  });

  it('accepts a share link with app keys, with a note', () => {
    const r = runCli([
      'ode',
      '--state',
      'http://localhost:5173/?model=gan&tau=0.2&view=portrait&runs=4&T=10',
      '--samples',
      '3',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: unknown parameter 'view'/);
    // A bare state string keeps unknown keys an error: there a typo is likelier than an app key.
    expect(runCli(['ode', '--state', 'model=gan&view=portrait']).code).toBe(2);
  });

  it('prints help on stdout with exit 0', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['ode', '--help']]) {
      const r = runCli(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^usage: macroscope/);
      expect(r.stderr).toBe('');
    }
  });

  it("writes the figure's SVG to stdout for --out -", () => {
    const r = runCli([
      'figure',
      '--state',
      'model=gan&T=5',
      '--view',
      'trajectories',
      '--out',
      '-',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<svg/);
  });

  it('exits 3 with a line on stderr when the solver hits its step limit', () => {
    // PCA at λ = 20 with the tensor scaling: stiff enough to exhaust the step budget.
    const r = runCli([
      'ode',
      '--state',
      'model=pca&lambda=20&cdelta=4&k=4&scaling=tensor&n=100000',
      '--samples',
      '5',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/stopped at t = .* after \d+ steps \(its step limit\)/);
    expect(JSON.parse(r.stdout).status).toBe('max-steps');
  });

  it('keeps every input that ever failed as a regression case', () => {
    for (const argv of corpus.cases) expectWellBehaved(argv);
  });

  it('survives 240 bad calls across all commands (fixed seed)', () => {
    const commands = [
      'models',
      'ode',
      'sgd',
      'fixed-points',
      'figure',
      'scan',
      'sweep',
      'basins',
      'fluctuation',
      'rate',
      'attraction',
      'nope',
      '',
    ];
    const flags = [
      'state',
      'samples',
      'runs',
      'variant',
      'x',
      'y',
      'view',
      'out',
      'scan',
      'starts',
      'rtol',
      'at',
      'n',
      'log',
      'bogus',
    ];
    const hostile = fc.oneof(
      fc.constantFrom(
        '',
        '-1',
        '0',
        '1e308',
        '-1e308',
        'NaN',
        'inf',
        '1e-320',
        '3.5',
        '99999999',
        'tau=-5:-1:3',
        'beta=-1e308:1e308:3',
        'alpha=0:0:0',
        'x=1:2',
        '%1B%5B2J',
        '\u001b[2J',
        '\u009b31m',
        '"><svg onload=alert(1)>',
        'model=gan&tau=%00',
        'model=nope',
        'model=vae&beta=',
        'model=pca&k=99',
        'model=contrastive&c1=moments:0.01,1e4,1e6',
        '?model=xor&view=scan',
        '/dev/null/x.svg',
        'diagram',
        'trajectories',
        'cloud',
      ),
      fc.string({ maxLength: 30 }),
    );
    const call = fc.tuple(
      fc.constantFrom(...commands),
      fc.array(fc.tuple(fc.constantFrom(...flags), hostile), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(call, ([command, pairs]) => {
        // Cheap defaults first (a later flag wins), and every state cut to T = 1, n = 40: the
        // fuzz is about input handling, and a valid hostile call must not compute for minutes.
        const cheap = [
          '--state',
          'T=1&n=40',
          '--samples',
          '3',
          '--runs',
          '2',
          '--n',
          '3',
          '--starts',
          '1',
          '--view',
          'trajectories',
        ];
        const argv = [
          command,
          ...cheap.filter((_, i) => COMMAND_FLAGS[command]?.includes(cheap[i - (i % 2)]!.slice(2))),
          ...pairs.flatMap(([f, v]) => [`--${f}`, hostileValue(f, v)]),
        ];
        const safe = argv;
        expectWellBehaved(safe);
      }),
      { seed: 16, numRuns: 240 },
    );
  }, 120_000);
});
