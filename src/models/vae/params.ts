/**
 * The linear β-VAE parameter table (Ichikawa & Hukushima). Conventions of docs/models/vae.md: W*ᵀW* = N·I,
 * c ~ N(0, I_{M*}), prior N(0, I_M); η is the noise variance; time t = SGD steps / N.
 */
import type { AliasSpec, Params, ParamSpec } from '../../core/params';
import { num, runParams, str } from '../../core/params';

/** A learning rate; `steps` says what step it sets, per SGD step (t = steps/N). */
const rate = (key: string, symbol: string, what: string, steps: string): ParamSpec => ({
  key,
  symbol,
  tex: symbol,
  label: `learning rate of ${what}`,
  description: `Learning rate of ${what}, Eqs. (9)–(11).`,
  unit: `dimensionless: ${what} takes steps of ${steps}, and t = steps/N`,
  kind: 'number',
  min: 0.0001,
  max: 2,
  default: 0.1,
  scale: 'log',
  group: 'rates',
});

export const vaeParams: ParamSpec[] = [
  rate('tauW', 'τ_W', 'the decoder W', 'this rate over N'),
  rate('tauV', 'τ_V', 'the encoder V', 'this rate over N'),
  rate('tauD', 'τ_D', 'the encoder variances D', 'half this rate over N'),
  {
    key: 'beta',
    symbol: 'β',
    tex: '\\beta',
    label: 'KL weight',
    description: 'Weight of the KL term of the β-VAE objective, Eq. (1); constant unless annealed.',
    unit: 'dimensionless (a weight)',
    kind: 'number',
    min: 0,
    max: 5,
    default: 0.5,
    group: 'rates',
  },
  {
    key: 'lambda',
    symbol: 'λ',
    tex: '\\lambda',
    label: 'ridge',
    description: 'Weight decay of W and V, Eq. (8).',
    unit: 'dimensionless (a weight)',
    kind: 'number',
    min: 0,
    max: 5,
    default: 0,
    group: 'rates',
  },
  {
    key: 'rho',
    symbol: 'ρ',
    tex: '\\rho',
    label: 'signal strength',
    description: 'Signal strength of the spiked data x = √(ρ/N) W*c + √η n, Eq. (3).',
    unit: "dimensionless: the spike's power against the noise's unit scale",
    kind: 'number',
    min: 0,
    max: 10,
    default: 1,
    group: 'noise',
  },
  {
    key: 'eta',
    symbol: 'η',
    tex: '\\eta',
    label: 'noise variance',
    description: 'Variance of the background noise n, Eq. (3).',
    unit: 'a variance, dimensionless (on the scale of ρ)',
    kind: 'number',
    min: 0,
    max: 10,
    default: 1,
    group: 'noise',
  },
  {
    key: 'M',
    symbol: 'M',
    tex: 'M',
    label: 'latent dimension',
    description: 'Number of latent variables (columns of W and V).',
    unit: 'a count of latent variables',
    kind: 'integer',
    min: 1,
    max: 3,
    default: 1,
    group: 'data',
  },
  {
    key: 'Mstar',
    symbol: 'M*',
    tex: 'M^*',
    label: 'true factors',
    description: 'Number of true features (columns of W*).',
    unit: 'a count of features',
    kind: 'integer',
    min: 1,
    max: 3,
    default: 1,
    group: 'data',
  },
  {
    key: 'anneal',
    symbol: 'β(t)',
    tex: '\\beta(t)',
    label: 'KL annealing',
    description:
      'none: constant β; linear: β += ε per step up to β target, Eq. (2); tanh: β target·tanh(γt), Eq. (17); cyclic: linear ramps of period 1/γ.',
    kind: 'enum',
    options: ['none', 'linear', 'tanh', 'cyclic'],
    default: 'none',
    group: 'rates',
  },
  {
    key: 'gamma',
    symbol: 'γ',
    tex: '\\gamma',
    label: 'annealing rate',
    description: 'Rate of tanh annealing, Eq. (17); for cyclic, cycles per unit time.',
    unit: 'per unit of t (t = steps/N): tanh reaches 0.76 of β target at t = 1/γ',
    kind: 'number',
    min: 0.0001,
    max: 10,
    default: 0.01,
    scale: 'log',
    group: 'rates',
  },
  {
    key: 'eps',
    symbol: 'ε',
    tex: '\\varepsilon',
    label: 'linear annealing step',
    description: 'β increment per SGD step for linear annealing, Eq. (2).',
    unit: 'per SGD step, not per unit of t (N steps make one unit of t)',
    kind: 'number',
    min: 0,
    max: 0.01,
    default: 0.00001,
    group: 'rates',
  },
  {
    key: 'betaTarget',
    symbol: 'β_target',
    tex: '\\beta_{\\rm target}',
    label: 'final β of annealing',
    description: 'The value annealing approaches.',
    unit: 'dimensionless, as β',
    kind: 'number',
    min: 0,
    max: 5,
    default: 1,
    group: 'rates',
  },
  {
    key: 'init',
    symbol: 'init',
    tex: '\\text{init}',
    label: 'initial state',
    description:
      "random: Gaussian columns (overlaps of order 1/√N; the ODE starts from run 0's measured state); informed: overlaps m0 with the true features.",
    kind: 'enum',
    options: ['random', 'informed'],
    default: 'informed',
    group: 'init',
  },
  {
    key: 'm0',
    symbol: 'm₀',
    tex: 'm_0',
    label: 'initial overlap',
    description: 'Informed start: W and V overlap each true feature by m0 (columns have norm √N).',
    unit: 'dimensionless: an overlap divided by N',
    kind: 'number',
    min: -1,
    max: 1,
    default: 0.2,
    group: 'init',
  },
  {
    key: 'D0',
    symbol: 'D₀',
    tex: 'D_0',
    label: 'initial encoder variance',
    description: 'Initial diagonal of D.',
    unit: 'dimensionless: a variance of the encoder',
    kind: 'number',
    min: 0.01,
    max: 10,
    default: 1,
    group: 'init',
  },
  {
    key: 'Q0',
    symbol: 'Q₀',
    tex: 'Q_0',
    label: 'initial decoder norm',
    description:
      "Random start: each column of W has squared norm Q₀·N, so Q(0) = Q₀. A small Q₀ gives Fig. 1's early peak of εg.",
    unit: 'dimensionless: a squared norm divided by N',
    kind: 'number',
    min: 0.0001,
    max: 4,
    default: 1,
    scale: 'log',
    group: 'init',
  },
  {
    key: 'E0',
    symbol: 'E₀',
    tex: 'E_0',
    label: 'initial encoder norm',
    description: 'Random start: each column of V has squared norm E₀·N, so E(0) = E₀.',
    unit: 'dimensionless: a squared norm divided by N',
    kind: 'number',
    min: 0.0001,
    max: 4,
    default: 1,
    scale: 'log',
    group: 'init',
  },
  ...runParams({ symbol: 'N', time: 'steps/N', n: 500, T: 200, Tmax: 100000 }),
];

export const vaeAliases: AliasSpec[] = [
  {
    key: 'tau',
    targets: ['tauW', 'tauV', 'tauD'],
    symbol: 'τ',
    label: 'learning rate (τW = τV = τD)',
  },
];

export interface VaeParams {
  tauW: number;
  tauV: number;
  tauD: number;
  beta: number;
  lambda: number;
  rho: number;
  eta: number;
  M: number;
  Mstar: number;
  anneal: 'none' | 'linear' | 'tanh' | 'cyclic';
  gamma: number;
  eps: number;
  betaTarget: number;
  informed: boolean;
  m0: number;
  D0: number;
  /** Random start: Q(0) and E(0), the columns' squared norms over N. */
  Q0: number;
  E0: number;
  n: number;
  seed: number;
  T: number;
}

export function vaeParamsOf(p: Params): VaeParams {
  return {
    tauW: num(p, 'tauW'),
    tauV: num(p, 'tauV'),
    tauD: num(p, 'tauD'),
    beta: num(p, 'beta'),
    lambda: num(p, 'lambda'),
    rho: num(p, 'rho'),
    eta: num(p, 'eta'),
    M: num(p, 'M'),
    Mstar: num(p, 'Mstar'),
    anneal: str(p, 'anneal') as VaeParams['anneal'],
    gamma: num(p, 'gamma'),
    eps: num(p, 'eps'),
    betaTarget: num(p, 'betaTarget'),
    informed: str(p, 'init') === 'informed',
    m0: num(p, 'm0'),
    D0: num(p, 'D0'),
    Q0: num(p, 'Q0'),
    E0: num(p, 'E0'),
    n: num(p, 'n'),
    seed: num(p, 'seed'),
    T: num(p, 'T'),
  };
}

/** β(t) of the annealing schedule (t in units of N steps). */
export function betaAt(p: VaeParams, t: number): number {
  switch (p.anneal) {
    case 'linear':
      // Eq. (2): +ε per step, N steps per unit time, from β, capped at the target.
      return Math.min(p.betaTarget, p.beta + p.eps * p.n * t);
    case 'tanh':
      return p.betaTarget * Math.tanh(p.gamma * t); // Eq. (17)
    case 'cyclic': {
      const phase = (t * p.gamma) % 1;
      return p.betaTarget * Math.min(1, 2 * phase); // ramp over half a cycle, then hold
    }
    default:
      return p.beta;
  }
}
