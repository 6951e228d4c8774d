/**
 * The linear β-VAE of Ichikawa & Hukushima, "Learning Dynamics in Linear VAE".
 * Equations used, conventions and checks: docs/models/vae.md.
 */
import type { Model, ScanSpec } from '../../core/model';
import { Rng } from '../../core/rng';
import { vaeEquations } from './equations';
import { vaeFigures } from './figures';
import { vaeLayout } from './layout';
import { vaeRhs } from './ode';
import { betaAt, vaeAliases, vaeParams, vaeParamsOf } from './params';
import { vaePresets } from './presets';
import { VaeGramSimulator } from './reduced';
import { initialVaeState, observeVae, VaeSimulator } from './sgd';
import { vaeTheory } from './theory';

/**
 * A convergence-time scan over an annealing rate (Figs. 3 and 5): the time after which ε_g stays
 * within 0.001 of its settled value, 40 log-spaced rates, beside the same measure at constant
 * β = β_target.
 */
function annealingScan(
  id: string,
  title: string,
  x: string,
  anneal: 'tanh' | 'linear',
  range: [number, number],
): ScanSpec {
  return {
    id,
    title,
    x,
    range,
    scale: 'log',
    series: 'epsg',
    count: 40,
    measure: { kind: 'convergenceTime', tolerance: 0.001 },
    fixed: { anneal },
    reference: {
      label: 'constant β',
      apply(p) {
        p['anneal'] = 'none';
        p['beta'] = p['betaTarget']!;
      },
    },
  };
}

export const vaeModel: Model = {
  id: 'vae',
  title: 'Linear β-VAE (Ichikawa–Hukushima)',
  paper: 'vae-ichikawa-hukushima.md, Section 4 and Supplement A',
  params: vaeParams,
  aliases: vaeAliases,
  stateNames: (p) => {
    const v = vaeParamsOf(p);
    return vaeLayout(v.M, v.Mstar).names;
  },
  // The ODE starts from run 0's initial state, measured: exact for informed starts, and the
  // actual 1/√N overlaps for random ones (escape from the plateau is seeded by them).
  initialState: (p) => {
    const v = vaeParamsOf(p);
    const L = vaeLayout(v.M, v.Mstar);
    const x = new Float64Array(L.size);
    observeVae(initialVaeState(v, new Rng(v.seed, 0)), L, x);
    return x;
  },
  observables: (p) => {
    const v = vaeParamsOf(p);
    const L = vaeLayout(v.M, v.Mstar);
    return {
      names: ['epsg', 'beta'],
      // ε_g = ρM* − 2√ρ tr m + tr Q (docs/models/vae.md; Eq. 12 is defined for M = M* only)
      compute(t, x, out) {
        let trm = 0;
        let trQ = 0;
        for (let k = 0; k < Math.min(v.M, v.Mstar); k++) trm += x[L.m + k * v.Mstar + k]!;
        for (let k = 0; k < v.M; k++) trQ += x[L.Q + k * v.M - (k * (k - 1)) / 2]!;
        out[0] = v.rho * v.Mstar - 2 * Math.sqrt(v.rho) * trm + trQ;
        out[1] = betaAt(v, t);
      },
    };
  },
  rhs: (p) => {
    const v = vaeParamsOf(p);
    return vaeRhs(v, vaeLayout(v.M, v.Mstar));
  },
  // 'gram' (reduced.ts) is the chain of the Gram matrix of (W*, W, V) plus D, exact in law and
  // O(1) in N per step; 'literal' (sgd.ts) moves the 2MN weights. Both draw a stream's start
  // from the same random numbers.
  simulator: (p, options = {}) =>
    options.variant === 'literal'
      ? new VaeSimulator(vaeParamsOf(p), options.stream ?? 0)
      : new VaeGramSimulator(vaeParamsOf(p), options.stream ?? 0),
  variants: ['gram', 'literal'],
  presets: vaePresets,
  figures: vaeFigures,
  equations: () => vaeEquations(),
  views: [
    { kind: 'portrait', x: 'm11', y: 'Q11' },
    {
      kind: 'trajectories',
      overlaySeries: 'epsg', // Fig. 1: ε_g(t) for several β
      note: (p) =>
        p['init'] === 'random'
          ? "random start: each SGD run folded onto m ≥ 0 (the sign is a symmetry); the ODE starts from run 0's measured state"
          : null,
    },
    {
      kind: 'scan',
      scans: [
        // Fig. 2: the settled ε_g against β, collapse threshold and optimum marked.
        {
          id: 'beta',
          title: 'Settled εg against β',
          x: 'beta',
          range: [0.05, 3],
          series: 'epsg',
          count: 60,
        },
        // Fig. 3 (bottom): time to reach ε* + 0.001 against the tanh annealing rate γ, beside
        // constant β = β_target; Theorem 5.4's threshold −J_max/2 marked (τ = 1).
        annealingScan(
          'gamma',
          'Convergence time against the annealing rate γ',
          'gamma',
          'tanh',
          [0.003, 3],
        ),
        // Fig. 5 (bottom, τ = 0.001): the same for tanh annealing at the slower rates of small τ,
        // and for linear annealing β(t) = γt (Supplement D.1: Eq. (2) from β = 0, ε = γ/N).
        annealingScan(
          'fig5-tanh',
          'Convergence time against γ, tanh annealing',
          'gamma',
          'tanh',
          [1e-4, 0.1],
        ),
        annealingScan(
          'gamma-linear',
          'Convergence time against γ, linear annealing',
          'gammaLinear',
          'linear',
          [1e-5, 0.1],
        ),
        {
          // Fig. 4: the leading eigenvalue of the Jacobian (in units of τ, as Supplement C's
          // λ/τ) at the stable point the constant-β ODE settles to, against β.
          id: 'fig4',
          title: 'Max eigenvalue of the Jacobian against β',
          x: 'beta',
          range: [0.05, 3],
          series: 'epsg',
          count: 60,
          measure: { kind: 'leadingEigenvalue', per: 'tauW' },
          fixed: { anneal: 'none' },
        },
      ],
    },
    // The phases of Theorems 5.1 and 5.3 are those of constant β: annealing is held off, or
    // an annealed state would make every cell's β axis meaningless.
    {
      kind: 'diagram',
      x: 'beta',
      y: 'eta',
      xRange: [0.05, 3],
      yRange: [0.05, 2],
      fixed: { anneal: 'none' },
    },
  ],
  theory: vaeTheory,
};
