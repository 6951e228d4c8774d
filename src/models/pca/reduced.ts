/**
 * The spiked PCA's SGD as the exact Markov chain of (m, r⊥) at finite n, O(1) per step
 * (variant 'gram', the default; derivation in docs/models/pca.md, "The Gram chain").
 *
 * The 'fast' step of sgd.ts is x' = c_x·x + c_z·z + 2kδλm^{k−1}e₁ with z ~ N(0, I_n) and
 *   c_x = 1 − 2kδ‖x‖^{2k−2} + 2δ(k − √k)(z·x)‖x‖^{k−3},   c_z = 2δ√k‖x‖^{k−1},
 * so it needs z only through g₁ = z·e₁, g₂ = z·u (u = x⊥/r⊥, any unit vector ⊥ e₁ when r⊥ = 0)
 * and ρ² = ‖z‖² − g₁² − g₂² ~ χ²_{n−2}, independent (core/projectedGaussian.ts). With
 * z·x = m g₁ + r⊥ g₂ and x'⊥ = c_x x⊥ + c_z z⊥:
 *   m' = c_x m + c_z g₁ + 2kδλm^{k−1},   r⊥'² = (c_x r⊥ + c_z g₂)² + c_z² ρ².
 * The law of (m', r⊥') given x depends on x only through (m, r⊥) (W, hence z, is invariant under
 * rotations fixing e₁), so (m, r⊥) is a Markov chain and this is its transition, exact in law for
 * every k, λ (fixed or tensor scaling), c_δ and start. It holds r⊥ ≥ 0, not r⊥², so r⊥² cannot
 * go negative by round-off.
 */
import type { Simulator } from '../../core/model';
import { projectedGaussian } from '../../core/projectedGaussian';
import { Rng } from '../../core/rng';
import { PCA_NAMES } from './ode';
import type { PcaParams } from './params';
import { initialPcaOrderParameters } from './sgd';

/** One step's noise: g₁ = z·e₁, g₂ = z·x̂⊥ and rest = ‖z‖² − g₁² − g₂² (χ²_{n−2}). */
export interface GramNoise {
  g1: number;
  g2: number;
  rest: number;
}

/**
 * One SGD step of the (m, r⊥) chain with step δ and signal λ (λ_n with scaling=tensor), in place.
 * Returns nothing; state.r stays ≥ 0.
 */
export function gramStep(
  state: { m: number; r: number },
  noise: GramNoise,
  k: number,
  lambda: number,
  delta: number,
  alpha: number,
): void {
  const { m, r } = state;
  const s = m * m + r * r; // ‖x‖²
  const zx = m * noise.g1 + r * noise.g2;
  const rootK = Math.sqrt(k);
  // The same coefficients as PcaSimulator.fastStep, from (z·x, ‖x‖²) instead of n coordinates,
  // with integer powers by multiplication (k ≤ 4; Math.pow(s, −½) alone took a third of a step).
  const norm = Math.sqrt(s);
  let normK1 = 1; // ‖x‖^{k−1}
  let mK1 = 1; // m^{k−1}
  for (let i = 1; i < k; i++) {
    normK1 *= norm;
    mK1 *= m;
  }
  const along = s > 0 ? ((k - rootK) * zx * normK1) / s : 0; // (k − √k)(z·x)‖x‖^{k−3}
  // The §7 ridge (α/2)‖x‖² adds αx to the gradient: the shrink 1 − δα.
  const cx = 1 - delta * alpha - 2 * k * delta * normK1 * normK1 + 2 * delta * along;
  const cz = 2 * delta * rootK * normK1;
  const rAlong = cx * r + cz * noise.g2;
  state.m = cx * m + cz * noise.g1 + 2 * k * delta * lambda * mK1;
  state.r = Math.sqrt(rAlong * rAlong + cz * cz * noise.rest);
}

/** The (m, r⊥) chain of the spiked PCA's SGD: O(1) per step, whatever n. */
export class PcaGramSimulator implements Simulator {
  readonly names = PCA_NAMES;
  readonly stepsPerTime: number;
  steps = 0;
  /** m = ⟨x, v⟩ and r⊥ = ‖x − mv‖ ≥ 0. */
  readonly state: { m: number; r: number };
  private readonly rng: Rng;
  private readonly delta: number;
  private readonly noise: GramNoise = { g1: 0, g2: 0, rest: 0 };
  private readonly inSpan = new Float64Array(2);

  constructor(
    private readonly p: PcaParams,
    stream = 0,
  ) {
    this.rng = new Rng(p.seed, stream);
    this.delta = p.cdelta / p.n;
    this.stepsPerTime = p.n / p.cdelta; // t = steps·δ
    this.state = initialPcaOrderParameters(p, this.rng);
  }

  step(count: number): void {
    const { rng, noise, inSpan, state, delta } = this;
    const { n, k, lambda, alpha } = this.p;
    for (let s = 0; s < count; s++) {
      noise.rest = projectedGaussian(rng, n, inSpan);
      noise.g1 = inSpan[0]!;
      noise.g2 = inSpan[1]!;
      gramStep(state, noise, k, lambda, delta, alpha);
      this.steps++;
    }
  }

  observe(out: Float64Array): void {
    out[0] = this.state.m;
    out[1] = this.state.r * this.state.r;
  }
}
