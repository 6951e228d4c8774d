/**
 * The Model contract: everything the app, the workers and the CLI need to know about one paper's
 * model. Adding a model means one folder under src/models and one line in the registry.
 */
import type { ModelEquations } from './equations';
import type { OdeOptions, Rhs } from './ode';
import type { AliasSpec, Params, ParamSpec } from './params';
import type { SettleOptions, SettleResult } from './settle';
import type { PiecewiseRhs } from './stability';
import type { ViewSpec } from './views';

export type { Equation, EquationSet, ModelEquations } from './equations';
export * from './views';

/** A message about the input, shown in the UI's status line and printed by the CLI. */
export interface Notice {
  key: string;
  level: 'clamped' | 'rejected' | 'unknown' | 'info';
  message: string;
}

export interface Preset {
  id: string;
  title: string;
  /** e.g. 'Fig. 1(a)'. */
  figure: string;
  /** One line for the presets menu. */
  description: string;
  /** A state string (without the model key). */
  state: string;
  /** App keys that belong with the figure (e.g. 'dn=40' for a finer phase diagram). */
  view?: string;
}

/** A microscopic snapshot: named per-coordinate columns (already scaled by √n). */
export interface MicroSnapshot {
  t: number;
  columns: Record<string, Float64Array>;
}

/** One finite-n SGD run, advanced by the caller (docs/architecture.md, habit 6). */
export interface Simulator {
  /** Order-parameter names written by observe(), the same as the ODE's state names. */
  readonly names: string[];
  /** SGD steps per unit of time: t = steps / stepsPerTime. */
  readonly stepsPerTime: number;
  /** Steps taken so far. */
  readonly steps: number;
  /** Advance by k SGD steps. */
  step(k: number): void;
  /** Write the current order parameters into out (length names.length). */
  observe(out: Float64Array): void;
  /** The microscopic state, √n-scaled, for point clouds. */
  micro?(): MicroSnapshot;
}

export interface SimulatorOptions {
  /** Independent random stream for this run (runs of one seed use streams 0, 1, 2, …). */
  stream?: number;
  /** One of Model.variants: exact samplers of the same chain that differ in cost (default: the first). */
  variant?: string;
}

export interface Observables {
  names: string[];
  /** Fill out (length names.length) from the state row at time t. */
  compute(t: number, state: Float64Array, out: Float64Array): void;
}

/** A phase of a model's phase diagram (one colour each: docs/architecture.md, "Visual language"). */
export interface PhaseSpec {
  id: string;
  label: string;
  color: string;
  /** What the phase is, in a few words, for a newcomer (the view's ⓘ); absent when the label says it. */
  meaning?: string;
}

/** An axis of a phase diagram that is not a parameter, e.g. α = τ̃/τ. */
export interface DerivedAxis {
  key: string;
  label: string;
  /** Set the underlying parameters for this axis value (after the other axis was set). */
  apply(p: Params, value: number): void;
  /** Read the axis value from parameters. */
  read(p: Params): number;
  /** The parameters this axis sets (a diagram over it does not depend on them). */
  params: string[];
  /**
   * The values the axis can take, from its parameters' bounds (a link's diagram range is
   * clamped to it); absent: ±10⁶.
   */
  range?: [number, number];
}

/** The model's theory for fixed points and phase diagrams (closed forms from its paper). */
export interface ModelTheory {
  /**
   * Where to look for fixed points: a box for grid/random starts and closed-form candidates.
   * `complete`: the candidates are known to reach every fixed point (the paper classifies them
   * all), so no grid of starts is searched unless asked for (the GMM's 3⁷-start grid at finite λ
   * takes minutes).
   */
  fixedPointStarts(p: Params): {
    lo: number[];
    hi: number[];
    candidates: Float64Array[];
    complete?: boolean;
  };
  /** False for states outside the model's physical domain (e.g. a cosine above 1). */
  admissible?(p: Params, x: Float64Array): boolean;
  /** The model's own name for a fixed point (GAN: 'type 3'), or null. */
  fixedPointType?(p: Params, x: Float64Array): string | null;
  /** The phases a phase diagram can show, in legend order. */
  phases?: PhaseSpec[];
  /**
   * The phase of a parameter point from the stable fixed-point types found and the late-time
   * variation of the ODE from the preset's initial condition (Fig. 3(b)'s measure).
   */
  phase?(
    p: Params,
    stableTypes: string[],
    variation: number,
    final: Float64Array,
    settled?: SettleResult,
  ): string;
  /**
   * Run the ODE until it settles before phase() is asked (core/settle.ts): phaseCell then labels
   * a cell 'unsettled' when neither a fixed point nor a sustained oscillation is reached by
   * maxTime, and passes the verdict to phase(). Null: the fixed horizon of settleTime.
   */
  settle?(p: Params): Omit<SettleOptions, 'signal'> | null;
  /** How long the ODE needs to settle for a phase label (default 1000; rates scale it). */
  settleTime?(p: Params): number;
  /** Whether phase() reads the stable fixed-point types here (false saves the search). */
  phaseUsesFixedPoints?(p: Params): boolean;
  /** Order parameters whose late-time variation detects oscillation. */
  variationSeries?(p: Params): string[];
  derivedAxes?: DerivedAxis[];
  /** Closed-form phase boundaries as curves in the (x, y) axes of a diagram. */
  boundaries?(
    p: Params,
    x: string,
    y: string,
    xRange: [number, number],
  ): { label: string; points: [number, number][] }[];
  /** Marked parameter values of a 1-parameter scan, e.g. β = ρ + η and β = η. */
  scanMarks?(p: Params, x: string): { label: string; x: number }[];
  /** Marked points of the paper's diagrams, e.g. Fig. 4's four step sizes. */
  marks?(p: Params, x: string, y: string): { label: string; x: number; y: number }[];
  /**
   * The basin an end state belongs to, e.g. GMM: 'm1 > 0' or 'm1 < 0' (null: none / not settled).
   * Used by the basins and attraction views.
   */
  basinOf?(p: Params, final: Float64Array): string | null;
}

/** One figure or table of a model's paper, and how macroscope reproduces it. */
export interface PaperFigure {
  /** As the paper numbers it, e.g. 'Fig. 1(a)', 'Table 1'. */
  figure: string;
  /** What it shows, in one line. */
  caption: string;
  /** The preset (Preset.id) that opens it; absent when it cannot be reproduced. */
  preset?: string;
  /** Why it cannot be reproduced (required when preset is absent). */
  reason?: string;
}

export interface Model {
  id: string;
  title: string;
  /** The paper (authors, title) and the section this model follows. */
  paper: string;
  params: ParamSpec[];
  aliases?: AliasSpec[];
  /**
   * Cross-parameter validation after each value was parsed and clamped on its own
   * (e.g. an initial overlap vector of norm > 1). May adjust p; returns notices for what it changed.
   */
  validate?(p: Params): Notice[];
  /** Names of the ODE's state variables (the order parameters), e.g. ['P11', 'q1', …]. */
  stateNames(p: Params): string[];
  initialState(p: Params): Float64Array;
  /**
   * Observables computed from the order parameters and t (e.g. ε_g from (m, Q), or the annealed
   * β(t)); appended to every ODE and SGD trajectory after the state variables.
   */
  observables?(p: Params): Observables;
  /** The macroscopic ODE's right-hand side for these parameters. */
  rhs(p: Params): Rhs;
  /**
   * The solver's tolerances where the default (rtol 1e-6) is below the rhs's own accuracy, e.g. a
   * quadrature with fixed nodes, whose small jumps as nodes cross a kink make a tight adaptive
   * step crawl (XOR at finite λ). Callers' explicit tolerances win.
   */
  odeTolerances?(p: Params): Pick<OdeOptions, 'rtol' | 'atol'> | null;
  /**
   * The right-hand side's Jacobian ∂f_i/∂x_j written row-major into J (dim × dim), where the
   * model has it in closed form; otherwise callers use finite differences.
   */
  jacobian?(p: Params): (t: number, x: Float64Array, J: Float64Array) => void;
  /**
   * For a right-hand side that jumps across hyperplanes x_j = 0 (XOR: the sign of each m): its
   * smooth pieces. Fixed points are then found as Filippov equilibria and classified by the
   * pieces around them (core/piecewise.ts), never by a difference quotient across a jump.
   */
  piecewise?(p: Params): PiecewiseRhs | null;
  /** A finite-n SGD simulator of the same model. */
  simulator(p: Params, options?: SimulatorOptions): Simulator;
  /** Names of the simulator's variants, the default first (e.g. ['fast', 'literal']). */
  variants?: readonly string[];
  /** Paper figures as state strings. Every model also has the parameters 'n', 'seed' and 'T'. */
  presets: Preset[];
  /** Every figure and table of the model's paper, with the preset that opens it (CLI `presets`). */
  figures?: PaperFigure[];
  /** How the generic views show it (docs/adding-a-view.md). */
  views: ViewSpec[];
  /**
   * The ODE that rhs(p) integrates and the SGD step that simulator(p) takes, as TeX numbered as
   * in the paper (core/equations.ts), for the equations view. It must be the code's equations,
   * misprint corrections included, which may depend on p (the GAN at λ = ∞ or finite). Optional
   * in the type so that a toy model in a test needs none; the contract test asks it of every
   * registered model.
   */
  equations?(p: Params): ModelEquations;
  theory?: ModelTheory;
}
