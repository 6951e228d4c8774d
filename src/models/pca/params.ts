/**
 * The spiked matrix/tensor PCA parameter table (Ben Arous–Gheissari–Jagannath, Section 3).
 * Conventions of docs/models/pca.md: Y = λ v^{⊗k} + W with W of n^k i.i.d. N(0, 1) entries (not
 * symmetrised), L = ‖Y − x^{⊗k}‖², step δ = c_δ/n, and time t = steps·δ = c_δ·steps/n.
 */
import type { Params, ParamSpec } from '../../core/params';
import { num, runParams, str } from '../../core/params';

export const pcaParams: ParamSpec[] = [
  {
    key: 'lambda',
    symbol: 'λ',
    tex: '\\lambda',
    label: 'signal-to-noise ratio',
    description:
      'Signal strength of Y = λv⊗ᵏ + W (Section 3). With scaling=tensor this is Λ and λₙ = Λ √(nᵏ⁻²), (3.3).',
    unit: "dimensionless: the spike's strength against the unit-variance noise W",
    kind: 'number',
    min: 0,
    max: 20,
    default: 1.2,
    group: 'data',
  },
  {
    key: 'k',
    symbol: 'k',
    tex: 'k',
    label: 'tensor order',
    description: 'Order of the spiked tensor: k = 2 is matrix PCA, k ≥ 3 tensor PCA.',
    unit: 'an order (a count of tensor indices)',
    kind: 'integer',
    min: 2,
    max: 4,
    default: 2,
    group: 'data',
  },
  {
    key: 'cdelta',
    symbol: 'c_δ',
    tex: 'c_\\delta',
    label: 'step size × n',
    description: 'Step size δ = cδ/n, the critical scaling of Prop. 3.1; time t = steps·δ.',
    unit: 'dimensionless: the step is δ = cδ/n, and t = steps·δ',
    kind: 'number',
    min: 0.05,
    max: 4,
    default: 1,
    scale: 'log',
    group: 'rates',
  },
  {
    key: 'alpha',
    symbol: 'α',
    tex: '\\alpha',
    label: 'ridge penalty',
    description:
      'Ridge (α/2)‖x‖² added to the loss (§7, Appendix 7); the equator (0, r⊥²) exists only for α < αc(k).',
    unit: 'dimensionless (a weight)',
    kind: 'number',
    min: 0,
    max: 8,
    default: 0,
    group: 'rates',
  },
  {
    key: 'scaling',
    symbol: 'λ_n',
    tex: '\\lambda_n',
    label: 'SNR scaling',
    description:
      'fixed: λ as given; tensor: λₙ = Λ √(nᵏ⁻²) with Λ the value set on the λ slider, the tensor PCA regime of (3.3).',
    kind: 'enum',
    options: ['fixed', 'tensor'],
    default: 'fixed',
    group: 'data',
  },
  {
    key: 'init',
    symbol: 'init',
    tex: '\\text{init}',
    label: 'initial state',
    description:
      "random: x₀ ~ N(0, r₀I/n), so m(0) is of order 1/√n (the ODE starts from run 0's measured state); informed: m(0) = m0 and r⊥²(0) = r0 exactly.",
    kind: 'enum',
    options: ['random', 'informed'],
    default: 'random',
    group: 'init',
  },
  {
    key: 'm0',
    symbol: 'm₀',
    tex: 'm_0',
    label: 'initial correlation',
    description: 'Informed start: m(0) = ⟨x₀, v⟩.',
    unit: 'dimensionless: an overlap with v, in [−1, 1] for a unit x₀',
    kind: 'number',
    min: -5,
    max: 5,
    default: 0.5,
    group: 'init',
  },
  {
    key: 'r0',
    symbol: 'r⊥²(0)',
    tex: 'r_\\perp^2(0)',
    label: 'initial orthogonal mass',
    description: 'r⊥²(0) = ‖x₀ − m₀v‖² (informed), or the variance·n of the random start.',
    unit: 'dimensionless: a squared norm',
    kind: 'number',
    min: 0,
    max: 5,
    default: 1,
    group: 'init',
  },
  ...runParams({ symbol: 'n', time: 'cδ·steps/n', n: 1500, T: 10, Tmax: 10000 }),
];

export interface PcaParams {
  /** The λ used by the loss: λ, or λ_n = Λ n^{(k−2)/2} with scaling=tensor. */
  lambda: number;
  /** The lambda parameter as given (Λ with scaling=tensor). */
  lambdaParam: number;
  tensor: boolean;
  k: number;
  cdelta: number;
  /** Ridge α of §7: L + (α/2)‖x‖². */
  alpha: number;
  informed: boolean;
  m0: number;
  r0: number;
  n: number;
  seed: number;
  T: number;
}

/** λ_n = Λ n^{(k−2)/2}: the tensor PCA scaling of (3.3) (λ_n = Λ at k = 2). */
export function tensorLambda(Lambda: number, k: number, n: number): number {
  return Lambda * Math.pow(n, (k - 2) / 2);
}

export function pcaParamsOf(p: Params): PcaParams {
  const k = num(p, 'k');
  const n = num(p, 'n');
  const tensor = str(p, 'scaling') === 'tensor';
  const lambdaParam = num(p, 'lambda');
  return {
    lambda: tensor ? tensorLambda(lambdaParam, k, n) : lambdaParam,
    lambdaParam,
    tensor,
    k,
    cdelta: num(p, 'cdelta'),
    alpha: num(p, 'alpha'),
    informed: str(p, 'init') === 'informed',
    m0: num(p, 'm0'),
    r0: num(p, 'r0'),
    n,
    seed: num(p, 'seed'),
    T: num(p, 'T'),
  };
}
