/**
 * The GAN parameter table (keys as in docs/architecture.md, "The state string"). Defaults are the paper's Fig. 1
 * success case: d = 2, Λ = Λ̃ = diag(5, 3), τ = 0.2, τ̃ = 0.04, η_T = η_G = 2, P0 = 0.1·I,
 * q0 = (0.1, 0.1), λ = ∞; n = 5000 as in the paper's Section 3.1 (the Gram chain, reduced.ts,
 * makes a step's cost independent of n; see docs/models/gan.md).
 */
import type { Notice } from '../../core/model';
import type { AliasSpec, Params, ParamSpec } from '../../core/params';
import { formatNumber, num, runParams, str, vec } from '../../core/params';

export const ganParams: ParamSpec[] = [
  {
    key: 'tau',
    symbol: 'τ',
    tex: '\\tau',
    label: 'discriminator learning rate',
    description: 'Learning rate of the discriminator w, Eq. (5).',
    unit: "dimensionless: w takes steps of τ/n, and t = steps/n, so τ is w's rate per unit of t",
    kind: 'number',
    min: 0.001,
    max: 4,
    default: 0.2,
    group: 'rates',
  },
  {
    key: 'taut',
    symbol: 'τ̃',
    tex: '\\tilde\\tau',
    label: 'generator learning rate',
    description: 'Learning rate of the generator V, Eq. (5).',
    unit: "dimensionless: V takes steps of τ̃/n, and t = steps/n, so τ̃ is V's rate per unit of t",
    kind: 'number',
    min: 0,
    max: 4,
    default: 0.04,
    group: 'rates',
  },
  {
    key: 'etaT',
    symbol: 'η_T',
    tex: '\\eta_T',
    label: 'noise variance of the real data',
    description: 'Variance of the background noise in the real samples y = Uc + √ηT a, Eq. (1).',
    unit: "a variance, in squared data units (the signal's variances are Λ)",
    kind: 'number',
    min: 0,
    max: 10,
    default: 2,
    group: 'noise',
  },
  {
    key: 'etaG',
    symbol: 'η_G',
    tex: '\\eta_G',
    label: 'noise variance of the generator',
    description: 'Variance of the noise in the fake samples ỹ = Vc̃ + √ηG ã, Eq. (2).',
    unit: "a variance, in squared data units (the generator's signal variances are Λ̃)",
    kind: 'number',
    min: 0,
    max: 10,
    default: 2,
    group: 'noise',
  },
  {
    key: 'lambda',
    symbol: 'λ',
    tex: '\\lambda',
    label: 'regularisation strength',
    description:
      'Weight of the log-cosh norm penalty, Eq. (4); λ = ∞ constrains ‖w‖ = 1 and diag(VᵀV) = I (projected SGD, ODE (13)-(14)).',
    unit: 'dimensionless (a weight); ∞ is the constraint, not a weight',
    kind: 'number',
    min: 0.01,
    max: 10000,
    default: Number.POSITIVE_INFINITY,
    scale: 'log',
    allowInfinity: true,
    group: 'rates',
  },
  {
    key: 'd',
    symbol: 'd',
    tex: 'd',
    label: 'number of features',
    description: 'Number of features (columns of U and V).',
    unit: 'a count of features',
    kind: 'integer',
    min: 1,
    max: 4,
    default: 2,
    group: 'data',
  },
  {
    key: 'Lambda',
    symbol: 'Λ',
    tex: '\\Lambda',
    label: 'feature strengths of the real data',
    description: 'Diagonal covariance of c in the real data, Eq. (1).',
    unit: 'variances, in squared data units, one per feature',
    kind: 'vector',
    min: 0.01,
    max: 100,
    scale: 'log',
    default: [5, 3, 2, 1.5],
    lengthFrom: 'd',
    group: 'data',
  },
  {
    key: 'LambdaT',
    symbol: 'Λ̃',
    tex: '\\tilde\\Lambda',
    label: 'feature strengths of the generator',
    description: 'Diagonal covariance of c̃ in the generator, Eq. (2).',
    unit: 'variances, in squared data units, one per generator feature',
    kind: 'vector',
    min: 0.01,
    max: 100,
    scale: 'log',
    default: [5, 3, 2, 1.5],
    lengthFrom: 'd',
    group: 'data',
  },
  {
    key: 'P0',
    symbol: 'P₀',
    tex: 'P_0',
    label: 'initial generator overlaps',
    description:
      'Initial P = UᵀV: d entries give diag(P0), d² entries the full matrix (row-major). Each column needs norm ≤ 1.',
    unit: 'cosines (unit columns): dimensionless, in [−1, 1]',
    kind: 'vector',
    min: -1,
    max: 1,
    default: [0.1, 0.1, 0.1, 0.1],
    lengthFrom: 'd',
    powers: [1, 2],
    group: 'init',
  },
  {
    key: 'q0',
    symbol: 'q₀',
    tex: 'q_0',
    label: 'initial discriminator overlaps',
    description: 'Initial q = Uᵀw, with ‖q0‖ ≤ 1.',
    unit: 'cosines (unit vectors): dimensionless, in [−1, 1]',
    kind: 'vector',
    min: -1,
    max: 1,
    default: [0.1, 0.1, 0.1, 0.1],
    lengthFrom: 'd',
    group: 'init',
  },
  {
    key: 'U',
    symbol: 'U',
    tex: 'U',
    label: 'true feature matrix',
    description:
      "'random': orthonormal Gaussian columns; 'constant': every entry 1/√n (d = 1 only), as in Fig. 2.",
    kind: 'enum',
    options: ['random', 'constant'],
    default: 'random',
    group: 'data',
  },
  ...runParams({ symbol: 'n', time: 'steps/n', n: 5000, T: 600, Tmax: 10000 }),
];

export const ganAliases: AliasSpec[] = [
  { key: 'eta', targets: ['etaT', 'etaG'], symbol: 'η', label: 'noise variance (ηT = ηG)' },
];

/** Typed view of the GAN parameters. */
export interface GanParams {
  tau: number;
  tauTilde: number;
  etaT: number;
  etaG: number;
  lambda: number;
  d: number;
  Lambda: number[];
  LambdaTilde: number[];
  /** d×d row-major: P0[i*d + j] = U_iᵀV_j at t = 0. */
  P0: number[];
  q0: number[];
  constantU: boolean;
  n: number;
  seed: number;
  T: number;
}

export function ganParamsOf(p: Params): GanParams {
  const d = num(p, 'd');
  return {
    tau: num(p, 'tau'),
    tauTilde: num(p, 'taut'),
    etaT: num(p, 'etaT'),
    etaG: num(p, 'etaG'),
    lambda: num(p, 'lambda'),
    d,
    Lambda: vec(p, 'Lambda'),
    LambdaTilde: vec(p, 'LambdaT'),
    P0: fullMatrix(vec(p, 'P0'), d),
    q0: vec(p, 'q0'),
    constantU: str(p, 'U') === 'constant',
    n: num(p, 'n'),
    seed: num(p, 'seed'),
    T: num(p, 'T'),
  };
}

/** d entries → diag matrix; d² entries → as given (row-major). */
function fullMatrix(entries: number[], d: number): number[] {
  if (entries.length === d * d && d > 1) return entries.slice();
  const m = new Array<number>(d * d).fill(0);
  for (let i = 0; i < d; i++) m[i * d + i] = entries[i] ?? 0;
  return m;
}

/**
 * Cross-parameter checks: a column of P0 (the overlaps of one unit vector V_j with the
 * orthonormal U) and q0 must have norm ≤ 1; a constant U exists only for d = 1.
 */
export function validateGan(p: Params): Notice[] {
  const notices: Notice[] = [];
  const d = num(p, 'd');
  const P0 = vec(p, 'P0');
  const full = P0.length === d * d && d > 1;
  for (let j = 0; j < d; j++) {
    let norm2 = 0;
    for (let i = 0; i < d; i++) norm2 += (full ? P0[i * d + j]! : i === j ? P0[j]! : 0) ** 2;
    if (norm2 > 1) {
      const s = 1 / Math.sqrt(norm2);
      for (let i = 0; i < d; i++) {
        const idx = full ? i * d + j : i === j ? j : -1;
        if (idx >= 0) P0[idx] = round6(P0[idx]! * s);
      }
      notices.push({
        key: 'P0',
        level: 'clamped',
        message: `column ${j + 1} of P₀ (P0) must have norm ≤ 1 (V's columns are unit vectors); got ${formatNumber(Math.sqrt(norm2))}, rescaled to 1`,
      });
    }
  }
  const q0 = vec(p, 'q0');
  const qn = Math.sqrt(q0.reduce((s, x) => s + x * x, 0));
  if (qn > 1) {
    for (let i = 0; i < q0.length; i++) q0[i] = round6(q0[i]! / qn);
    notices.push({
      key: 'q0',
      level: 'clamped',
      message: `q₀ (q0) must have norm ≤ 1 (w is a unit vector); got ${formatNumber(qn)}, rescaled to 1`,
    });
  }
  if (str(p, 'U') === 'constant' && d !== 1) {
    p['U'] = 'random';
    notices.push({
      key: 'U',
      level: 'clamped',
      message: `U=constant needs d = 1 (its columns must be orthonormal); got d = ${d}, using U=random`,
    });
  }
  return notices;
}

function round6(x: number): number {
  return Math.trunc(x * 1e6) / 1e6; // round toward zero so that the norm stays ≤ 1
}
