/**
 * The VAE's theory hooks for the generic fixed-point engine: where to look (the informed and
 * collapsed states of Theorem 5.1 as candidates, and a box for the others) and the physical
 * domain (Q_mm, E_mm ≥ 0 as squared norms, D > 0 as a variance).
 */
import type { ModelTheory } from '../../core/model';
import { vaeLayout } from './layout';
import { vaeParamsOf } from './params';

export const vaeTheory: ModelTheory = {
  fixedPointStarts(p) {
    const v = vaeParamsOf(p);
    const L = vaeLayout(v.M, v.Mstar);
    const lo = new Array<number>(L.size).fill(-1.5);
    const hi = new Array<number>(L.size).fill(1.5);
    for (let i = 0; i < v.M; i++) {
      lo[L.D + i] = 0.05;
      hi[L.D + i] = 2;
    }
    // Theorem 5.1 (small τ): m* = d*-direction overlap √(ρ + η − β) when β < ρ + η, else 0.
    const P = v.rho + v.eta;
    const candidates: Float64Array[] = [];
    for (const mag of [Math.sqrt(Math.max(0, P - v.beta)), 0]) {
      const x = new Float64Array(L.size);
      for (let k = 0; k < Math.min(v.M, v.Mstar); k++) {
        x[L.m + k * v.Mstar + k] = mag;
        x[L.d + k * v.Mstar + k] = mag / P;
      }
      for (let i = 0; i < v.M; i++) {
        x[L.Q + i * v.M - (i * (i - 1)) / 2] = mag * mag;
        x[L.E + i * v.M - (i * (i - 1)) / 2] = 0.5;
        x[L.D + i] = 0.5;
      }
      candidates.push(x);
    }
    return { lo, hi, candidates };
  },

  admissible(p, x) {
    const v = vaeParamsOf(p);
    const L = vaeLayout(v.M, v.Mstar);
    for (let i = 0; i < v.M; i++) {
      const diag = i * v.M - (i * (i - 1)) / 2;
      if (!(x[L.Q + diag]! >= -1e-9) || !(x[L.E + diag]! >= -1e-9) || !(x[L.D + i]! > 0))
        return false;
    }
    return true;
  },
};
