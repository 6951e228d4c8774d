/**
 * How the generic views show the GAN: the portrait of Fig. 4 (P11 against q1), the microscopic
 * cloud of Fig. 2 with the Gaussian the PDE (12) predicts, and the cosines.
 */
import type { Gaussian2, ViewSpec } from '../../core/model';
import { num, type Params, str } from '../../core/params';

/**
 * The law of the cloud (√n[V]_i1, √n[w]_i), i = 1..n, at a macroscopic state.
 *
 * The SDE (10) is linear in (v̂, ŵ), with a drift linear in (û, v̂, ŵ) and additive noise, and
 * the initial cloud is Gaussian given û (sgd.ts builds V0, w0 from U and Gaussian vectors). So
 * the law given û stays Gaussian, with first moments linear in û and second moments given by
 * (11): ⟨û v̂⟩ = P, ⟨û ŵ⟩ = q, ⟨v̂²⟩ = S, ⟨v̂ ŵ⟩ = r, ⟨ŵ²⟩ = z.
 * - constant U (û ≡ 1, d = 1): mean (P11, q1) and covariance = second moment − mean meanᵀ,
 *   [[S11 − P11², r1 − P11 q1], [r1 − P11 q1, z − q1²]] (docs/models/gan.md; the paper prints the second
 *   moment [[S, r], [r, z]] as if it were the covariance).
 * - random U (û ~ N(0, 1) over i): averaging over û, the cloud is a centred Gaussian whose
 *   covariance is the second moment [[S11, r1], [r1, z]].
 * λ = ∞ fixes S11 = z = 1. Checked against the simulated cloud in views.test.ts.
 */
export function ganCloudGaussian(p: Params, state: (name: string) => number): Gaussian2 {
  const infinite = num(p, 'lambda') === Number.POSITIVE_INFINITY;
  const S11 = infinite ? 1 : state('S11');
  const z = infinite ? 1 : state('z');
  const r1 = state('r1');
  if (str(p, 'U') === 'constant') {
    const P = state('P11');
    const q = state('q1');
    return { mean: [P, q], cov: [S11 - P * P, r1 - P * q, z - q * q] };
  }
  return { mean: [0, 0], cov: [S11, r1, z] };
}

export const ganViews: ViewSpec[] = [
  { kind: 'portrait', x: 'P11', y: 'q1' },
  // Fig. 3(b) / Fig. 5: the (τ, τ̃/τ) plane.
  { kind: 'diagram', x: 'tau', y: 'alpha', xRange: [0.05, 1.5], yRange: [0.05, 2.5] },
  {
    kind: 'cloud',
    x: 'v1',
    y: 'w',
    color: 'u1',
    xLabel: '√n [V]ᵢ₁',
    yLabel: '√n [w]ᵢ',
    colorLabel: '√n [U]ᵢ₁',
    gaussian: ganCloudGaussian,
    gaussianNote: 'ellipses: 1σ, 2σ, 3σ predicted by the PDE (12)',
  },
  {
    kind: 'trajectories',
    // Colour goes by feature, the five kinds of overlap (11) by dash; S (the generator's Gram
    // matrix) is auxiliary: drawn lighter and hidden by default.
    seriesKinds: {
      P: { dash: '' },
      q: { dash: '7 4' },
      r: { dash: '2 3' },
      S: { dash: '9 3 2 3', primary: false },
      z: { dash: '1 3' },
    },
    derived: [
      {
        id: 'cosines',
        label: 'cosines',
        description: 'Pᵢⱼ/√Sⱼⱼ and qᵢ/√z: cosines of the angles to the true features',
        // With λ = ∞ every column is a unit vector and the cosines are the overlaps themselves.
        available: (p) => num(p, 'lambda') !== Number.POSITIVE_INFINITY,
        names: (p) => {
          const d = num(p, 'd');
          const names: string[] = [];
          for (let i = 1; i <= d; i++) for (let j = 1; j <= d; j++) names.push(`cosP${i}${j}`);
          for (let i = 1; i <= d; i++) names.push(`cosq${i}`);
          return names;
        },
        // cos∠(U_i, V_j) = P_ij/√S_jj (U's columns are unit vectors); cos∠(U_i, w) = q_i/√z.
        compute: (p, stateNames, row, out) => {
          const d = num(p, 'd');
          const at = (name: string) => row[stateNames.indexOf(name)]!;
          let k = 0;
          for (let i = 1; i <= d; i++) {
            for (let j = 1; j <= d; j++) out[k++] = at(`P${i}${j}`) / Math.sqrt(at(`S${j}${j}`));
          }
          const sz = Math.sqrt(at('z'));
          for (let i = 1; i <= d; i++) out[k++] = at(`q${i}`) / sz;
        },
      },
    ],
  },
];
