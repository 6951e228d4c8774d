/** Plain data that crosses between the UI and the workers (no class instances). */

export interface OdeResult {
  model: string;
  names: string[];
  t: Float64Array;
  /** Row-major samples: y[j * names.length + i]. */
  y: Float64Array;
  status: 'done' | 'diverged' | 'max-steps' | 'aborted';
  divergence: { t: number; variable: string; reason: string; value: number } | null;
}
