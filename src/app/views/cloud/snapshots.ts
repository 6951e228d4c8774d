/** The cloud's axes over a whole run (its exports are cloudCsv and cloudJson in exportData.ts). */
import type { MicroSnapshotData } from '../../../workers/protocol';

/**
 * A square domain for the whole run, so that scrubbing does not rescale the axes: ±r with r the
 * largest |mean| + 3.5 std of the plotted columns over the snapshots, rounded up to a half and
 * at least 1 (±3 before any snapshot).
 */
export function cloudDomain(
  micro: readonly MicroSnapshotData[],
  columns: readonly string[],
): { x: [number, number]; y: [number, number] } {
  if (micro.length === 0) return { x: [-3, 3], y: [-3, 3] };
  let m = 0;
  for (const s of micro) {
    for (const key of columns) {
      const c = s.columns[key];
      if (!c) continue;
      let ss = 0;
      let mean = 0;
      for (let i = 0; i < c.length; i++) mean += c[i]! / c.length;
      for (let i = 0; i < c.length; i++) ss += (c[i]! - mean) ** 2 / c.length;
      m = Math.max(m, Math.abs(mean) + 3.5 * Math.sqrt(ss));
    }
  }
  const r = Math.max(1, Math.ceil(m * 2) / 2);
  return { x: [-r, r], y: [-r, r] };
}

/**
 * The cloud at time t between two snapshots: each coordinate i moves on the straight line from
 * its place at the snapshot before t to its place at the one after (the same i in both), so
 * play shows the cloud morphing rather than jumping. Outside the snapshots' times: the nearest.
 */
export function morphSnapshot(
  micro: readonly MicroSnapshotData[],
  t: number,
  columns: readonly string[],
): MicroSnapshotData | undefined {
  if (micro.length === 0) return undefined;
  let k = 0;
  while (k + 1 < micro.length && micro[k + 1]!.t <= t) k++;
  const a = micro[k]!;
  const b = micro[k + 1];
  if (!b || t <= a.t || b.t <= a.t) return a;
  const w = Math.min(1, (t - a.t) / (b.t - a.t));
  const out: Record<string, Float64Array> = {};
  for (const name of columns) {
    const ca = a.columns[name];
    const cb = b.columns[name];
    if (!ca || !cb || ca.length !== cb.length) continue;
    const c = new Float64Array(ca.length);
    for (let i = 0; i < c.length; i++) c[i] = ca[i]! + w * (cb[i]! - ca[i]!);
    out[name] = c;
  }
  return { ...a, t, columns: out };
}
