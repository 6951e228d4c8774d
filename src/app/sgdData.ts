/**
 * Collects streamed SGD samples of several runs and summarises them as mean ± std over the
 * runs, for the samples every run has reached. Pure: unit-tested without workers.
 */
import { meanAndStd } from '../core/run';
import type { MicroSnapshotData, SgdChunk } from '../workers/protocol';

export interface SgdSummary {
  names: string[];
  /** Sample times reached by every run. */
  t: Float64Array;
  /** Row-major mean over runs. */
  mean: Float64Array;
  /** Row-major sample standard deviation over runs (null for one run). */
  std: Float64Array | null;
  runs: number;
}

export class SgdAccumulator {
  private readonly rows: Float64Array[];
  private readonly reached: number[];
  private names: string[] = [];
  readonly micro: MicroSnapshotData[] = [];

  constructor(
    readonly times: Float64Array,
    readonly runs: number,
  ) {
    this.rows = Array.from({ length: runs }, () => new Float64Array(0));
    this.reached = new Array<number>(runs).fill(0);
  }

  add(chunk: SgdChunk): void {
    this.names = chunk.names;
    const m = chunk.names.length;
    for (const part of chunk.rows) {
      const r = part.stream;
      if (r < 0 || r >= this.runs) continue;
      if (this.rows[r]!.length === 0) this.rows[r] = new Float64Array(this.times.length * m);
      this.rows[r]!.set(part.values, part.from * m);
      this.reached[r] = Math.max(this.reached[r]!, part.from + part.values.length / m);
    }
    this.micro.push(...chunk.micro);
  }

  /** Samples reached by every run. */
  get complete(): number {
    return Math.min(...this.reached);
  }

  summary(): SgdSummary | null {
    const k = this.complete;
    if (k === 0 || this.names.length === 0) return null;
    const m = this.names.length;
    const { mean, std } = meanAndStd(this.rows.map((r) => r.subarray(0, k * m)));
    return {
      names: this.names,
      t: this.times.slice(0, k),
      mean,
      std: this.runs > 1 ? std : null,
      runs: this.runs,
    };
  }
}
