/** The CLI's theory commands: fixed points, 1-parameter scans and 2-parameter phase diagrams. */
import { analyzeFixedPoints, phaseCell, scan1d, setAxis } from '../core/analysis';
import { type Model, scansOf, type ScanSpec, scanValues, viewSpec } from '../core/model';
import type { Params } from '../core/params';
import { sweep2d } from '../core/sweep';
import { axisOf } from './axes';
import { jsonNumber, paramsJson, UsageError } from './json';

export function stateJson(names: string[], x: Float64Array): Record<string, number | string> {
  return Object.fromEntries(names.map((n, i) => [n, jsonNumber(x[i]!)]));
}

export function fixedPointsJson(model: Model, params: Params, perAxis: number | undefined) {
  const a = analyzeFixedPoints(model, params, { perAxis });
  const eig = (e: { re: number; im: number }[]) =>
    e.map((v) => ({ re: jsonNumber(v.re), im: jsonNumber(v.im) }));
  return {
    fixedPoints: a.points.map((p) => ({
      state: stateJson(a.names, p.x),
      eigenvalues: eig(p.eigenvalues),
      stability: p.stability,
      kind: p.kind,
      ...(p.focus ? { focus: true } : {}),
      type: p.type,
    })),
    families: a.families.map((f) => ({
      dimension: f.dimension,
      samples: f.samples.map((s) => ({
        state: stateJson(a.names, s.x),
        stability: s.stability,
        kind: s.kind,
        type: s.type,
      })),
    })),
    stableTypes: a.stableTypes,
  };
}

export function scanJson(model: Model, params: Params, flags: Record<string, string>) {
  const specs = scansOf(model);
  const id = flags['scan'];
  let spec: ScanSpec | undefined;
  if (id !== undefined) {
    spec = specs.find((s, k) => (s.id ?? String(k)) === id);
    if (!spec)
      throw new UsageError(
        `--scan must name one of ${model.id}'s scans (${specs.map((s, k) => s.id ?? k).join(', ') || 'none'}); got '${id}'`,
      );
  }
  if (!spec && flags['x'] === undefined)
    throw new UsageError('scan needs --x name=from:to:count or --scan id');
  const x =
    flags['x'] !== undefined
      ? axisOf(model, flags, 'x')
      : { param: spec!.x, values: scanValues(spec!) };
  if (spec && x.param !== spec.x)
    throw new UsageError(`--x must scan '${spec.x}' for --scan ${id}; got '${x.param}'`);
  const r = scan1d(model, params, x, spec);
  const series: Record<string, (number | string)[]> = {};
  r.names.forEach((name, i) => {
    series[name] = r.final.map((row) => jsonNumber(row[i]!));
  });
  return {
    model: model.id,
    params: paramsJson(params),
    x,
    ...(spec
      ? {
          scan: id,
          measure: spec.measure ?? { kind: 'settled' },
          fixed: spec.fixed ?? {},
          measured: r.measured.map(jsonNumber),
          reference: spec.reference
            ? { label: spec.reference.label, value: jsonNumber(r.reference ?? Number.NaN) }
            : null,
          marks: model.theory?.scanMarks?.(params, spec.x) ?? [],
        }
      : {}),
    labels: r.labels,
    final: series,
  };
}

export function sweepJson(model: Model, params: Params, flags: Record<string, string>) {
  const x = axisOf(model, flags, 'x');
  const y = axisOf(model, flags, 'y');
  const labels: string[][] = [];
  const values: (number | string)[][] = [];
  const rows = sweep2d(x, y, (xv, yv) => {
    const p = { ...params, ...(viewSpec(model, 'diagram')?.fixed ?? {}) };
    // A derived axis (α = τ̃/τ) is applied after the parameters it depends on.
    const derivedKeys = new Set((model.theory?.derivedAxes ?? []).map((a) => a.key));
    const order = [
      [x.param, xv],
      [y.param, yv],
    ].sort(
      (a, b) => Number(derivedKeys.has(a[0] as string)) - Number(derivedKeys.has(b[0] as string)),
    );
    for (const [key, value] of order) setAxis(model, p, key as string, value as number);
    return phaseCell(model, p);
  });
  for (const row of rows) {
    labels.push(row.map((c) => c?.label ?? ''));
    values.push(row.map((c) => jsonNumber(c?.variation ?? Number.NaN)));
  }
  return { model: model.id, params: paramsJson(params), x, y, labels, values };
}
