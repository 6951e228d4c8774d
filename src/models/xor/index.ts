/**
 * The XOR Gaussian mixture with K hidden units (Ben Arous–Gheissari–Jagannath, Section 5;
 * Props. 9.1–9.3; docs/models/xor.md), at λ = ∞ and finite λ: Prop. 9.2's ODE in ode.ts, Prop.
 * 9.1's in finiteOde.ts, the SGD in sgd.ts and finite.ts, C_α and (5.2) in closedForms.ts, Prop.
 * 9.3's sets in theory.ts. Its basins view counts how
 * many random initialisations reach an optimal classifier against (5.2): 3/32 for K = 4, growing
 * with K.
 */
import type { Model, Simulator } from '../../core/model';
import type { Params, ParamSpec } from '../../core/params';
import { num, runParams } from '../../core/params';
import { Rng } from '../../core/rng';
import { xorCAlpha, xorGoodStartProbability, xorOptimal } from './closedForms';
import { onRings, ringLaw, ringObservables, ringsStart } from './diffusive';
import { xorEquations } from './equations';
import { xorFigures } from './figures';
import { XorFiniteSimulator } from './finite';
import { xorFiniteRhs } from './finiteOde';
import { xorPiecewise, xorRhs } from './ode';
import { xorPresets } from './presets';
import { xorRandomStart, xorSgd, type XorState } from './sgd';
import { xorFixedPointCandidates, xorFixedSet } from './theory';

const xorParams: ParamSpec[] = [
  {
    key: 'K',
    symbol: 'K',
    tex: 'K',
    label: 'hidden units',
    description: 'Number of ReLU units of the first layer, Section 5.',
    unit: 'a count of units',
    kind: 'integer',
    min: 2,
    max: 12,
    default: 4,
    group: 'data',
  },
  {
    key: 'alpha',
    symbol: 'α',
    tex: '\\alpha',
    label: 'ridge',
    description:
      'Ridge penalty of (9.1); the optimal classifiers exist for α < 1/8, where Cα = −logit(4α) > 0; above, the origin is the only fixed point (Prop. 9.3).',
    unit: 'dimensionless (a weight)',
    kind: 'number',
    min: 0.001,
    max: 0.2,
    default: 0.1,
    group: 'rates',
  },
  {
    key: 'lambda',
    symbol: 'λ',
    tex: '\\lambda',
    label: 'signal-to-noise ratio',
    description:
      'X ~ N(±μ or ±ν, I/λ), Section 5. ∞: noiseless data, the exact O(K) chain and Prop. 9.2; finite: the literal O(KN) SGD (Figs. 9–10 as drawn) beside Prop. 9.1’s ODE, which adds R⊥ to the state (K ≤ 4; beyond, the curves are the λ = ∞ ODE).',
    unit: 'an inverse variance: dimensionless (the means ±μ, ±ν have unit norm)',
    kind: 'number',
    min: 1,
    max: 100000,
    default: Number.POSITIVE_INFINITY,
    scale: 'log',
    allowInfinity: true,
    group: 'data',
  },
  {
    key: 'cdelta',
    symbol: 'c_δ',
    tex: 'c_\\delta',
    label: 'step-size constant',
    description: 'Step size δ = cδ/N; time t = steps·δ.',
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
    label: 'initial state',
    description:
      'random: vᵢ ~ N(0, 1), Wᵢ ~ N(0, I/N) (§9.4); rings: on the product of quarter-rings of Prop. 5.1 (units 1, 2 in Iμ⁺, 3, 4 in Iν⁺, at angle θ).',
    kind: 'enum',
    options: ['random', 'rings'],
    default: 'random',
    group: 'init',
  },
  {
    key: 'theta',
    symbol: 'θ',
    tex: '\\theta',
    label: 'ring angle',
    description: 'With init=rings: (a₁, a₂) = √Cα(cos θ, sin θ) on both rings (Prop. 5.1).',
    unit: 'an angle, in radians',
    kind: 'number',
    min: 0.05,
    max: 1.52,
    default: 0.5236,
    group: 'init',
  },
  ...runParams({ symbol: 'N', time: 'cδ·steps/N', n: 500, T: 100, Tmax: 100000 }),
];

/** Prop. 9.1's ODE is integrated for K ≤ 4: its K-dimensional Gauss–Hermite rule has 8^K nodes. */
const FINITE_ODE_MAX_K = 4;

/** Whether the curves are Prop. 9.1's finite-λ ODE (and the state carries R⊥). */
function finiteOde(p: Params): boolean {
  return num(p, 'lambda') !== Number.POSITIVE_INFINITY && num(p, 'K') <= FINITE_ODE_MAX_K;
}

/** [v, mμ, mν] and, at finite λ (Prop. 9.1), R⊥_ij for i ≤ j (`r1_2` …) in finiteOde.ts's order. */
const namesOf = (K: number, perp: boolean) => [
  ...Array.from({ length: K }, (_, i) => `v${i + 1}`),
  ...Array.from({ length: K }, (_, i) => `mu${i + 1}`),
  ...Array.from({ length: K }, (_, i) => `nu${i + 1}`),
  ...(perp
    ? Array.from({ length: K }, (_, i) =>
        Array.from({ length: K - i }, (_, k) => `r${i + 1}_${i + k + 1}`),
      ).flat()
    : []),
];

function stateOf(K: number, x: Float64Array): XorState {
  return { K, v: x.subarray(0, K), mu: x.subarray(K, 2 * K), nu: x.subarray(2 * K, 3 * K) };
}

function startOf(p: Params, stream: number): { state: XorState; rng: Rng } {
  const rng = new Rng(num(p, 'seed'), stream);
  const K = num(p, 'K');
  if (onRings(p)) return { state: ringsStart(K, num(p, 'alpha'), num(p, 'theta')), rng };
  return { state: xorRandomStart(K, num(p, 'n'), rng), rng };
}

/** The SGD of (v, mμ, mν): exactly the literal network's, since X lies in span(μ, ν). */
class XorSimulator implements Simulator {
  readonly names: string[];
  readonly stepsPerTime: number;
  steps = 0;
  private readonly x: XorState;
  private readonly rng: Rng;

  constructor(
    private readonly p: Params,
    stream: number,
  ) {
    const { state, rng } = startOf(p, stream);
    this.x = state;
    this.rng = rng;
    this.names = namesOf(state.K, false);
    this.stepsPerTime = num(p, 'n') / num(p, 'cdelta');
  }

  step(k: number): void {
    const p = this.p;
    xorSgd(
      this.x,
      { N: num(p, 'n'), alpha: num(p, 'alpha'), cdelta: num(p, 'cdelta') },
      k,
      this.rng,
    );
    this.steps += k;
  }

  observe(out: Float64Array): void {
    out.set(this.x.v, 0);
    out.set(this.x.mu, this.x.K);
    out.set(this.x.nu, 2 * this.x.K);
  }
}

const OPTIMAL = 'optimal';
const NOT_OPTIMAL = 'not optimal';

export const xorModel: Model = {
  id: 'xor',
  title: 'Two-layer net on the XOR mixture (Ben Arous–Gheissari–Jagannath)',
  paper: 'sgd-limits-ben-arous-gheissari-jagannath.md, Section 5 and Props. 9.1–9.3',
  params: xorParams,
  stateNames: (p) => namesOf(num(p, 'K'), finiteOde(p)),
  // Run 0's start, measured: the ODE and the first SGD run leave from the same point (at finite λ
  // with run 0's R⊥, drawn by its simulator).
  initialState: (p) => {
    const sim = xorModel.simulator(p, { stream: 0 });
    const x = new Float64Array(sim.names.length);
    sim.observe(x);
    return x;
  },
  observables: (p) => ringObservables(num(p, 'K'), num(p, 'alpha')),
  // λ = ∞: Prop. 9.2 with the ν line corrected (xor.ts); the jump across m = 0 is blended over
  // |m| < 10⁻³ so that the adaptive integrator does not chatter (an O(10⁻³) regularisation).
  // Finite λ: Prop. 9.1 (finiteOde.ts), smooth, on the state with R⊥.
  rhs: (p) =>
    finiteOde(p)
      ? xorFiniteRhs(num(p, 'K'), {
          alpha: num(p, 'alpha'),
          lambda: num(p, 'lambda'),
          cdelta: num(p, 'cdelta'),
        })
      : xorRhs(num(p, 'K'), num(p, 'alpha'), { ramp: 1e-3 }),
  // Prop. 9.1's quadrature has fixed nodes: its rhs jumps by up to ~1e-3 as nodes cross the kinks
  // h_i = 0, and at rtol 1e-6 the integrator crawls (15–19k evaluations for t ≤ 10, a minute);
  // rtol 1e-4 gives the same curve to 1e-4 in 500 (finiteOde.test.ts).
  odeTolerances: (p) => (finiteOde(p) ? { rtol: 1e-4, atol: 1e-7 } : null),
  // The literal field's pieces: fixed points are Filippov equilibria of Prop. 9.2, classified by
  // the pieces around them (the ramp above is for integration only). Prop. 9.1's field is smooth.
  piecewise: (p) => (finiteOde(p) ? null : xorPiecewise(num(p, 'K'), num(p, 'alpha'))),
  simulator: (p, options = {}) => {
    const stream = options.stream ?? 0;
    const lambda = num(p, 'lambda');
    if (lambda === Number.POSITIVE_INFINITY) return new XorSimulator(p, stream);
    const { state, rng } = startOf(p, stream);
    const rates = { N: num(p, 'n'), lambda, alpha: num(p, 'alpha'), cdelta: num(p, 'cdelta') };
    const names = namesOf(state.K, finiteOde(p));
    return new XorFiniteSimulator(names, state, rates, rng, !onRings(p));
  },
  presets: xorPresets,
  figures: xorFigures,
  equations: (p) => xorEquations(finiteOde(p)),
  views: [
    { kind: 'portrait', x: 'mu1', y: 'v1' },
    {
      kind: 'trajectories',
      // Colour by hidden unit k, the statistic by dash: v_k solid, m_k^μ dashed, m_k^ν dotted.
      seriesKinds: { v: { dash: '' }, mu: { dash: '7 4' }, nu: { dash: '2 3' } },
      note: (p) =>
        num(p, 'lambda') === Number.POSITIVE_INFINITY
          ? null
          : finiteOde(p)
            ? 'finite λ: the dots are the literal SGD at this λ, the curves Prop. 9.1’s ODE at this λ (with R⊥ in the state)'
            : `finite λ: the dots are the literal SGD at this λ; the curves are the λ = ∞ ODE of Prop. 9.2 (Prop. 9.1's ODE is integrated for K ≤ ${FINITE_ODE_MAX_K} only)`,
    },
    // Prop. 5.1 (Fig. 11): the μ ring's radial offset from the quarter-rings start.
    {
      kind: 'fluctuation',
      series: 'dmu',
      label: '√N(‖(μ₁, μ₂)‖ − √Cα)',
      scale: (p) => Math.sqrt(num(p, 'n')),
      law: ringLaw,
      lawNote:
        'Prop. 5.1 at λ = ∞ with its drift sign corrected: an OU process with rate 2Cα·α(1 − 4α) and stationary variance 3cδα/(4(1 − 4α)) (init=rings only).',
      runs: 64,
    },
    // Fig. 9 draws the end points in (m₁^μ, m₂^μ).
    {
      kind: 'basins',
      x: 'mu1',
      y: 'mu2',
      runs: 200,
      // Prop. 9.1's quadrature on 8^K nodes is ~15 s an ODE at K = 4 (docs/models/xor.md).
      skipOde: (p) =>
        num(p, 'lambda') === Number.POSITIVE_INFINITY
          ? null
          : 'Prop. 9.1’s finite-λ ODE costs about 15 s a run here, so it is not run from every start',
      expected: (p) => {
        const q = xorGoodStartProbability(num(p, 'K'));
        return [
          { label: OPTIMAL, fraction: q },
          { label: NOT_OPTIMAL, fraction: 1 - q },
        ];
      },
    },
  ],
  theory: {
    // Prop. 9.3 classifies every fixed point (theory.ts): one candidate per assignment of the
    // units to I_0 and the four classes; a grid of starts in 3K dimensions adds nothing to it.
    // At finite λ (Prop. 9.1) no search is made: its right-hand side is not smooth at the
    // candidates (linear in W near W = 0, kinks of the fixed quadrature), where a difference
    // Jacobian misleads, and one evaluation costs ~30 ms, so a search took minutes and returned
    // wrong points (docs/models/xor.md). The portrait then shows none, rather than wrong ones.
    fixedPointStarts: (p) => {
      const K = num(p, 'K');
      const finite = finiteOde(p);
      if (finite) return { lo: [], hi: [], candidates: [], complete: true };
      const d = 3 * K;
      const a = Math.sqrt(Math.max(0, xorCAlpha(num(p, 'alpha'))));
      const candidates = xorFixedPointCandidates(K, num(p, 'alpha'));
      return {
        lo: new Array<number>(d).fill(-2 * a),
        hi: new Array<number>(d).fill(2 * a),
        candidates,
        complete: true,
      };
    },
    fixedPointType: (p, x) => xorFixedSet(num(p, 'K'), x),
    basinOf: (p, final) => (xorOptimal(stateOf(num(p, 'K'), final)) ? OPTIMAL : NOT_OPTIMAL),
  },
};
