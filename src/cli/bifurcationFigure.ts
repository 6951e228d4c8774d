/**
 * The bifurcation diagram as a standalone SVG (CLI `continue --out`): one state variable, or
 * the leading eigenvalue's real part (`leading`, as the app's `by=leading`; VAE Fig. 4), against
 * the continued axis, stable runs of a branch solid and unstable ones dashed, special
 * points marked LP (fold), H (Hopf) and BP (branch point), and the periodic orbits' min and max
 * as dotted lines (the app's one code: solid = stable, dashed = unstable).
 */
import { line, scaleLinear } from 'd3';

import type { Diagram } from '../core/continuation/diagram';
import type { Branch, SpecialPoint } from '../core/continuation/types';
import type { Model } from '../core/model';
import type { Params } from '../core/params';
import { serializeState } from '../core/state';
import { axes, COLORS, esc, frame, H, labelOf, M, W } from './figure';

const MARK: Record<string, string> = { fold: 'LP', hopf: 'H', 'branch-point': 'BP' };

/** The y of the leading eigenvalue's real part (transverse on a family), not a state variable. */
export const LEADING_SERIES = 'leading';

/** The plotted value at point k of a branch: the series' state entry or the leading real part. */
function branchValue(b: Branch, series: string, k: number): number {
  return series === LEADING_SERIES
    ? b.leading[k]!
    : b.x[k * b.names.length + b.names.indexOf(series)]!;
}

/**
 * The plotted value at a special point: its state entry, or the leading real part interpolated
 * in the axis between the two branch points it lies between (its own eigenvalues include a
 * family's zeros, which the branch's `leading` leaves out).
 */
function specialValue(b: Branch, series: string, s: SpecialPoint): number {
  if (series !== LEADING_SERIES) return s.x[b.names.indexOf(series)]!;
  const k = Math.min(Math.max(1, s.index), b.p.length - 1);
  const [p0, p1] = [b.p[k - 1]!, b.p[k]!];
  const w = p1 === p0 ? 0 : (s.p - p0) / (p1 - p0);
  return b.leading[k - 1]! + w * (b.leading[k]! - b.leading[k - 1]!);
}

/** series against axis for every branch of the diagram, as an SVG document. */
export function bifurcationSvg(
  model: Model,
  params: Params,
  d: Diagram,
  axis: string,
  series: string,
): string {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let pLo = Number.POSITIVE_INFINITY;
  let pHi = Number.NEGATIVE_INFINITY;
  const seen = (p: number, v: number) => {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
    pLo = Math.min(pLo, p);
    pHi = Math.max(pHi, p);
  };
  const index = (names: string[]) => names.indexOf(series);
  const leading = series === LEADING_SERIES;
  for (const b of d.branches) b.p.forEach((p, k) => seen(p, branchValue(b, series, k)));
  // Periodic orbits have no equilibrium eigenvalue: drawn only against a state variable.
  const periodic = leading ? [] : d.periodic;
  for (const o of periodic) {
    const i = index(o.names);
    o.p.forEach((p, k) => {
      seen(p, o.min[k * o.names.length + i]!);
      seen(p, o.max[k * o.names.length + i]!);
    });
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
    pLo = 0;
    pHi = 1;
  }
  const x = scaleLinear([pLo, pHi], [M.left, W - M.right]);
  const y = scaleLinear([lo, hi === lo ? lo + 1 : hi], [H - M.bottom, M.top]).nice();
  const path = line<[number, number]>()
    .x((q) => x(q[0]))
    .y((q) => y(q[1]));
  const parts: string[] = [];
  if (leading && y.domain()[0]! < 0 && y.domain()[1]! > 0) {
    // Re λ = 0: where the leading eigenvalue crosses, stability changes.
    parts.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(0)}" y2="${y(0)}" stroke="#555" stroke-width="1" stroke-dasharray="2 2"><title>Re λ = 0</title></line>`,
    );
  }
  d.branches.forEach((b, bi) => {
    const color = COLORS[bi % COLORS.length]!;
    // Runs of equal stability, each sharing its end point with the next.
    let start = 0;
    for (let k = 1; k <= b.p.length; k++) {
      if (k < b.p.length && b.stability[k] === b.stability[start]) continue;
      const pts = [];
      for (let j = start; j <= Math.min(k, b.p.length - 1); j++)
        pts.push([b.p[j]!, branchValue(b, series, j)] as [number, number]);
      const dash = b.stability[start] === 'stable' ? '' : ' stroke-dasharray="6 4"';
      parts.push(
        `<path d="${path(pts) ?? ''}" fill="none" stroke="${color}" stroke-width="2"${dash}><title>branch ${bi} (${b.stability[start]})</title></path>`,
      );
      start = k;
    }
    for (const s of b.special) {
      const cx = x(s.p);
      const cy = y(specialValue(b, series, s));
      const eig = s.eigenvalues.map(
        (e) => `${e.re.toPrecision(3)}${e.im >= 0 ? '+' : ''}${e.im.toPrecision(3)}i`,
      );
      parts.push(
        `<circle cx="${cx}" cy="${cy}" r="4" fill="white" stroke="#111" stroke-width="1.5"><title>${esc(`${s.kind} at ${axis} = ${s.p.toPrecision(8)}; eigenvalues ${eig.join(', ')}`)}</title></circle><text x="${cx + 6}" y="${cy - 6}" font-size="12">${MARK[s.kind]}</text>`,
      );
    }
  });
  for (const o of periodic) {
    const i = index(o.names);
    for (const col of [o.min, o.max]) {
      const pts = o.p.map((p, k) => [p, col[k * o.names.length + i]!] as [number, number]);
      parts.push(
        `<path d="${path(pts) ?? ''}" fill="none" stroke="#111" stroke-width="1.5" stroke-dasharray="1 3"><title>periodic orbits: min and max</title></path>`,
      );
    }
  }
  const caption = `${model.title} · ${serializeState(model, params)}`;
  const yLabel = leading ? 'leading Re λ' : series;
  return frame(
    `Bifurcation diagram: ${yLabel} against ${labelOf(model, axis)}`,
    caption,
    parts.join('') + axes(x, y, labelOf(model, axis), yLabel),
  );
}
