import { execFileSync, spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { runCli } from './cli';

function json(args: string[]) {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('CLI', () => {
  it('models lists the GAN with its parameter table and presets', () => {
    const out = json(['models']) as {
      models: { id: string; params: { key: string }[]; presets: { id: string; state: string }[] }[];
    };
    const gan = out.models.find((m) => m.id === 'gan');
    expect(gan?.params.map((p) => p.key)).toContain('taut');
    expect(gan?.presets.map((p) => p.id)).toEqual([
      'fig1a',
      'fig1b',
      'fig1c',
      'fig2',
      'fig4a',
      'fig4b',
      'fig4c',
      'fig4d',
    ]);
    expect(gan?.presets[0]?.state.startsWith('model=gan&')).toBe(true);
  });

  it('ode prints {model, params, t, series} with one value per sample', () => {
    const out = json([
      'ode',
      '--state',
      'model=gan&T=20&d=1&Lambda=4&LambdaT=4&P0=0.2&q0=0.1',
      '--samples',
      '11',
    ]) as {
      model: string;
      params: Record<string, unknown>;
      t: number[];
      series: Record<string, number[]>;
      status: string;
    };
    expect(out.model).toBe('gan');
    expect(out.params['lambda']).toBe('inf');
    expect(out.params['T']).toBe(20);
    expect(out.t).toHaveLength(11);
    expect(out.t.at(-1)).toBe(20);
    expect(Object.keys(out.series)).toEqual(['P11', 'q1', 'r1']);
    for (const s of Object.values(out.series)) expect(s).toHaveLength(11);
    expect(out.status).toBe('done');
  });

  it('--state takes a full share URL', () => {
    const a = json([
      'ode',
      '--state',
      'http://localhost:5173/?model=gan&tau=0.3&T=5#x',
      '--samples',
      '3',
    ]);
    expect((a['params'] as Record<string, unknown>)['tau']).toBe(0.3);
  });

  it('sgd adds n and seed, and with --runs the mean and std', () => {
    const out = json(['sgd', '--state', 'n=300&T=1&seed=4', '--samples', '3', '--runs', '3']) as {
      n: number;
      seed: number;
      runs: number;
      series: Record<string, number[]>;
      std: Record<string, number[]>;
    };
    expect(out.n).toBe(300);
    expect(out.seed).toBe(4);
    expect(out.runs).toBe(3);
    expect(out.series['P11']).toHaveLength(3);
    expect(Math.abs(out.std['P11']![0]!)).toBeLessThan(1e-12); // every run starts from the same overlaps
    expect(out.std['q1']?.[2]).toBeGreaterThan(0);
    // Reproducible: the same command gives the same numbers.
    expect(json(['sgd', '--state', 'n=300&T=1&seed=4', '--samples', '3', '--runs', '3'])).toEqual(
      out,
    );
  });

  it('a clamped value is a warning on stderr and a notice in the JSON', () => {
    const r = runCli(['ode', '--state', 'tau=-1&T=2', '--samples', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/τ \(tau\) must be in \[0\.001, 4\]; got -1, using 0\.001/);
    expect((JSON.parse(r.stdout) as { notices: unknown[] }).notices).toHaveLength(1);
  });

  const bad: [string[], RegExp][] = [
    [['ode', '--state', 'tau=abc'], /τ \(tau\) must be a number; got 'abc'$/m],
    [['ode', '--state', 'lambda=foo'], /λ \(lambda\) must be a number or inf; got 'foo'/],
    [['ode', '--state', 'foo=1'], /unknown parameter 'foo'/],
    [['ode', '--state', 'model=nope'], /unknown model 'nope'/],
    [['ode', '--samples', 'x'], /--samples must be a number; got 'x'/],
    [['ode', '--samples', '1'], /--samples must be an integer in \[2, 100000\]/],
    [['ode', '--bogus', '1'], /unknown flag --bogus/],
    [['ode', '--state'], /--state needs a value/],
    [['sgd', '--variant', 'turbo'], /--variant must be one of fast, literal/],
    [['sweep'], /'sweep' is planned/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [[], /usage: macroscope/],
  ];
  for (const [args, message] of bad) {
    it(`bad input ${JSON.stringify(args)} exits 2 with one line on stderr`, () => {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('a diverging ODE prints its JSON, says where on stderr and exits 3', () => {
    // A huge step on a weak regulariser: ‖w‖ blows up.
    const r = runCli(['ode', '--state', 'lambda=0.01&tau=4&taut=4&eta=10&T=200', '--samples', '5']);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as {
      status: string;
      divergence: { t: number; variable: string };
    };
    expect(out.status).toBe('diverged');
    expect(r.stderr).toMatch(new RegExp(`diverged at t = .* in ${out.divergence.variable}`));
  });

  it('runs as `npm run --silent cli` from a shell, with exit codes', () => {
    const out = execFileSync(
      'npm',
      ['run', '--silent', 'cli', '--', 'ode', '--state', 'T=3', '--samples', '2'],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out).t).toEqual([0, 3]);
    const bad = spawnSync('npm', ['run', '--silent', 'cli', '--', 'ode', '--state', 'tau=abc'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(
      bad.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('macroscope:')),
    ).toHaveLength(1);
  });
});
