/**
 * The view half of the Model contract: one spec per view a model shows, a discriminated union
 * over the app's views/<kind>/ folders (docs/adding-a-view.md), and the typed helpers that read
 * them. Split from model.ts, which re-exports all of it.
 */
import type { Model } from './model';
import type { Params } from './params';

/** A 2-D Gaussian: mean and covariance [[xx, xy], [xy, yy]] given as [xx, xy, yy]. */
export interface Gaussian2 {
  mean: [number, number];
  cov: [number, number, number];
}

/** Derived series computed row by row from the order parameters (e.g. cosines). */
export interface DerivedSeries {
  id: string;
  label: string;
  /** What the series are, for the toggle's tooltip (e.g. the GAN's P_ij/√S_jj, q_i/√z). */
  description?: string;
  /** Whether this set makes sense for these parameters. */
  available(p: Params): boolean;
  names(p: Params): string[];
  /** Fill `out` (length names(p).length) from one row of order parameters. */
  compute(p: Params, stateNames: string[], row: Float64Array, out: Float64Array): void;
}

/** How the trajectories view draws one kind of series: the letters of a name (S of S12). */
export interface SeriesKind {
  /** SVG stroke-dasharray ('' for solid). */
  dash: string;
  /** false: drawn lighter and hidden by default (default true). */
  primary?: boolean;
}

/** The trajectories view: every model has it; a spec adds what the model says about it. */
export interface TrajectoriesSpec {
  kind: 'trajectories';
  /**
   * Line styles by kind of series, for models with several features whose colours go by feature
   * (app/charts/style.ts); kinds not listed are solid and primary.
   */
  seriesKinds?: Readonly<Record<string, SeriesKind>>;
  /**
   * A line the view shows under its title when the comparison needs a word, e.g. the VAE's
   * random start: "SGD runs folded onto m ≥ 0; the ODE starts from run 0's state".
   */
  note?(p: Params): string | null;
  /**
   * From a random start whose escape from an unstable point is noise-driven (PCA, docs/models/pca.md), the
   * ODE from t = 0 and a single run part ways. With this, the app also draws the ODE started from
   * SGD run 0's state at the first time |series| ≥ window(p), from that time on.
   */
  alignment?: { series: string; window(p: Params): number; label: string };
  /** The series an overlay of several parameter values draws (default: the first visible one). */
  overlaySeries?: string;
  derived?: DerivedSeries[];
}

/** Default axes of the phase portrait (order-parameter names); every model declares one. */
export interface PortraitSpec {
  kind: 'portrait';
  x: string;
  y: string;
}

/** The microscopic point cloud, from MicroSnapshot columns. */
export interface CloudSpec {
  kind: 'cloud';
  x: string;
  y: string;
  color?: string;
  xLabel: string;
  yLabel: string;
  colorLabel?: string;
  /** The law of the cloud the theory predicts at a macroscopic state (null: none). */
  gaussian?(p: Params, state: (name: string) => number): Gaussian2 | null;
  /** One line saying where the prediction comes from, for the view and the docs. */
  gaussianNote?: string;
}

/**
 * 1-parameter scans (the VAE's Fig. 2: settled ε_g against β; its Fig. 3: the convergence time
 * against the annealing rate γ). Several scans: the view offers a picker (URL key sc).
 */
export interface ScanViewSpec {
  kind: 'scan';
  scans: ScanSpec[];
}

/**
 * The default phase diagram: axes (parameters or derived axes) and ranges. `fixed` parameters
 * hold at every cell (the VAE's phases are those of constant β: anneal = none). The phases
 * themselves stay in `theory`.
 */
export interface DiagramSpec {
  kind: 'diagram';
  x: string;
  y: string;
  xRange: [number, number];
  yRange: [number, number];
  fixed?: Record<string, number | string>;
}

/**
 * How the generic views show a model: one spec per view, a discriminated union over the app's
 * views/<kind>/ folders (docs/adding-a-view.md). A kind may appear more than once where its view
 * offers a picker (the fluctuation view: PCA's √n·m and √n(r⊥² − r_eq)).
 */
export type ViewSpec =
  | TrajectoriesSpec
  | PortraitSpec
  | CloudSpec
  | ScanViewSpec
  | ({ kind: 'fluctuation' } & FluctuationView)
  | ({ kind: 'basins' } & BasinsView)
  | ({ kind: 'rate' } & RateView)
  | ({ kind: 'attraction' } & AttractionView)
  | DiagramSpec
  | BifurcationSpec;

/**
 * The bifurcation view's defaults (app/views/bifurcation): the continued axis (a parameter or a
 * derived axis) and its range, and the plotted y (an order parameter, or 'leading' for the
 * leading eigenvalue's real part). Without one: the first numeric parameter and state variable.
 */
export interface BifurcationSpec {
  kind: 'bifurcation';
  axis: string;
  range: [number, number];
  y?: string;
}

export type ViewSpecKind = ViewSpec['kind'];
export type ViewSpecOf<K extends ViewSpecKind> = Extract<ViewSpec, { kind: K }>;

/** The model's specs of one kind of view, in the order the model lists them. */
export function viewSpecs<K extends ViewSpecKind>(model: Model, kind: K): ViewSpecOf<K>[] {
  return model.views.filter((s): s is ViewSpecOf<K> => s.kind === kind);
}

/** The model's (first) spec of one kind of view, typed by that kind (undefined: none). */
export function viewSpec<K extends ViewSpecKind>(model: Model, kind: K): ViewSpecOf<K> | undefined {
  return model.views.find((s): s is ViewSpecOf<K> => s.kind === kind);
}

/** The name a fluctuation spec goes by in the URL (fl=) and the CLI (--series). */
export function fluctuationId(spec: FluctuationView): string {
  return spec.id ?? spec.series;
}

/**
 * The fluctuation spec a view shows: the one named `id` (URL key fl, CLI --series), else the
 * model's first; undefined when the model has none.
 */
export function fluctuationSpec(
  model: Model,
  id: string | null,
): ViewSpecOf<'fluctuation'> | undefined {
  const specs = viewSpecs(model, 'fluctuation');
  return specs.find((s) => id !== null && fluctuationId(s) === id) ?? specs[0];
}

/** The portrait's default axes (the contract test checks that every model declares them). */
export function portraitAxes(model: Model): { x: string; y: string } {
  const spec = viewSpec(model, 'portrait');
  if (!spec) throw new Error(`model ${model.id} declares no portrait view`);
  return spec;
}

/** What a scan measures at each parameter value. */
export type ScanMeasure =
  /** The series at the end of the ODE, run to max(T, settleTime). */
  | { kind: 'settled' }
  /** The time after which the series stays within `tolerance` of its settled value. */
  | { kind: 'convergenceTime'; tolerance: number }
  /**
   * The largest real part of the Jacobian's eigenvalues at the state the ODE settles to (refined
   * by Newton), divided by the parameter `per` when given (the VAE's Fig. 4 plots λ/τ).
   */
  | { kind: 'leadingEigenvalue'; per?: string };

export interface ScanSpec {
  x: string;
  range: [number, number];
  series: string;
  count: number;
  /** Needed when a model has several scans (URL key sc=…). */
  id?: string;
  title?: string;
  /** Spacing of the scanned values and the x axis (default linear). */
  scale?: 'linear' | 'log';
  /** Default { kind: 'settled' }. */
  measure?: ScanMeasure;
  /** Parameters set at every point of the scan (e.g. anneal=tanh for a scan over γ). */
  fixed?: Record<string, number | string>;
  /** The same measure once more, at parameters changed by apply, drawn as a horizontal rule. */
  reference?: { label: string; apply(p: Params): void };
}

/** A model's scans as a list (empty: no scan view). */
export function scansOf(model: Model): ScanSpec[] {
  return viewSpec(model, 'scan')?.scans ?? [];
}

/** The scanned values: count points, evenly spaced on the spec's scale. */
export function scanValues(spec: ScanSpec): number[] {
  const [a, b] = spec.range;
  const n = spec.count;
  return Array.from({ length: n }, (_, k) =>
    spec.scale === 'log'
      ? Math.exp(Math.log(a) + ((Math.log(b) - Math.log(a)) * k) / (n - 1))
      : a + ((b - a) * k) / (n - 1),
  );
}

/**
 * One order parameter watched at a finer scale near an unstable point: many SGD runs of
 * scale(p)·(series − centre(p)) against t, beside the law a diffusive (SDE) limit predicts (PCA:
 * √n·m and the Ornstein–Uhlenbeck process of Prop. 3.3).
 */
export interface FluctuationView {
  /** Tells several fluctuation specs of one model apart (URL key fl); default: the series. */
  id?: string;
  series: string;
  /** e.g. '√n·m'. */
  label: string;
  /** The factor that makes the fluctuations O(1), e.g. √n. */
  scale(p: Params): number;
  /** The value subtracted from the series before scaling (r_eq for √n(r⊥² − r_eq)); default 0. */
  centre?(p: Params): number;
  /** The limit's law of scale·(series − centre) at time t (mean and standard deviation), or null. */
  law(p: Params, t: number): { mean: number; sd: number } | null;
  /**
   * `law` at each of `times` (increasing, from 0), where one integration can give them all (the
   * view draws the law at every sample time); default: `law` at each time.
   */
  lawOnGrid?(p: Params, times: ArrayLike<number>): ({ mean: number; sd: number } | null)[];
  /** One line saying which result the law comes from, for the view and the docs. */
  lawNote: string;
  /** How many runs (seeds' streams) the view starts with. */
  runs: number;
}

/**
 * Many random initialisations run to time T (SGD, and the ODE from each run's measured start),
 * their end points drawn on the (x, y) plane and counted per basin by theory.basinOf (GMM: Figs.
 * 6 and 7).
 */
export interface BasinsView {
  x: string;
  y: string;
  /** How many random initialisations the view starts with. */
  runs: number;
  /** The fractions the theory predicts per basin label (e.g. ½ each), if any. */
  expected?(p: Params): { label: string; fraction: number }[];
  /**
   * Why the ODE is not run from every start here, or null (the default) when it is: e.g. XOR's
   * Prop. 9.1 ODE at finite λ costs ~15 s a run, an hour for 200 runs. Shown in the view.
   */
  skipOde?(p: Params): string | null;
}

/**
 * A 1-D model's right-hand side drawn against its state, e.g. the contrastive model's
 * h(Q) = (dQ/dt)/τ: zeros are fixed points, the slope there their stability.
 */
export interface RateView {
  /** The state variable on the horizontal axis (others fixed at initialState). */
  x: string;
  range: [number, number];
  /** e.g. 'h(Q) = (dQ/dt)/τ'. */
  label: string;
  /** The right-hand side is divided by this (e.g. τ); default 1. */
  divisor?(p: Params): number;
}

/**
 * Attraction regions on the portrait plane: a grid of starts (the other variables from
 * initialState) is run to settleTime and coloured by theory.basinOf, or the nearest stable
 * fixed point when the model has none. `log` offers log-scaled axes.
 */
export interface AttractionView {
  x: string;
  y: string;
  xRange: [number, number];
  yRange: [number, number];
  /** Offer log-scaled axes (the regions' boundary near 0 is a power law). */
  log?: boolean;
  settleTime?(p: Params): number;
}
