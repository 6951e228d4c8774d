import { describe, expect, it } from 'vitest';

import { fillNormals, normal } from '../../core/normal';
import { Rng } from '../../core/rng';
import { parseState } from '../../core/state';
import { models } from '../registry';
import { type FusedStats, fusedStats, fusedStep } from './fused';
import { ganParamsOf } from './params';
import { type FastNoise, fastStep, initialMicroState } from './sgd';

describe('fused one-pass step', () => {
  for (const [d, lambda] of [
    [1, Number.POSITIVE_INFINITY],
    [2, Number.POSITIVE_INFINITY],
    [1, 3],
    [2, 5],
  ] as const) {
    it(`follows the reference fastStep from the same noise (d = ${d}, λ = ${lambda})`, () => {
      const query = d === 1 ? 'd=1&Lambda=5&LambdaT=4&P0=0.3&q0=0.2' : 'd=2&P0=0.3,0.1,-0.1,0.2';
      const p = ganParamsOf(parseState(`model=gan&n=400&${query}`, models).params);
      const k = { tau: 0.3, tauTilde: 0.1, etaT: 1.7, etaG: 0.9, lambda };
      const rng = new Rng(11);
      const a = initialMicroState(p, rng);
      const b = { ...a, U: a.U.slice(), V: a.V.slice(), w: a.w.slice() };
      const steps = 60;
      const gs = Array.from({ length: steps + 1 }, () => {
        const g = new Float64Array(p.n);
        fillNormals(rng, g);
        return g;
      });
      const stats: FusedStats = {
        wScale: 1,
        z: 0,
        q: new Float64Array(d),
        r: new Float64Array(d),
        Sdiag: new Float64Array(d),
        gw: 0,
      };
      fusedStats(b, gs[0]!, stats);
      const o = {
        q: new Float64Array(d),
        r: new Float64Array(d),
        Sdiag: new Float64Array(d),
        z: 0,
      };
      for (let s = 0; s < steps; s++) {
        const draw = () => Float64Array.from({ length: d }, () => normal(rng));
        const noise: FastNoise = {
          c: draw(),
          ct: draw(),
          ctp: draw(),
          gp: normal(rng),
          xi: normal(rng),
          xit: normal(rng),
          g: gs[s]!,
        };
        fastStep(a, k, noise, o, new Float64Array(d), new Float64Array(p.n));
        fusedStep(b, k, noise, gs[s + 1]!, stats);
      }
      for (let i = 0; i < p.n; i++) {
        expect(Math.abs(a.w[i]! - stats.wScale * b.w[i]!)).toBeLessThan(1e-12);
      }
      for (let i = 0; i < p.n * d; i++) expect(Math.abs(a.V[i]! - b.V[i]!)).toBeLessThan(1e-12);
      // …and the trajectory really moved.
      expect(Math.abs(a.w[0]! - initialMicroState(p, new Rng(11)).w[0]!)).toBeGreaterThan(1e-4);
    });
  }
});
