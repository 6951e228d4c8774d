/** The CLI's many-runs commands: the same numbers as the core, and bad input as exit 2. */
import { describe, expect, it } from 'vitest';

import { runCli } from './cli';

function json(args: string[]) {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('CLI: rate, attraction, fluctuation, basins', () => {
  it('rate: the contrastive model has zeros at 0 (stable), an unstable one and a stable one', () => {
    const out = json([
      'rate',
      '--state',
      'model=contrastive&tau=0.09&batch=10&c1=sparse:5,0.2',
    ]) as {
      zeros: { x: number; stable: boolean }[];
    };
    expect(out.zeros.map((z) => z.stable)).toEqual([true, false, true]);
    expect(out.zeros[0]!.x).toBe(0);
  });

  it('fluctuation: 20 PCA runs at λ = 0.5 give a variance of the right size (law: 2)', () => {
    const out = json([
      'fluctuation',
      '--state',
      'model=pca&lambda=0.5&n=200&T=3',
      '--runs',
      '20',
    ]) as { sample: { variance: number; stderrVariance: number }; law: { sd: number } };
    expect(out.law.sd ** 2).toBeGreaterThan(1.5);
    // A loose window (20 runs): catches a wrong scale (√n missing) or a frozen chain.
    expect(out.sample.variance).toBeGreaterThan(0.5);
    expect(out.sample.variance).toBeLessThan(5);
  });

  it('fluctuation --series r2: PCA’s radial spec, centred on r_eq (0.75 with the ridge α = 1)', () => {
    const out = json([
      'fluctuation',
      '--state',
      'model=pca&lambda=0.5&alpha=1&n=200&T=2',
      '--runs',
      '20',
      '--series',
      'r2',
    ]) as { series: string; centre: number; law: { sd: number }; values: number[] };
    expect([out.series, out.centre]).toEqual(['r2', 0.75]);
    expect(out.law.sd ** 2).toBeCloseTo(3, 2); // 4c_δ·r_eq, stationary by t = 2
    // Centred: without the shift the values would sit near √200·0.75 = 10.6.
    const mean = out.values.reduce((a, b) => a + b, 0) / out.values.length;
    expect(Math.abs(mean)).toBeLessThan(2);
    const bad = runCli(['fluctuation', '--state', 'model=pca&n=40&T=1', '--series', 'q']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('fluctuation specs for m, r2');
    const other = runCli(['fluctuation', '--state', 'model=vae&T=1', '--series', 'r2']);
    expect(other.code).toBe(2);
  });

  it('bad input: a model without the view, --at outside [0, T], --log on a linear plane', () => {
    const noView = runCli(['basins', '--state', 'model=vae']);
    expect(noView.code).toBe(2);
    expect(noView.stderr).toContain('has no basins view');
    const at = runCli(['fluctuation', '--state', 'model=pca&T=3', '--at', '7']);
    expect(at.code).toBe(2);
    expect(at.stderr).toContain('--at must be in [0, T = 3]');
    const runs = runCli(['basins', '--state', 'model=gan', '--runs', '1']);
    expect(runs.code).toBe(2);
  });
});
