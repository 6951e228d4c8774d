/**
 * The contrastive model's parameter table (Meng & Wang). Conventions of docs/models/contrastive.md: x = Uc/√N + a
 * with UᵀU = N·I, z_ℓ = wᵀx^(ℓ)/√N, F = −(1/m)Σ_b y_b^(1) y_b^(2) with ȳ = 0, time t = steps/N.
 * Augmentation: x^(ℓ) = x + γ^(ℓ), γ^(ℓ) with i.i.d. N(0, η) entries, corr(γ^(1), γ^(2)) = ρ_γ.
 */
import { echo } from '../../core/echo';
import type { Notice } from '../../core/model';
import type { EnumSpec, Params, ParamSpec } from '../../core/params';
import { formatNumber, num, runParams, str, vec } from '../../core/params';
import { type Law, lawOf, lawText, parseLawText, validateLaw } from './laws';

export type Activation = 'square' | 'relu' | 'tanh';

/** The laws the presets menu of a feature offers (the paper's figures). */
const PAPER_LAWS = [
  'sparse:4.5,0.2',
  'sparse:5,0.2',
  'sparse:5.5,0.2',
  'gauss:1',
  'gauss:1.1',
  'gauss:1.2',
  'moments:1.1,6.05,33.28',
  'moments:1,5,25',
];

/** A feature's law is free-form ('gauss:1.25'); the menu suggests the paper's laws. */
const acceptsLaw = (text: string): string | null =>
  parseLawText(text) === null ? 'a law looks like gauss:m₂, sparse:α,b or moments:m₂,m₄,m₆' : null;

const law = (i: number, fallback: string): EnumSpec => ({
  key: `c${i}`,
  symbol: `c${'₁₂₃'[i - 1]}`,
  tex: `c_${i}`,
  label: `law of feature ${i}`,
  description: `Hidden variable of feature ${i}: gauss:m₂ (N(0, m₂)), sparse:α,b (±√α w.p. b/2 each, else 0) or moments:m₂,m₄,m₆; used when d₁ ≥ ${i}, Eq. (1).`,
  kind: 'enum',
  options: PAPER_LAWS,
  accepts: acceptsLaw,
  default: fallback,
  group: 'data',
});

export const contrastiveParams: ParamSpec[] = [
  {
    key: 'tau',
    symbol: 'τ',
    tex: '\\tau',
    label: 'learning rate',
    description: 'SGD learning rate τ of the update (4).',
    unit: 'dimensionless: w takes steps of τ/(mN) (m the batch), and t = steps/N',
    kind: 'number',
    min: 0.0001,
    max: 2,
    default: 0.09,
    scale: 'log',
    group: 'rates',
  },
  {
    key: 'batch',
    symbol: 'm',
    tex: 'm',
    label: 'batch size',
    description: 'Fresh samples per SGD step, Eq. (2); the diffusion Λ of (8) scales as τ²/m.',
    unit: 'a count of samples per step',
    kind: 'integer',
    min: 1,
    max: 1000,
    default: 10,
    scale: 'log',
    group: 'rates',
  },
  {
    key: 'sigma',
    symbol: 'σ',
    tex: '\\sigma',
    label: 'activation',
    description: 'Activation σ of y = σ(wᵀx/√N): x² (Section IV), ReLU (Appendix D) or tanh.',
    kind: 'enum',
    options: ['square', 'relu', 'tanh'],
    default: 'square',
    group: 'rates',
  },
  {
    key: 'd1',
    symbol: 'd₁',
    tex: 'd_1',
    label: 'features',
    description: 'Number of features (columns of U), each with its own hidden-variable law.',
    unit: 'a count of features',
    kind: 'integer',
    min: 1,
    max: 3,
    default: 1,
    group: 'data',
  },
  law(1, 'sparse:5.5,0.2'),
  law(2, 'moments:1.1,6.05,33.28'),
  law(3, 'gauss:1'),
  {
    key: 'eta',
    symbol: 'η',
    tex: '\\eta',
    label: 'augmentation noise variance',
    description: 'Variance of each entry of the augmentation noises γ⁽¹⁾, γ⁽²⁾ (Section IV-C).',
    unit: "a variance, dimensionless (the features' laws set the signal's scale)",
    kind: 'number',
    min: 0,
    max: 4,
    default: 0,
    group: 'noise',
  },
  {
    key: 'noiseCorr',
    symbol: 'ρ_γ',
    tex: '\\rho_\\gamma',
    label: 'noise correlation between branches',
    description:
      'Correlation of γ⁽¹⁾ and γ⁽²⁾: 0 independent (Claim 3), −1 anti-correlated γ⁽²⁾ = −γ⁽¹⁾ (Claim 4), 1 identical.',
    unit: 'a correlation: dimensionless, in [−1, 1]',
    kind: 'number',
    min: -1,
    max: 1,
    default: 0,
    group: 'noise',
  },
  {
    key: 'bn',
    symbol: 'ȳ',
    tex: '\\bar{y}',
    label: 'batch normalisation',
    description:
      'off: ȳ = 0 (Section IV); population: y − ȳ with ȳ = ⟨σ(z)⟩ the population mean at the current q ((S-16), Appendix A.2).',
    kind: 'enum',
    options: ['off', 'population'],
    default: 'off',
    group: 'noise',
  },
  {
    key: 'q0',
    symbol: 'q₀',
    tex: 'q_0',
    label: 'initial cosine similarity',
    description: 'Initial q = Uᵀw/N per feature, Eq. (5); |q₀| ≤ 1.',
    unit: 'overlaps divided by N: dimensionless, in [−1, 1]',
    kind: 'vector',
    min: 0,
    max: 1,
    default: [0.55, 0.1, 0.1],
    lengthFrom: 'd1',
    group: 'init',
  },
  ...runParams({ symbol: 'N', time: 'steps/N', n: 2000, T: 400, Tmax: 100000 }),
];

export interface ContrastiveParams {
  tau: number;
  batch: number;
  sigma: Activation;
  d1: number;
  /** The first d1 feature laws. */
  laws: Law[];
  eta: number;
  rho: number;
  /** Batch normalisation with the population mean ȳ = ⟨σ(z)⟩ ((S-16), A.2); false: ȳ = 0. */
  centred: boolean;
  q0: number[];
  n: number;
  seed: number;
  T: number;
}

export function contrastiveParamsOf(p: Params): ContrastiveParams {
  const d1 = num(p, 'd1');
  const laws: Law[] = [];
  for (let i = 1; i <= d1; i++) laws.push(lawOf(str(p, `c${i}`)));
  return {
    tau: num(p, 'tau'),
    batch: num(p, 'batch'),
    sigma: str(p, 'sigma') as Activation,
    d1,
    laws,
    eta: num(p, 'eta'),
    rho: num(p, 'noiseCorr'),
    centred: str(p, 'bn') === 'population',
    q0: vec(p, 'q0').slice(0, d1),
    n: num(p, 'n'),
    seed: num(p, 'seed'),
    T: num(p, 'T'),
  };
}

/** The default law of feature i (1-based), from the table. */
function lawSpecDefault(i: number): string {
  const spec = contrastiveParams.find((s) => s.key === `c${i}`);
  return spec?.kind === 'enum' ? spec.default : 'gauss:1';
}

/**
 * Check each law's numbers (rewriting it in canonical form) and that |q₀| ≤ 1 (w is a unit
 * vector); returns a notice for everything changed.
 */
export function validateContrastive(p: Params): Notice[] {
  const notices: Notice[] = [];
  for (let i = 1; i <= 3; i++) {
    const key = `c${i}`;
    const text = str(p, key);
    const parsed = parseLawText(text);
    if (!parsed) continue; // parseState already replaced a malformed law by the default
    const { args, problem } = validateLaw(parsed.kind, parsed.args);
    let canonical = lawText(parsed.kind, args);
    // A corrected law must pass its own check, or the state would hold an invalid one; the
    // margins in validateLaw make this so, and the default law is the last resort.
    const again = parseLawText(canonical);
    const invalid = !again || validateLaw(again.kind, again.args).problem !== null;
    if (invalid) canonical = lawSpecDefault(i);
    p[key] = canonical;
    if (problem || invalid)
      notices.push({
        key,
        level: 'clamped',
        message: `c${'₁₂₃'[i - 1]} (${key}): ${problem ?? 'no law has these numbers'}; got ${echo(text)}, using ${canonical}`,
      });
  }
  const q0 = vec(p, 'q0');
  const norm = Math.sqrt(q0.reduce((s, x) => s + x * x, 0));
  if (norm > 1) {
    // Rounded down, so that the rescaled vector stays inside the unit ball.
    for (let i = 0; i < q0.length; i++) q0[i] = Math.floor((q0[i]! / norm) * 1e6) / 1e6;
    notices.push({
      key: 'q0',
      level: 'clamped',
      message: `q₀ (q0) must have norm ≤ 1 (w/√N is a unit vector); got ${formatNumber(norm)}, rescaled to 1`,
    });
  }
  return notices;
}
