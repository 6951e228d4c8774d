/** Plain data that crosses between the UI and the workers (no class instances). */

export interface OdeResult {
  model: string;
  names: string[];
  t: Float64Array;
  /** Row-major samples: y[j * names.length + i]. */
  y: Float64Array;
  status: 'done' | 'diverged' | 'max-steps' | 'aborted';
  divergence: { t: number; variable: string; reason: string; value: number } | null;
  /** Where the integrator stopped, and after how many accepted steps ('max-steps': early). */
  tStopped: number;
  steps: number;
}

/** A batch of SGD runs for one worker. */
export interface SgdRequest {
  /** The model part of the state (the app's own keys are not the workers' business). */
  state: string;
  samples: number;
  /** Random streams of the seed, one per run (run r uses stream r). */
  streams: number[];
  variant?: string;
  /** Keep microscopic snapshots of the first stream of this batch at microTimes. */
  withMicro: boolean;
  microTimes: number[];
}

export interface MicroSnapshotData {
  t: number;
  columns: Record<string, Float64Array>;
  /** How many coordinates the state had: more than the columns hold beyond the memory bound. */
  coordinates?: number;
}

/** New samples since the last chunk, per stream. */
export interface SgdChunk {
  names: string[];
  streams: number[];
  rows: { stream: number; from: number; values: Float64Array }[];
  micro: MicroSnapshotData[];
  /** Run 0's state when it first left the model's alignment window (the trajectories ViewSpec's alignment). */
  exit?: { t: number; state: number[] };
  /** Smallest time reached over the batch's runs. */
  tReached: number;
  /** The first run of the batch that diverged (it stopped there, keeping its finite samples). */
  divergence?: { stream: number; t: number; variable: string; value: number };
  done: boolean;
}

export interface FixedPointsResult {
  names: string[];
  points: {
    x: number[];
    stability: 'stable' | 'unstable' | 'marginal';
    kind: string;
    type: string | null;
    eigenvalues: { re: number; im: number }[];
  }[];
  families: {
    dimension: number;
    samples: { x: number[]; stability: string; type: string | null }[];
  }[];
  stableTypes: string[];
}

export interface DiagramAxis {
  param: string;
  from: number;
  to: number;
}

export interface DiagramRequest {
  state: string;
  x: DiagramAxis;
  y: DiagramAxis;
  /** Cells per axis. */
  n: number;
  /** The cells (j * n + i) this worker computes, in order. */
  cells: number[];
}

export interface DiagramCell {
  i: number;
  j: number;
  label: string;
  variation: number;
}

export interface ScanResult {
  names: string[];
  values: number[];
  /** Row-major settled states, one row per value. */
  final: Float64Array;
  labels: string[];
  /** The spec's measure at each value (settled series value, or convergence time). */
  measured: number[];
  /** The measure at the spec's reference parameters (e.g. constant β), if any. */
  reference: number | null;
}
