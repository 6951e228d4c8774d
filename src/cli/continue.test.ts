import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { models } from '../models/registry';
import { runCli } from './cli';

const GAN = 'model=gan&d=1&lambda=inf&eta=1&Lambda=1.2&LambdaT=1.2&tau=0.3&taut=0.2';

describe('CLI continue', () => {
  it('prints branches, special points and curves as JSON, and an SVG with --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'macroscope-continue-'));
    const out = join(dir, 'bif.svg');
    const r = runCli([
      'continue',
      '--state',
      GAN,
      '--p',
      'alpha=0.1:4',
      '--p2',
      'tau=0.05:2',
      '--out',
      out,
      '--y',
      'q1',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      axis: { param: string; range: number[] };
      branches: { p: number[]; x: number[]; stability: string[]; family: unknown }[];
      special: { kind: string; p: number }[];
      curves: { kind: string; p1: number[]; p2: number[] }[];
    };
    expect(json.axis).toEqual({ param: 'alpha', range: [0.1, 4] });
    for (const b of json.branches) {
      expect(b.x.length).toBe(3 * b.p.length);
      expect(b.stability.length).toBe(b.p.length);
    }
    const kinds = (k: string) => json.special.filter((s) => s.kind === k).map((s) => s.p);
    // Table 1 at Λ = 1.2, τ = 0.3: the type-3 Hopf at 2τ/Λ = 0.5, the branch points at
    // 1 + τ/Λ = 1.25 and β(τ) = 17/12, and the type-5 fold.
    expect(kinds('hopf').some((p) => Math.abs(p - 0.5) < 1e-9)).toBe(true);
    expect(kinds('branch-point').some((p) => Math.abs(p - 1.25) < 1e-9)).toBe(true);
    expect(kinds('branch-point').some((p) => Math.abs(p - 17 / 12) < 1e-9)).toBe(true);
    expect(kinds('fold').length).toBeGreaterThan(0);
    expect(json.curves.some((c) => c.kind === 'hopf')).toBe(true);
    expect(json.curves.some((c) => c.kind === 'fold')).toBe(true);
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>H<');
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it('bad flags exit with 2 and say what to type', () => {
    const cases: [string[], RegExp][] = [
      [[], /continue needs --p name=from:to/],
      [['--p', 'alpha'], /--p must look like name=from:to/],
      [['--p', 'alpha=1:1'], /two different finite numbers/],
      [['--p', 'beta=0:1'], /'beta' is not a numeric parameter or derived axis of gan/],
      [['--p', 'alpha=2:4'], /outside \[2, 4\]/],
      [['--p', 'alpha=0.1:4', '--p2', 'alpha=0:1'], /--p2 must be another axis/],
      [['--p', 'alpha=0.1:4', '--orbits', '2'], /--orbits must be 0 or 1/],
      [['--p', 'alpha=0.1:4', '--y', 'q1'], /give --out FILE.svg/],
      [
        ['--p', 'alpha=0.1:4', '--out', '/tmp/x.svg', '--y', 'zz'],
        /--y must be one of P11, q1, r1/,
      ],
    ];
    for (const [flags, message] of cases) {
      const r = runCli(['continue', '--state', GAN, ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('figure --view bifurcation writes the SVG of the app view, and asks for --p', () => {
    const r = runCli([
      'figure',
      '--view',
      'bifurcation',
      '--state',
      GAN,
      '--p',
      'alpha=0.1:4',
      '--y',
      'q1',
      '--out',
      '-',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<svg|^<\?xml/);
    // The Hopf point on the q = r = 0 line and a branch point, both named.
    expect(r.stdout).toContain('>H<');
    expect(r.stdout).toContain('>BP<');
    expect(r.stdout).toContain('stroke-dasharray');
    const missing = runCli(['figure', '--view', 'bifurcation', '--state', GAN, '--out', '-']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/needs --p name=from:to/);
  });

  it('figure --view bifurcation --y leading plots the leading eigenvalue (VAE Fig. 4)', () => {
    const vae = models
      .find((m) => m.id === 'vae')!
      .presets.find((p) => p.id === 'fig4-bifurcation')!;
    const r = runCli([
      'figure',
      '--view',
      'bifurcation',
      '--state',
      `model=vae&${vae.state}`,
      '--p',
      'beta=0.2:3',
      '--y',
      'leading',
      '--out',
      '-',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('leading Re λ');
    // The rule Re λ = 0 and the branch point at β = ρ + η = 2, where the stable branch crosses it.
    expect(r.stdout).toContain('<title>Re λ = 0</title>');
    expect(r.stdout).toMatch(/branch-point at beta = 2\.0000000/);
    // A state variable still plots, and a name that is neither is refused with the choices.
    const bad = runCli([
      'figure',
      '--view',
      'bifurcation',
      '--state',
      `model=vae&${vae.state}`,
      '--p',
      'beta=0.2:3',
      '--y',
      'nope',
      '--out',
      '-',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/or leading/);
  });
});
