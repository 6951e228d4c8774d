/**
 * The microscopic cloud's memory bound. A snapshot holds every coordinate of every column: at
 * n = 10⁵, 41 snapshots of 3–4 columns are about 130 MB of Float64Array on the main thread.
 * Beyond CLOUD_MAX_POINTS coordinates a snapshot keeps an even stride of them, the same indices
 * at every time, so that play's morph moves each kept coordinate along its own path. The
 * coordinates of these models are exchangeable in law (the data law is invariant under
 * permutations of the coordinates, up to the signal's own profile, which the stride samples
 * evenly), so the kept ones are a fair sample of the cloud.
 */
import type { MicroSnapshot } from './model';

/** At most this many coordinates per snapshot: 41 snapshots × 4 columns × 8 B × 2·10⁴ ≈ 26 MB. */
export const CLOUD_MAX_POINTS = 20_000;

/** A snapshot, and how many coordinates the full state had (more than drawn when strided). */
export interface SampledSnapshot extends MicroSnapshot {
  coordinates: number;
}

/** The indices kept out of n: all of them up to `max`, else ⌊k·n/max⌋ for k < max. */
export function strideIndices(n: number, max: number): Int32Array | null {
  if (n <= max) return null;
  const out = new Int32Array(max);
  for (let k = 0; k < max; k++) out[k] = Math.floor((k * n) / max);
  return out;
}

/** The snapshot with at most `max` coordinates per column (strideIndices). */
export function strideSnapshot(snap: MicroSnapshot, max: number): SampledSnapshot {
  const columns = Object.values(snap.columns);
  const n = columns[0]?.length ?? 0;
  const keep = strideIndices(n, max);
  if (!keep) return { ...snap, coordinates: n };
  const out: Record<string, Float64Array> = {};
  for (const [name, c] of Object.entries(snap.columns)) {
    const kept = new Float64Array(keep.length);
    for (let k = 0; k < keep.length; k++) kept[k] = c[keep[k]!]!;
    out[name] = kept;
  }
  return { t: snap.t, columns: out, coordinates: n };
}
