/**
 * The microscopic cloud without a browser (GAN Fig. 2): `cloud` prints the √n-scaled columns of
 * run 0 at the snapshot times with the Gaussian the theory predicts from the ODE state there and
 * the fractions of points inside its 1σ/2σ/3σ ellipses (against 1 − e^{−k²/2}); `figure --view
 * cloud` draws the same snapshots side by side as one SVG.
 */
import { interpolateRdBu, scaleLinear } from 'd3';

import { binSchemePosition, COLOR_BINS, COLOR_DOMAIN, colorBin } from '../core/colorBins';
import { ellipsePoints, fractionsInside, gaussianFraction } from '../core/gaussian2';
import { simulatorWithMicro } from '../core/microSimulator';
import { type Gaussian2, type MicroSnapshot, type Model, viewSpec } from '../core/model';
import { num, type Params } from '../core/params';
import { runOde, runSgd } from '../core/run';
import { jsonNumber, paramsJson, UsageError } from './json';

export const CLOUD_COMMAND = {
  cloud: {
    flags: { state: 'string', at: 'string' } as Record<string, 'number' | 'string'>,
    help: "the microscopic cloud of SGD run 0 at times --at (default 0, T/15, 2T/3, T: Fig. 2's 0, 10, 100, 150 at T = 150), with the predicted Gaussian and the fractions inside its ellipses",
  },
};

export interface CloudSnapshot {
  t: number;
  columns: Record<string, Float64Array>;
  gaussian: Gaussian2 | null;
  /** Fractions of the points inside the 1σ, 2σ, 3σ ellipses of `gaussian`. */
  inside: number[] | null;
}

/** Snapshot times from --at ('0,10,100,150'), or 0, T/15, 2T/3, T; each in [0, T]. */
function snapshotTimes(params: Params, at: string | undefined): number[] {
  const T = num(params, 'T');
  if (at === undefined) return [0, T / 15, (2 * T) / 3, T];
  const times = at.split(',').map((s) => Number(s.trim()));
  for (const t of times)
    if (!(t >= 0 && t <= T))
      throw new UsageError(`--at needs times in [0, T = ${T}], comma-separated; got '${at}'`);
  return times;
}

/** Run 0's microscopic snapshots at the times, each with the law the model's theory predicts. */
export function cloudSnapshots(model: Model, params: Params, at?: string): CloudSnapshot[] {
  const view = viewSpec(model, 'cloud');
  if (!view) throw new UsageError(`model ${model.id} has no cloud view`);
  if (!simulatorWithMicro(model, params).micro)
    throw new UsageError(`model ${model.id}'s simulator keeps no microscopic state`);
  const times = snapshotTimes(params, at);
  const sgd = runSgd(model, params, { samples: 2, microTimes: times });
  // The ODE state at each snapshot time: the macroscopic state the Gaussian is predicted from.
  const sorted = [...new Set([0, ...sgd.micro.map((m) => m.t)])].sort((a, b) => a - b);
  const ode = runOde(model, params, { times: Float64Array.from(sorted) });
  return sgd.micro.map((snap: MicroSnapshot) => {
    const row = sorted.indexOf(snap.t);
    const state = (name: string) => ode.y[row * ode.names.length + ode.names.indexOf(name)]!;
    const gaussian = view.gaussian?.(params, state) ?? null;
    const x = snap.columns[view.x];
    const y = snap.columns[view.y];
    return {
      t: snap.t,
      columns: snap.columns,
      gaussian,
      inside: gaussian && x && y ? fractionsInside(x, y, gaussian) : null,
    };
  });
}

export function cloudJson(model: Model, params: Params, flags: Record<string, string>): unknown {
  const view = viewSpec(model, 'cloud')!;
  const snaps = cloudSnapshots(model, params, flags['at']);
  return {
    model: model.id,
    params: paramsJson(params),
    n: num(params, 'n'),
    seed: num(params, 'seed'),
    x: view.x,
    y: view.y,
    color: view.color ?? null,
    note: view.gaussianNote ?? null,
    expectedInside: [1, 2, 3].map(gaussianFraction),
    snapshots: snaps.map((s) => ({
      t: s.t,
      gaussian: s.gaussian,
      inside: s.inside,
      columns: Object.fromEntries(
        Object.entries(s.columns).map(([k, v]) => [k, Array.from(v, jsonNumber)]),
      ),
    })),
  };
}

const PANEL = 300;
const GAP = 16;
const MARGIN = { top: 48, left: 56, bottom: 96 };
/** At most this many points per panel are drawn (every k-th coordinate), to keep the SVG small. */
const MAX_POINTS = 2500;

/** Room right of the panels for the colour bar, its ticks and its name. */
const BAR_ROOM = 80;

const binColor = (b: number) => interpolateRdBu(binSchemePosition(b));

/** The colour bar of a coloured cloud at x = left: the bins, ticks at −2…2, the column's name. */
function colorBarSvg(left: number, label: string): string {
  const scale = scaleLinear(COLOR_DOMAIN, [MARGIN.top + PANEL, MARGIN.top]);
  const [lo, hi] = COLOR_DOMAIN;
  const step = (hi - lo) / COLOR_BINS;
  const out: string[] = [];
  for (let b = 0; b < COLOR_BINS; b++) {
    const top = scale(lo + (b + 1) * step);
    out.push(
      `<rect class="bin" x="${left}" y="${top.toFixed(2)}" width="14" height="${(scale(lo + b * step) - top + 0.5).toFixed(2)}" fill="${binColor(b)}"/>`,
    );
  }
  out.push(
    `<rect x="${left}" y="${MARGIN.top}" width="14" height="${PANEL}" fill="none" stroke="#222"/>`,
  );
  for (const t of [-2, -1, 0, 1, 2])
    out.push(
      `<line x1="${left + 14}" x2="${left + 19}" y1="${scale(t)}" y2="${scale(t)}" stroke="#222"/>`,
      `<text x="${left + 22}" y="${scale(t) + 4}" font-size="12">${tick(t)}</text>`,
    );
  out.push(
    `<text transform="translate(${left + 52},${MARGIN.top + PANEL / 2}) rotate(90)" text-anchor="middle" font-size="14" font-style="italic">${esc(label)}</text>`,
  );
  return `<g class="color-bar">${out.join('')}</g>`;
}

/** A tick value typeset: a minus sign, not a hyphen (as the app's axes). */
const tick = (t: number) => (t < 0 ? `−${-t}` : String(t));

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The snapshots side by side on common axes, with the predicted 1σ/2σ/3σ ellipses. */
export function cloudSvg(model: Model, params: Params, caption: string, at?: string): string {
  const view = viewSpec(model, 'cloud');
  if (!view) throw new UsageError(`model ${model.id} has no cloud view`);
  const snaps = cloudSnapshots(model, params, at);
  let lim = 0;
  for (const s of snaps)
    for (const key of [view.x, view.y])
      for (const v of s.columns[key] ?? [])
        if (Number.isFinite(v)) lim = Math.max(lim, Math.abs(v));
  lim = Math.max(1, Math.ceil(lim));
  const bar = view.color ? BAR_ROOM : 0;
  const width = MARGIN.left + snaps.length * (PANEL + GAP) + bar;
  const height = MARGIN.top + PANEL + MARGIN.bottom;
  const parts: string[] = [];
  snaps.forEach((s, k) => {
    const x0 = MARGIN.left + k * (PANEL + GAP);
    const x = scaleLinear([-lim, lim], [x0, x0 + PANEL]);
    const y = scaleLinear([-lim, lim], [MARGIN.top + PANEL, MARGIN.top]);
    parts.push(
      `<rect x="${x0}" y="${MARGIN.top}" width="${PANEL}" height="${PANEL}" fill="none" stroke="#555"/>`,
    );
    for (const t of x.ticks(5)) {
      parts.push(
        `<text x="${x(t)}" y="${MARGIN.top + PANEL + 16}" text-anchor="middle" font-size="12">${tick(t)}</text>`,
      );
      if (k === 0)
        parts.push(
          `<text x="${x0 - 6}" y="${y(t) + 4}" text-anchor="end" font-size="12">${tick(t)}</text>`,
        );
    }
    const xs = s.columns[view.x] ?? new Float64Array(0);
    const ys = s.columns[view.y] ?? new Float64Array(0);
    const colour = view.color ? s.columns[view.color] : undefined;
    const stride = Math.max(1, Math.ceil(xs.length / MAX_POINTS));
    // One path per colour bin (core/colorBins.ts, the app's bins), or one orange path.
    const dots: string[][] = Array.from({ length: colour ? COLOR_BINS : 1 }, () => []);
    for (let i = 0; i < xs.length; i += stride)
      dots[colour ? colorBin(colour[i]!) : 0]!.push(
        `M${x(xs[i]!).toFixed(1)},${y(ys[i]!).toFixed(1)}h0`,
      );
    dots.forEach((d, b) => {
      if (d.length)
        parts.push(
          `<path d="${d.join('')}" stroke="${colour ? binColor(b) : '#D55E00'}" stroke-opacity="0.6" stroke-width="3" stroke-linecap="round"/>`,
        );
    });
    if (s.gaussian) {
      for (const kk of [1, 2, 3]) {
        const ring = ellipsePoints(s.gaussian, kk)
          .map(([px, py], j) => `${j ? 'L' : 'M'}${x(px).toFixed(1)},${y(py).toFixed(1)}`)
          .join('');
        parts.push(`<path d="${ring}Z" fill="none" stroke="#0072B2" stroke-width="1.6"/>`);
      }
    }
    const inside = s.inside
      ? `inside 1σ/2σ/3σ: ${s.inside.map((f) => f.toFixed(3)).join('/')}`
      : '';
    // Two short lines: one line of both ran into the next panel's.
    parts.push(
      `<text x="${x0 + PANEL / 2}" y="${MARGIN.top - 8}" text-anchor="middle" font-size="14">t = ${s.t}</text>`,
      `<text x="${x0 + 4}" y="${MARGIN.top + PANEL + 33}" font-size="11" fill="#333">${esc(
        `${Math.ceil(xs.length / stride)} of ${xs.length} points`,
      )}</text>`,
      `<text x="${x0 + 4}" y="${MARGIN.top + PANEL + 46}" font-size="11" fill="#333">${esc(inside)}</text>`,
    );
  });
  if (view.color) parts.push(colorBarSvg(width - bar + 4, view.colorLabel ?? view.color));
  parts.push(
    `<text x="${(width - bar) / 2}" y="${MARGIN.top + PANEL + 68}" text-anchor="middle" font-size="15" font-style="italic">${esc(view.xLabel)}</text>`,
    `<text transform="translate(16,${MARGIN.top + PANEL / 2}) rotate(-90)" text-anchor="middle" font-size="15" font-style="italic">${esc(view.yLabel)}</text>`,
    `<text x="12" y="24" font-size="16" font-weight="600">${esc(`${model.title}: microscopic cloud${view.gaussianNote ? ` (${view.gaussianNote})` : ''}`)}</text>`,
    `<text x="12" y="${height - 10}" font-size="11" fill="#333">${esc(caption.slice(0, 160))}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica Neue, Arial, sans-serif"><rect width="100%" height="100%" fill="white"/>${parts.join('')}</svg>`;
}
