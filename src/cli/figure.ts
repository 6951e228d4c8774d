/**
 * `figure`: standalone SVG figures from the CLI, without a browser. The SVG is written as a
 * string (d3's scales and shapes need no DOM): the phase diagram (cells by phase, the model's
 * boundaries and marks, the current point) and the ODE trajectories.
 */
import { line, scaleLinear } from 'd3';

import { phaseCell, setAxis } from '../core/analysis';
import type { Model } from '../core/model';
import type { Params } from '../core/params';
import { runOde, series } from '../core/run';
import type { SweepAxis } from '../core/sweep';
import { sweep2d } from '../core/sweep';

export const W = 640;
/**
 * Below the plot (M.bottom): the tick labels (y0 + 20), the axis label (y0 + 40), up to two legend
 * rows (H − 58 and H − 44) and the caption's two lines (H − 26, H − 12). At a bottom margin of 96
 * the axis label ran into the legend and the caption.
 */
export const H = 520;
export const M = { top: 40, right: 20, bottom: 136, left: 70 };
export const COLORS = ['#D55E00', '#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function axes(x: d3ScaleLinear, y: d3ScaleLinear, xLabel: string, yLabel: string): string {
  const parts: string[] = [];
  const y0 = H - M.bottom;
  parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y0}" y2="${y0}" stroke="#555"/>`);
  parts.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${y0}" stroke="#555"/>`);
  for (const t of x.ticks(7)) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${y0}" y2="${y0 + 6}" stroke="#555"/>`);
    parts.push(`<text x="${x(t)}" y="${y0 + 20}" text-anchor="middle" font-size="13">${t}</text>`);
  }
  for (const t of y.ticks(6)) {
    parts.push(`<line x1="${M.left - 6}" x2="${M.left}" y1="${y(t)}" y2="${y(t)}" stroke="#555"/>`);
    parts.push(
      `<text x="${M.left - 9}" y="${y(t) + 4}" text-anchor="end" font-size="13">${t}</text>`,
    );
  }
  parts.push(
    `<text x="${(M.left + W - M.right) / 2}" y="${y0 + 42}" text-anchor="middle" font-size="15" font-style="italic">${esc(xLabel)}</text>`,
  );
  parts.push(
    `<text transform="translate(18,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="15" font-style="italic">${esc(yLabel)}</text>`,
  );
  return parts.join('');
}

export type d3ScaleLinear = ReturnType<typeof scaleLinear<number, number>>;

export function frame(title: string, caption: string, body: string): string {
  // The caption (the state string) on up to two lines of 92 characters: at 11 px, 105 ran past
  // the 640 px width.
  const lines = [caption.slice(0, 92), caption.slice(92, 184)].filter((l) => l.length > 0);
  const text = lines
    .map(
      (l, k) => `<text x="12" y="${H - 26 + 14 * k}" font-size="11" fill="#333">${esc(l)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica Neue, Arial, sans-serif"><rect width="100%" height="100%" fill="white"/><text x="12" y="24" font-size="16" font-weight="600">${esc(title)}</text>${body}${text}</svg>`;
}

export function labelOf(model: Model, key: string): string {
  return (
    model.theory?.derivedAxes?.find((a) => a.key === key)?.label ??
    model.params.find((p) => p.key === key)?.symbol ??
    key
  );
}

/** The phase diagram over two axes, as an SVG document. */
export function diagramSvg(
  model: Model,
  params: Params,
  xAxis: SweepAxis,
  yAxis: SweepAxis,
  caption: string,
): string {
  const derived = new Set((model.theory?.derivedAxes ?? []).map((a) => a.key));
  const rows = sweep2d(xAxis, yAxis, (xv, yv) => {
    const p = { ...params };
    const order: [string, number][] = [
      [xAxis.param, xv],
      [yAxis.param, yv],
    ];
    order.sort((a, b) => Number(derived.has(a[0])) - Number(derived.has(b[0])));
    for (const [key, value] of order) setAxis(model, p, key, value);
    return phaseCell(model, p);
  });
  const xs = xAxis.values;
  const ys = yAxis.values;
  const dx = (xs[xs.length - 1]! - xs[0]!) / Math.max(1, xs.length - 1);
  const dy = (ys[ys.length - 1]! - ys[0]!) / Math.max(1, ys.length - 1);
  const x = scaleLinear([xs[0]! - dx / 2, xs[xs.length - 1]! + dx / 2], [M.left, W - M.right]);
  const y = scaleLinear([ys[0]! - dy / 2, ys[ys.length - 1]! + dy / 2], [H - M.bottom, M.top]);
  const color = new Map((model.theory?.phases ?? []).map((p) => [p.id, p.color]));
  const cw = Math.abs(x(dx) - x(0)) + 0.5;
  const ch = Math.abs(y(0) - y(dy)) + 0.5;
  const cells = rows
    .flatMap((row, j) =>
      row.map((c, i) =>
        c
          ? `<rect x="${(x(xs[i]!) - cw / 2).toFixed(2)}" y="${(y(ys[j]!) - ch / 2).toFixed(2)}" width="${cw.toFixed(2)}" height="${ch.toFixed(2)}" fill="${color.get(c.label) ?? '#ccc'}" fill-opacity="0.85"><title>${esc(c.label)}</title></rect>`
          : '',
      ),
    )
    .join('');
  const inside = ([px, py]: [number, number]) =>
    px >= x.domain()[0]! && px <= x.domain()[1]! && py >= y.domain()[0]! && py <= y.domain()[1]!;
  const path = line<[number, number]>()
    .defined(inside)
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const clampY = (pts: [number, number][]) =>
    pts.length === 2
      ? pts.map(
          ([px, py]) =>
            [px, Math.min(y.domain()[1]!, Math.max(y.domain()[0]!, py))] as [number, number],
        )
      : pts;
  const bounds = (
    model.theory?.boundaries?.(params, xAxis.param, yAxis.param, [xs[0]!, xs[xs.length - 1]!]) ?? []
  )
    .map(
      (b, k) =>
        `<path d="${path(clampY(b.points)) ?? ''}" fill="none" stroke="#111" stroke-width="1.6" stroke-dasharray="${['', '6 3', '2 3', '8 3 2 3'][k % 4]}"><title>${esc(b.label)}</title></path>`,
    )
    .join('');
  const marks = (model.theory?.marks?.(params, xAxis.param, yAxis.param) ?? [])
    .filter((m) => inside([m.x, m.y]))
    .map(
      (m) =>
        `<circle cx="${x(m.x)}" cy="${y(m.y)}" r="5" fill="#D55E00" stroke="white" stroke-width="1.5"><title>${esc(m.label)}</title></circle>`,
    )
    .join('');
  const phases = model.theory?.phases ?? [];
  const n = phases.length;
  const legend = phases
    .map(
      (p, k) =>
        // Six phases per row (the GAN's d = 2 diagram has eight), the last row just above the caption.
        `<g transform="translate(${M.left + 95 * (k % 6)},${H - 44 - 14 * (Math.ceil(n / 6) - 1 - Math.floor(k / 6))})"><rect width="11" height="11" fill="${p.color}"/><text x="15" y="10" font-size="12">${esc(p.label)}</text></g>`,
    )
    .join('');
  const title = `Phase diagram in (${labelOf(model, xAxis.param)}, ${labelOf(model, yAxis.param)})`;
  return frame(
    title,
    caption,
    cells +
      bounds +
      marks +
      axes(x, y, labelOf(model, xAxis.param), labelOf(model, yAxis.param)) +
      legend,
  );
}

/** The ODE's order parameters against t, as an SVG document. */
export function trajectoriesSvg(model: Model, params: Params, caption: string): string {
  const run = runOde(model, params, { samples: 601 });
  const t = run.t;
  const cols = run.names.map((name) => ({ name, values: series(run, name) }));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const c of cols) {
    for (const v of c.values) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const x = scaleLinear([t[0] ?? 0, t[t.length - 1] ?? 1], [M.left, W - M.right]);
  const y = scaleLinear([lo, hi], [H - M.bottom, M.top]).nice();
  const body = cols
    .map((c, k) => {
      const d = line<number>()
        .x((j) => x(t[j]!))
        .y((j) => y(c.values[j]!))(Array.from({ length: t.length }, (_, j) => j));
      return `<path d="${d ?? ''}" fill="none" stroke="${COLORS[k % COLORS.length]}" stroke-width="2"><title>${esc(c.name)}</title></path>`;
    })
    .join('');
  // Seven entries a row, on up to two rows (the GAN at d = 2 has nine series; one row of 70 px
  // entries ran past the figure's right edge).
  const perRow = Math.floor((W - M.left - M.right) / 70);
  const rows = Math.min(2, Math.ceil(cols.length / perRow));
  const legend = cols
    .slice(0, 2 * perRow)
    .map(
      (c, k) =>
        `<g transform="translate(${M.left + 70 * (k % perRow)},${H - 44 - 14 * (rows - 1 - Math.floor(k / perRow))})"><rect width="16" height="3" y="4" fill="${COLORS[k % COLORS.length]}"/><text x="20" y="10" font-size="12">${esc(c.name)}</text></g>`,
    )
    .join('');
  return frame(
    `${model.title}: order parameters (ODE)`,
    caption,
    body + axes(x, y, 't', 'order parameters') + legend,
  );
}
