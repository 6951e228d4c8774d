/**
 * The XOR Gaussian mixture with K hidden units (Ben Arous–Gheissari–Jagannath, Section 5;
 * Props. 9.2–9.3), at λ = ∞: the stretch of issue 6 as a model of its own, on the library code
 * and checks of ode.ts, sgd.ts and closedForms.ts here (docs/models/xor.md). Its basins view counts how
 * many random initialisations reach an optimal classifier against (5.2): 3/32 for K = 4, growing
 * with K.
 */
import type { Model, Simulator } from '../../core/model';
import type { Params, ParamSpec } from '../../core/params';
import { num, runParams } from '../../core/params';
import { Rng } from '../../core/rng';
import { xorCAlpha, xorGoodStartProbability, xorOptimal } from './closedForms';
import { xorRhs } from './ode';
import { xorRandomStart, xorSgd, type XorState } from './sgd';

const xorParams: ParamSpec[] = [
  {
    key: 'K',
    symbol: 'K',
    tex: 'K',
    label: 'hidden units',
    description: 'Number of ReLU units of the first layer, Section 5.',
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
      'Ridge penalty of (9.1); the optimal classifiers exist for α < 1/8, where C_α = −logit(4α) > 0.',
    kind: 'number',
    min: 0.001,
    max: 0.12,
    default: 0.1,
    group: 'rates',
  },
  {
    key: 'cdelta',
    symbol: 'c_δ',
    tex: 'c_\\delta',
    label: 'step-size constant',
    description: 'Step size δ = c_δ/N; time t = steps·δ.',
    kind: 'number',
    min: 0.01,
    max: 10,
    default: 1,
    scale: 'log',
    group: 'rates',
  },
  ...runParams({ symbol: 'N', n: 500, T: 100, Tmax: 100000 }),
];

const namesOf = (K: number) => [
  ...Array.from({ length: K }, (_, i) => `v${i + 1}`),
  ...Array.from({ length: K }, (_, i) => `mu${i + 1}`),
  ...Array.from({ length: K }, (_, i) => `nu${i + 1}`),
];

function stateOf(K: number, x: Float64Array): XorState {
  return { K, v: x.subarray(0, K), mu: x.subarray(K, 2 * K), nu: x.subarray(2 * K, 3 * K) };
}

function startOf(p: Params, stream: number): { state: XorState; rng: Rng } {
  const rng = new Rng(num(p, 'seed'), stream);
  return { state: xorRandomStart(num(p, 'K'), num(p, 'n'), rng), rng };
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
    this.names = namesOf(state.K);
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
  title: 'Two-layer net on the XOR mixture, λ = ∞ (Ben Arous–Gheissari–Jagannath)',
  paper: 'sgd-limits-ben-arous-gheissari-jagannath.md, Section 5 and Props. 9.2–9.3',
  params: xorParams,
  stateNames: (p) => namesOf(num(p, 'K')),
  // Run 0's start, measured: the ODE and the first SGD run leave from the same point.
  initialState: (p) => {
    const { state } = startOf(p, 0);
    return Float64Array.from([...state.v, ...state.mu, ...state.nu]);
  },
  // Prop. 9.2 with the ν line corrected (xor.ts); the jump across m = 0 is blended over
  // |m| < 10⁻³ so that the adaptive integrator does not chatter (an O(10⁻³) regularisation).
  rhs: (p) => xorRhs(num(p, 'K'), num(p, 'alpha'), { ramp: 1e-3 }),
  simulator: (p, options = {}) => new XorSimulator(p, options.stream ?? 0),
  presets: [4, 6, 8].map((K) => ({
    id: `fig-k${K}`,
    title: `K = ${K}: optimal from ${(100 * xorGoodStartProbability(K)).toFixed(1)} % of starts`,
    figure: 'Section 5, (5.2)',
    description: `Random starts reach an optimal classifier with probability (5.2) = ${xorGoodStartProbability(K).toPrecision(3)} for K = ${K}.`,
    state: `K=${K}&alpha=0.1&cdelta=1&n=500&seed=2&T=100`,
    view: 'view=basins&nr=200',
  })),
  views: {
    portrait: { x: 'mu1', y: 'v1' },
    basins: {
      x: 'mu1',
      y: 'nu1',
      runs: 200,
      expected: (p) => {
        const q = xorGoodStartProbability(num(p, 'K'));
        return [
          { label: OPTIMAL, fraction: q },
          { label: NOT_OPTIMAL, fraction: 1 - q },
        ];
      },
    },
  },
  theory: {
    // Prop. 9.3 describes the stable sets (units at ±√C_α in each of the four quadrant classes);
    // a generic search in 3K dimensions through a discontinuous field adds nothing to it.
    fixedPointStarts: (p) => {
      const d = 3 * num(p, 'K');
      const a = Math.sqrt(Math.max(0, xorCAlpha(num(p, 'alpha'))));
      return {
        lo: new Array<number>(d).fill(-2 * a),
        hi: new Array<number>(d).fill(2 * a),
        candidates: [],
        complete: true,
      };
    },
    basinOf: (p, final) => (xorOptimal(stateOf(num(p, 'K'), final)) ? OPTIMAL : NOT_OPTIMAL),
  },
};
