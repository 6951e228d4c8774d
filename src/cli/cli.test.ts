import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
      'fig3b',
      'fig3b-bifurcation',
      'fig5',
      'fig3a-pq',
      'fig3a-pr',
      'fig3a-qr',
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
    [['sgd', '--variant', 'turbo'], /--variant must be one of gram, fast, literal/],
    [['figure', '--view', 'diagram'], /figure needs --out/],
    [
      ['figure', '--view', 'portrait', '--out', '/tmp/x.svg'],
      /--view must be diagram, trajectories, cloud or bifurcation/,
    ],
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

describe('CLI: fixed points and sweeps', () => {
  it('fixed-points prints the type-5 points of Fig. 4(d) with eigenvalues and types', () => {
    const out = json([
      'fixed-points',
      '--state',
      'model=gan&d=1&Lambda=1.2&LambdaT=1.2&tau=0.3&taut=0.47&eta=1',
    ]) as {
      fixedPoints: {
        state: Record<string, number>;
        eigenvalues: { re: number; im: number }[];
        stability: string;
        kind: string;
        type: string;
      }[];
      families: { dimension: number; samples: { stability: string }[] }[];
      stableTypes: string[];
    };
    const t5 = out.fixedPoints.filter((p) => p.type === 'type 5');
    expect(t5).toHaveLength(4);
    for (const p of t5) {
      expect(p.stability).toBe('stable');
      expect(Math.abs(p.state['P11']!)).toBeCloseTo(0.6156, 3); // (S-64)
      expect(p.eigenvalues).toHaveLength(3);
    }
    expect(out.families[0]?.dimension).toBe(1); // the line q = r = 0
    expect(out.stableTypes).toEqual(['type 5']);
  });

  it('sweep prints labels and values with one row per y value', () => {
    const out = json([
      'sweep',
      '--state',
      'model=gan&d=1&Lambda=1.2&LambdaT=1.2&eta=1',
      '--x',
      'tau=0.3:1.6:3',
      '--y',
      'alpha=0.1:3:2',
    ]) as {
      x: { param: string; values: number[] };
      y: { param: string; values: number[] };
      labels: string[][];
      values: number[][];
    };
    expect(out.x.param).toBe('tau');
    expect(out.y.values).toEqual([0.1, 3]);
    expect(out.labels).toHaveLength(2);
    expect(out.labels[0]).toHaveLength(3);
    expect(out.labels[0]![0]).toBe('info-1'); // τ = 0.3, α = 0.1: Fig. 4(a)'s corner
    expect(out.labels[0]![2]).toBe('noninfo-1'); // τ = 1.6 > Λ: the origin is stable
    expect(out.values[0]![0]).toBeLessThan(1e-6);
  });

  it('sweep rejects malformed or unknown axes with one line', () => {
    expect(runCli(['sweep', '--x', 'tau=1:2', '--y', 'alpha=0:1:3']).stderr).toMatch(
      /--x must look like name=from:to:count/,
    );
    expect(runCli(['sweep', '--x', 'bogus=0:1:3', '--y', 'alpha=0:1:3']).stderr).toMatch(
      /'bogus' is not a numeric parameter/,
    );
    expect(runCli(['sweep', '--x', 'tau=0.1:1:3']).stderr).toMatch(/sweep needs --y/);
  });

  it('sweep and scan axes stay inside the parameter range (issue 16)', () => {
    const negative = runCli(['sweep', '--x', 'tau=-5:-1:3', '--y', 'alpha=0.1:1:3']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toMatch(/--x: tau must be in \[0\.001, /);
    const huge = runCli(['scan', '--state', 'model=vae', '--x', 'beta=-1e308:1e308:3']);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/--x: beta must be in/);
    const derived = runCli(['sweep', '--x', 'tau=0.1:1:3', '--y', 'alpha=-1:1:3']);
    expect(derived.code).toBe(2);
    expect(derived.stderr).toMatch(/--y: alpha must be finite and positive/);
  });
});

describe('CLI: figure', () => {
  it('writes a standalone SVG of the phase diagram and of the trajectories', () => {
    const dir = mkdtempSync(join(tmpdir(), 'macroscope-'));
    const file = join(dir, 'diagram.svg');
    const r = json([
      'figure',
      '--state',
      'model=gan&d=1&Lambda=1.2&LambdaT=1.2&eta=1',
      '--view',
      'diagram',
      '--x',
      'tau=0.1:1.5:6',
      '--y',
      'alpha=0.1:2.5:5',
      '--out',
      file,
    ]);
    expect(r['out']).toBe(file);
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect((svg.match(/<rect x=/g) ?? []).length).toBe(30); // 6 × 5 cells
    expect(svg).toContain('<title>info-1</title>');
    expect(svg).toContain('Fig. 4(a)');
    const traj = join(dir, 't.svg');
    json(['figure', '--state', 'model=gan&T=50', '--view', 'trajectories', '--out', traj]);
    expect(readFileSync(traj, 'utf8')).toContain('<title>P11</title>');
  });
});

describe('CLI: scan', () => {
  it('prints the settled state and phase along one parameter', () => {
    const out = json(['scan', '--state', 'model=vae&tau=0.1', '--x', 'beta=0.5:2.5:3']) as {
      x: { param: string; values: number[] };
      labels: string[];
      final: Record<string, number[]>;
    };
    expect(out.x.values).toEqual([0.5, 1.5, 2.5]);
    expect(out.labels).toEqual(['learnable', 'learnable', 'collapsed']);
    expect(out.final['epsg']![0]).toBeCloseTo(0.131, 2); // docs/models/vae.md's finite-τ point
  });
});
