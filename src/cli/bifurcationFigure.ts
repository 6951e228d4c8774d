/**
 * The bifurcation diagram as a standalone SVG (CLI `continue --out`): one state variable
 * against the continued axis, stable runs of a branch solid and unstable ones dashed, special
 * points marked LP (fold), H (Hopf) and BP (branch point), and the periodic orbits' min and max
 * as dotted lines (the app's one code: solid = stable, dashed = unstable).
 */
import { line, scaleLinear } from 'd3';

import type { Diagram } from '../core/continuation/diagram';
import type { Model } from '../core/model';
import type { Params } from '../core/params';
import { serializeState } from '../core/state';
import { axes, COLORS, esc, frame, H, labelOf, M, W } from './figure';

const MARK: Record<string, string> = { fold: 'LP', hopf: 'H', 'branch-point': 'BP' };

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
  for (const b of d.branches) {
    const i = index(b.names);
    b.p.forEach((p, k) => seen(p, b.x[k * b.names.length + i]!));
  }
  for (const o of d.periodic) {
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
  d.branches.forEach((b, bi) => {
    const i = index(b.names);
    const color = COLORS[bi % COLORS.length]!;
    // Runs of equal stability, each sharing its end point with the next.
    let start = 0;
    for (let k = 1; k <= b.p.length; k++) {
      if (k < b.p.length && b.stability[k] === b.stability[start]) continue;
      const pts = [];
      for (let j = start; j <= Math.min(k, b.p.length - 1); j++)
        pts.push([b.p[j]!, b.x[j * b.names.length + i]!] as [number, number]);
      const dash = b.stability[start] === 'stable' ? '' : ' stroke-dasharray="6 4"';
      parts.push(
        `<path d="${path(pts) ?? ''}" fill="none" stroke="${color}" stroke-width="2"${dash}><title>branch ${bi} (${b.stability[start]})</title></path>`,
      );
      start = k;
    }
    for (const s of b.special) {
      const cx = x(s.p);
      const cy = y(s.x[i]!);
      const eig = s.eigenvalues.map(
        (e) => `${e.re.toPrecision(3)}${e.im >= 0 ? '+' : ''}${e.im.toPrecision(3)}i`,
      );
      parts.push(
        `<circle cx="${cx}" cy="${cy}" r="4" fill="white" stroke="#111" stroke-width="1.5"><title>${esc(`${s.kind} at ${axis} = ${s.p.toPrecision(8)}; eigenvalues ${eig.join(', ')}`)}</title></circle><text x="${cx + 6}" y="${cy - 6}" font-size="12">${MARK[s.kind]}</text>`,
      );
    }
  });
  for (const o of d.periodic) {
    const i = index(o.names);
    for (const col of [o.min, o.max]) {
      const pts = o.p.map((p, k) => [p, col[k * o.names.length + i]!] as [number, number]);
      parts.push(
        `<path d="${path(pts) ?? ''}" fill="none" stroke="#111" stroke-width="1.5" stroke-dasharray="1 3"><title>periodic orbits: min and max</title></path>`,
      );
    }
  }
  const caption = `${model.title} · ${serializeState(model, params)}`;
  return frame(
    `Bifurcation diagram: ${series} against ${labelOf(model, axis)}`,
    caption,
    parts.join('') + axes(x, y, labelOf(model, axis), series),
  );
}
