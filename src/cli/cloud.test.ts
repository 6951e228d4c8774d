/**
 * The cloud from the CLI (GAN Fig. 2, headless): run 0's √n-scaled columns at the snapshot times,
 * and the fractions inside the predicted 1σ/2σ/3σ ellipses against 1 − e^{−k²/2}.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { binColor } from '../app/views/cloud/colorBar';
import { COLOR_BINS, colorBin } from '../core/colorBins';
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

  it('figure --view cloud colours the points by √n [U]ᵢ₁ in the app’s bins, keyed by a bar', () => {
    // A random U (the default) spreads the colour column over the bins.
    const state = 'model=gan&d=1&n=1000&T=2';
    const out = join(mkdtempSync(join(tmpdir(), 'macroscope-')), 'cloud.svg');
    const r = runCli(['figure', '--state', state, '--view', 'cloud', '--at', '2', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('class="color-bar"');
    expect(svg.match(/class="bin"/g)).toHaveLength(COLOR_BINS);
    expect(svg).toContain('√n [U]ᵢ₁');
    // Each bin's path holds exactly the points whose colour value falls in that bin.
    const json = JSON.parse(runCli(['cloud', '--state', state, '--at', '2']).stdout) as {
      snapshots: { columns: Record<string, number[]> }[];
    };
    const expected = new Map<string, number>();
    for (const u of json.snapshots[0]!.columns['u1']!) {
      const colour = binColor(colorBin(u));
      expected.set(colour, (expected.get(colour) ?? 0) + 1);
    }
    const drawn = new Map<string, number>();
    for (const m of svg.matchAll(/<path d="([^"]*)" stroke="([^"]+)" stroke-opacity/g))
      drawn.set(m[2]!, (drawn.get(m[2]!) ?? 0) + (m[1]!.match(/h0/g) ?? []).length);
    expect(drawn).toEqual(expected);
    expect(drawn.size).toBeGreaterThanOrEqual(6);
    expect(drawn.has('#D55E00')).toBe(false);
  });

  it('is a usage error for a model without a cloud, or times outside [0, T]', () => {
    expect(runCli(['cloud', '--state', 'model=vae&T=1']).code).toBe(2);
    expect(runCli(['cloud', '--state', STATE, '--at', '0,20']).code).toBe(2);
  });
});
