/**
 * From a Diagram (core/continuation) to what the chart draws: per branch its runs of equal
 * stability as (p, y) polylines, the special points with their y, and the periodic orbits' min
 * and max. y is an order parameter or the leading eigenvalue's real part (LEADING). Pure.
 */
import type { Diagram } from '../../../core/continuation/diagram';
import type { SpecialKind, SpecialPoint } from '../../../core/continuation/types';
import type { Eigenvalue } from '../../../core/stability';
import { LEADING } from './axes';

export interface BranchRun {
  branch: number;
  stable: boolean;
  points: [number, number][];
}

export interface SpecialMark {
  kind: SpecialKind;
  p: number;
  y: number;
  eigenvalues: Eigenvalue[];
  /** e.g. 'Hopf (supercritical)'. */
  name: string;
  /** How the criticality was decided: 'l₁ = −2.56', or the family test's finding. */
  why?: string;
  /** The same in a row of the hover box: l₁ itself, or the method ('criticality: by integration'). */
  whyShort?: string;
}

export interface OrbitRun {
  stable: boolean;
  points: [number, number][];
}

export interface BifurcationPicture {
  runs: BranchRun[];
  special: SpecialMark[];
  /** The periodic orbits' min and max of y (none for the leading eigenvalue). */
  orbits: OrbitRun[];
}

export const SPECIAL_NAMES: Record<SpecialKind, string> = {
  fold: 'fold',
  hopf: 'Hopf',
  'branch-point': 'branch point',
};

/** Split one sampled curve into runs of equal stability, each sharing its end with the next. */
function runsOf(
  n: number,
  stable: (k: number) => boolean,
  point: (k: number) => [number, number],
): { stable: boolean; points: [number, number][] }[] {
  const out: { stable: boolean; points: [number, number][] }[] = [];
  let start = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && stable(k) === stable(start)) continue;
    const points: [number, number][] = [];
    for (let j = start; j <= Math.min(k, n - 1); j++) points.push(point(j));
    if (points.length > 1) out.push({ stable: stable(start), points });
    start = k;
  }
  return out;
}

export function bifurcationPicture(d: Diagram, y: string): BifurcationPicture {
  const runs: BranchRun[] = [];
  const special: SpecialMark[] = [];
  d.branches.forEach((b, branch) => {
    const m = b.names.length;
    const i = b.names.indexOf(y);
    if (y !== LEADING && i < 0) return;
    const yAt = (k: number) => (y === LEADING ? b.leading[k]! : b.x[k * m + i]!);
    for (const r of runsOf(
      b.p.length,
      (k) => b.stability[k] === 'stable',
      (k) => [b.p[k]!, yAt(k)],
    ))
      runs.push({ branch, ...r });
    for (const s of b.special) {
      const lead = s.eigenvalues.length ? Math.max(...s.eigenvalues.map((e) => e.re)) : 0;
      const criticality = s.criticality ? ` (${s.criticality})` : '';
      const y0 = y === LEADING ? lead : s.x[i]!;
      // A point where two branches meet is on both: mark it once.
      const scale = 1e-6 * Math.max(1, Math.abs(s.p), Math.abs(y0));
      if (
        special.some(
          (t) => t.kind === s.kind && Math.abs(t.p - s.p) < scale && Math.abs(t.y - y0) < scale,
        )
      )
        continue;
      special.push({
        kind: s.kind,
        p: s.p,
        y: y0,
        eigenvalues: s.eigenvalues,
        name: `${SPECIAL_NAMES[s.kind]}${criticality}`,
        ...criticalityWhy(s),
      });
    }
  });
  const orbits: OrbitRun[] = [];
  if (y !== LEADING) {
    for (const o of d.periodic) {
      const m = o.names.length;
      const i = o.names.indexOf(y);
      if (i < 0) continue;
      for (const bound of [o.min, o.max])
        orbits.push(
          ...runsOf(
            o.p.length,
            (k) => o.stability[k] === 'stable',
            (k) => [o.p[k]!, bound[k * m + i]!],
          ),
        );
    }
  }
  return { runs, special, orbits };
}

/** The criticality's evidence: the first Lyapunov coefficient, or the test on a family. */
function criticalityWhy(s: SpecialPoint): { why?: string; whyShort?: string } {
  if (typeof s.lyapunov === 'number' && Number.isFinite(s.lyapunov)) {
    const l1 = `l₁ = ${Number(s.lyapunov.toPrecision(3)).toString().replace('-', '−')}`;
    return { why: l1, whyShort: l1 };
  }
  return s.criticalityTest
    ? {
        why: `on a family, by integration: ${s.criticalityTest}`,
        whyShort: 'criticality: by integration',
      }
    : {};
}

/** An eigenvalue as text: '−0.12', '0.03 ± 0.9i' (the lower of a pair is left out). */
export function eigenvalueText(eigenvalues: Eigenvalue[]): string[] {
  const f = (v: number) => Number(v.toPrecision(3)).toString().replace('-', '−');
  return eigenvalues
    .filter((e) => e.im >= 0)
    .map((e) => (e.im > 0 ? `${f(e.re)} ± ${f(e.im)}i` : f(e.re)));
}

/**
 * The SGD ensemble's late-time mean ± std of one series: over the last tenth of the samples
 * every run has reached (at least one), the mean of the run-means and the pooled spread (the
 * runs' variance plus the variance in time, so that an oscillating run shows its swing).
 */
export function lateTime(
  summary: {
    names: string[];
    t: ArrayLike<number>;
    mean: ArrayLike<number>;
    std: ArrayLike<number> | null;
  },
  name: string,
): { mean: number; std: number } | null {
  const i = summary.names.indexOf(name);
  const n = summary.t.length;
  if (i < 0 || n === 0) return null;
  const m = summary.names.length;
  const from = n - Math.max(1, Math.floor(n / 10));
  let sum = 0;
  for (let k = from; k < n; k++) sum += summary.mean[k * m + i]!;
  const mean = sum / (n - from);
  let v = 0;
  for (let k = from; k < n; k++) {
    const s = summary.std ? summary.std[k * m + i]! : 0;
    v += s * s + (summary.mean[k * m + i]! - mean) ** 2;
  }
  return { mean, std: Math.sqrt(v / (n - from)) };
}
