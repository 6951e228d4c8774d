/**
 * The phase diagram's plane, in pure functions: its axes' labels, choices and default
 * ranges, the parameters a click moves to, the cells as CSV and JSON, and the status line.
 */
import { type Model, viewSpec } from '../../../core/model';
import type { Params } from '../../../core/params';
import { plainText } from '../../../core/typeset';
import type { DiagramState } from '../../store';

/** A diagram axis's label: a derived axis's, or the parameter's symbol. */
export function axisLabel(model: Model, key: string): string {
  return (
    model.theory?.derivedAxes?.find((a) => a.key === key)?.label ??
    model.params.find((s) => s.key === key)?.symbol ??
    key
  );
}

/** What an axis can show: the numeric parameters but T and the seed, then the derived axes. */
export function axisChoices(model: Model): string[] {
  return [
    ...model.params
      .filter((s) => s.kind === 'number' && s.key !== 'T' && s.key !== 'seed')
      .map((s) => s.key),
    ...(model.theory?.derivedAxes ?? []).map((a) => a.key),
  ];
}

/**
 * The range an axis gets when picked: the model's default diagram range for it, else the
 * parameter's from its minimum (at most 10 wide), else [0.05, 2.5].
 */
export function defaultAxisRange(model: Model, key: string): [number, number] {
  const spec = model.params.find((s) => s.key === key);
  const def = viewSpec(model, 'diagram');
  if (def && def.x === key) return def.xRange;
  if (def && def.y === key) return def.yRange;
  if (spec && spec.kind === 'number') return [spec.min, Math.min(spec.max, spec.min + 10)];
  return [0.05, 2.5];
}

/**
 * The parameters at a clicked point (x, y) of the plane, to 3 significant digits: the plain
 * parameter applied first, then the derived axis that depends on it.
 */
export function paramsAt(
  model: Model,
  params: Params,
  axes: { x: string; y: string },
  point: [number, number],
): Params {
  const derived = model.theory?.derivedAxes ?? [];
  const isDerived = (key: string) => Number(derived.some((d) => d.key === key));
  const order: [string, number][] = [
    [axes.x, point[0]],
    [axes.y, point[1]],
  ];
  order.sort((a, b) => isDerived(a[0]) - isDerived(b[0]));
  const p = { ...params };
  for (const [key, value] of order) {
    const v = Number(value.toPrecision(3));
    const da = derived.find((d) => d.key === key);
    if (da) da.apply(p, v);
    else p[key] = v;
  }
  return p;
}

/** The cells as CSV: x, y, label, variation per cell (empty until computed). */
/** Cell k's column i, row j and its parameter values (x, y): cells[j * n + i]. */
export function cellAt(diagram: DiagramState, k: number) {
  const i = k % diagram.n;
  const j = Math.floor(k / diagram.n);
  const x = diagram.x.from + ((diagram.x.to - diagram.x.from) * i) / (diagram.n - 1);
  const y = diagram.y.from + ((diagram.y.to - diagram.y.from) * j) / (diagram.n - 1);
  return { i, j, x, y };
}

export function diagramCsv(diagram: DiagramState): string {
  const rows = ['x,y,label,variation'];
  diagram.cells.forEach((c, k) => {
    const { x, y } = cellAt(diagram, k);
    rows.push(`${x},${y},${c?.label ?? ''},${c ? c.variation : ''}`);
  });
  return rows.join('\n') + '\n';
}

/**
 * The diagram as JSON: its axes, the state it was computed for, and each cell with its grid
 * index and parameter values (a cell not yet computed has a null label). No clock times: a
 * run's start on the page's clock means nothing in a file.
 */
export function diagramJson(meta: Record<string, unknown>, diagram: DiagramState): string {
  return JSON.stringify(
    {
      ...meta,
      x: diagram.x,
      y: diagram.y,
      n: diagram.n,
      status: diagram.status,
      ...(diagram.message ? { message: diagram.message } : {}),
      cells: diagram.cells.map((c, k) => ({
        ...cellAt(diagram, k),
        label: c?.label ?? null,
        variation: c ? c.variation : null,
      })),
    },
    null,
    1,
  );
}

/** Cells computed so far, of all. */
export function diagramProgress(diagram: DiagramState | null): { done: number; total: number } {
  const done = diagram?.cells.filter((c) => c !== null).length ?? 0;
  return { done, total: diagram ? diagram.n * diagram.n : 0 };
}

/**
 * The view's status line: progress or what to do, then the parameters the diagram holds fixed
 * (e.g. the VAE's anneal = none).
 */
export function diagramNote(model: Model, diagram: DiagramState | null): string {
  const { done, total } = diagramProgress(diagram);
  const status = diagram?.status;
  const fixedNote = Object.entries(viewSpec(model, 'diagram')?.fixed ?? {})
    .map(([k, v]) => ` · ${model.params.find((p) => p.key === k)?.label ?? k}: ${String(v)}`)
    .join('');
  const progress = !total
    ? ''
    : status === 'done'
      ? 'click to move there'
      : status === 'cancelled'
        ? `cancelled at ${done}/${total} cells`
        : status === 'error'
          ? `failed at ${done}/${total} cells: ${diagram?.message ?? 'a worker failed'}`
          : `${done}/${total} cells`;
  return progress + fixedNote;
}

/**
 * Where the current point is drawn: itself when inside the plotted domain; otherwise the point
 * of the domain's edge nearest it (clamped), with the direction towards it (axis units) for an
 * arrowhead, so that a state outside the plotted range is shown, not dropped.
 */
export function currentPlacement(
  current: [number, number],
  xDomain: [number, number],
  yDomain: [number, number],
): { inside: boolean; at: [number, number]; toward: [number, number] } {
  const clampTo = (v: number, [a, b]: [number, number]) =>
    Math.min(Math.max(a, b), Math.max(Math.min(a, b), v));
  const at: [number, number] = [clampTo(current[0], xDomain), clampTo(current[1], yDomain)];
  const inside = at[0] === current[0] && at[1] === current[1];
  // Directions in units of each axis's span, so that "up and to the right" means that on screen.
  const sx = Math.abs(xDomain[1] - xDomain[0]) || 1;
  const sy = Math.abs(yDomain[1] - yDomain[0]) || 1;
  const toward: [number, number] = [(current[0] - at[0]) / sx, (current[1] - at[1]) / sy];
  return { inside, at, toward };
}

/**
 * The notice for a current state outside the plotted range, or null: which axis values lie
 * outside, and what the marker on the edge means.
 */
export function outsideNotice(
  model: Model,
  axes: {
    x: { param: string; from: number; to: number };
    y: { param: string; from: number; to: number };
  },
  current: [number, number],
): string | null {
  const parts = [axes.x, axes.y].flatMap((a, k) => {
    const v = current[k]!;
    const [lo, hi] = [Math.min(a.from, a.to), Math.max(a.from, a.to)];
    return v >= lo && v <= hi
      ? []
      : [
          `${plainText(axisLabel(model, a.param))} = ${Number(v.toPrecision(4))} is outside [${lo}, ${hi}]`,
        ];
  });
  return parts.length
    ? `The current state lies outside the plot (${parts.join('; ')}): the arrowhead on the edge points to it.`
    : null;
}

/**
 * The key's one label for the figures' markers: labels that share a "Fig. 2: " prefix are
 * grouped under it ("Fig. 2: m₂ = 0.9, m₂ = 1, m₂ = 1.1", not the prefix three times).
 */
export function markKeyLabel(labels: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const label of labels) {
    const colon = label.indexOf(': ');
    const [head, rest] = colon > 0 ? [label.slice(0, colon), label.slice(colon + 2)] : ['', label];
    groups.set(head, [...(groups.get(head) ?? []), rest]);
  }
  return [...groups]
    .map(([head, rests]) => (head ? `${head}: ${rests.join(', ')}` : rests.join(', ')))
    .join('; ');
}
