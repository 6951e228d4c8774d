/**
 * The two-layer binary-GMM classifier of Ben Arous–Gheissari–Jagannath, Section 4: the parameter
 * table. Data y ~ Ber(½), X ~ N((2y − 1)μ, I/λ) in R^N, ‖μ‖ = 1; network σ(v·g(WX)) with ReLU g;
 * loss (4.1) with ridge α; step δ = c_δ/N; time t = steps·δ (Theorem 2.2's clock).
 */
import type { Params, ParamSpec } from '../../core/params';
import { num, runParams, str } from '../../core/params';

const start = (key: string, symbol: string, label: string, description: string): ParamSpec => ({
  key,
  symbol,
  tex: symbol,
  label,
  description,
  // v are the second layer's weights, m the first layer's overlaps with the unit mean μ.
  unit: key.startsWith('v')
    ? 'dimensionless: a second-layer weight'
    : 'dimensionless: an overlap with the unit mean μ',
  kind: 'number',
  min: -3,
  max: 3,
  default: key.startsWith('v') ? 1 : 0.1,
  group: 'init',
});

export const gmmParams: ParamSpec[] = [
  {
    key: 'lambda',
    symbol: 'λ',
    tex: '\\lambda',
    label: 'signal-to-noise ratio',
    description:
      'Inverse noise variance: X ~ N(±μ, I/λ), Section 4. λ = ∞ uses the small-noise ODE of Prop. 4.2 and noiseless data X = ±μ.',
    unit: 'an inverse variance: dimensionless (the means ±μ have unit norm)',
    kind: 'number',
    min: 0.1,
    max: 100000,
    default: 100,
    scale: 'log',
    allowInfinity: true,
    group: 'noise',
  },
  {
    key: 'alpha',
    symbol: 'α',
    tex: '\\alpha',
    label: 'ridge',
    description:
      'Weight of the ℓ² penalty (α/2)(‖v‖² + ‖W‖²) in (4.1); the origin is stable iff α > 1/4 (Prop. 4.2).',
    unit: 'dimensionless (a weight)',
    kind: 'number',
    min: 0.001,
    max: 1,
    default: 0.1,
    scale: 'log',
    group: 'rates',
  },
  {
    key: 'cdelta',
    symbol: 'c_δ',
    tex: 'c_\\delta',
    label: 'step size × N',
    description:
      'SGD step δ = cδ/N; it enters the ODE only through the corrector cδ vᵢ vⱼ Bᵢⱼ/λ of Prop. 4.1.',
    unit: 'dimensionless: the step is δ = cδ/N, and t = steps·δ',
    kind: 'number',
    min: 0.01,
    max: 10,
    default: 1,
    scale: 'log',
    group: 'rates',
  },
  {
    key: 'init',
    symbol: 'init',
    tex: '\\text{init}',
    label: 'initial law of (v, W)',
    description:
      "random: v ~ N(0, sᵥ² I₂), Wᵢ ~ N(0, r₀ I/N) (the paper's law has sᵥ = 1, r₀ = 1/λ); each run draws its own, and the ODE starts from run 0's measured statistics. given: v = (v1₀, v2₀), Wᵢ = mᵢ₀ μ + √r₀ ξᵢ with ξ₁ ⟂ ξ₂ ⟂ μ unit vectors.",
    kind: 'enum',
    options: ['random', 'given'],
    default: 'random',
    group: 'init',
  },
  {
    key: 'sv',
    symbol: 's_v',
    tex: 's_v',
    label: 'std of the initial v',
    description: 'Random start: vᵢ ~ N(0, sᵥ²), Prop. 4.2 uses sᵥ = 1.',
    unit: 'dimensionless: a standard deviation',
    kind: 'number',
    min: 0,
    max: 5,
    default: 1,
    group: 'init',
  },
  {
    key: 'r0',
    symbol: 'r₀',
    tex: 'r_0',
    label: 'initial ‖Wᵢ‖²',
    description:
      'R⊥ᵢᵢ at t = 0: random start Wᵢ ~ N(0, r₀ I/N) (the paper takes r₀ = 1/λ); given start ‖Wᵢ⊥‖² = r₀, R⊥₁₂ = 0.',
    unit: 'dimensionless: a squared norm',
    kind: 'number',
    min: 0,
    max: 4,
    default: 0.01,
    group: 'init',
  },
  start('v10', 'v1₀', 'initial v1', 'Given start: v1 at t = 0.'),
  start('v20', 'v2₀', 'initial v2', 'Given start: v2 at t = 0.'),
  start('m10', 'm1₀', 'initial m1', 'Given start: m1 = W1·μ at t = 0.'),
  start('m20', 'm2₀', 'initial m2', 'Given start: m2 = W2·μ at t = 0.'),
  ...runParams({ symbol: 'N', time: 'cδ·steps/N', n: 500, T: 100, Tmax: 100000 }),
];

export interface GmmParams {
  /** Signal-to-noise ratio; +∞ for the noiseless limit of Prop. 4.2. */
  lambda: number;
  alpha: number;
  cdelta: number;
  random: boolean;
  sv: number;
  r0: number;
  v0: [number, number];
  m0: [number, number];
  n: number;
  seed: number;
  T: number;
}

export function gmmParamsOf(p: Params): GmmParams {
  return {
    lambda: num(p, 'lambda'),
    alpha: num(p, 'alpha'),
    cdelta: num(p, 'cdelta'),
    random: str(p, 'init') === 'random',
    sv: num(p, 'sv'),
    r0: num(p, 'r0'),
    v0: [num(p, 'v10'), num(p, 'v20')],
    m0: [num(p, 'm10'), num(p, 'm20')],
    n: num(p, 'n'),
    seed: num(p, 'seed'),
    T: num(p, 'T'),
  };
}

/** C_α = log(1 − 2α) − log(2α) = −logit(2α): the squared radius of the fixed points (Prop. 4.2). */
export function cAlpha(alpha: number): number {
  return Math.log(1 - 2 * alpha) - Math.log(2 * alpha);
}
