/**
 * The cloud from the CLI (GAN Fig. 2, headless): run 0's √n-scaled columns at the snapshot times,
 * and the fractions inside the predicted 1σ/2σ/3σ ellipses against 1 − e^{−k²/2}.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ganModel } from '../models/gan';
import { runCli } from './cli';

// Fig. 2's setting (constant U, d = 1) at n = 2000 and up to t = 15, to keep the test short.
const STATE = `model=gan&${ganModel.presets.find((p) => p.id === 'fig2')!.state}&n=2000&T=15`;

describe('CLI cloud', () => {
  it('prints the columns at 0, T/15, 2T/3, T with the Gaussian the PDE (12) predicts', () => {
    const r = runCli(['cloud', '--state', STATE]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      x: string;
      y: string;
      expectedInside: number[];
      snapshots: {
        t: number;
        gaussian: { mean: number[]; cov: number[] };
        inside: number[];
        columns: Record<string, number[]>;
      }[];
    };
    expect([out.x, out.y]).toEqual(['v1', 'w']);
    expect(out.snapshots.map((s) => s.t)).toEqual([0, 1, 10, 15]);
    for (const s of out.snapshots) {
      expect(Object.keys(s.columns).sort()).toEqual(['u1', 'v1', 'w']);
      for (const c of Object.values(s.columns)) expect(c).toHaveLength(2000);
      // Binomial SE at n = 2000 is ≤ 0.011; 0.035 is three of them.
      s.inside.forEach((f, k) => expect(Math.abs(f - out.expectedInside[k]!)).toBeLessThan(0.035));
    }
    // The discriminator has found the feature by t = 10: the cloud's mean q has moved up.
    expect(out.snapshots[2]!.gaussian.mean[1]).toBeGreaterThan(0.6);
  });

  it('figure --view cloud writes one panel per time with three ellipses each', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'macroscope-')), 'cloud.svg');
    const r = runCli(['figure', '--state', STATE, '--view', 'cloud', '--at', '0,10', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/stroke="#0072B2"/g)).toHaveLength(6);
    expect(svg).toContain('t = 10');
  });

  it('is a usage error for a model without a cloud, or times outside [0, T]', () => {
    expect(runCli(['cloud', '--state', 'model=vae&T=1']).code).toBe(2);
    expect(runCli(['cloud', '--state', STATE, '--at', '0,20']).code).toBe(2);
  });
});
