/**
 * The CLI's `continue` command: a bifurcation diagram by continuation (src/core/continuation).
 *
 *   macroscope continue --state 'model=gan&d=1&…' --p alpha=0.1:4 [--p2 tau=0.05:2] [--orbits 1]
 *                       [--out diagram.svg --y P11]
 *
 * JSON: the branches (flat arrays with the stability of every point), the special points (fold,
 * Hopf, branch point) with their axis value, state and eigenvalues, the fold and Hopf curves in
 * (p, p2), and the periodic orbits born at isolated Hopf points. Bad flags exit with 2.
 */
import { writeFileSync } from 'node:fs';

import { bifurcationDiagram } from '../core/continuation/diagram';
import { axisValue } from '../core/continuation/equilibria';
import { type Model, viewSpec } from '../core/model';
import type { Params } from '../core/params';
import { bifurcationSvg, LEADING_SERIES } from './bifurcationFigure';
import { jsonNumber, paramsJson, UsageError } from './json';

export const CONTINUE_COMMANDS: Record<
  string,
  { flags: Record<string, 'number' | 'string'>; help: string }
> = {
  continue: {
    flags: {
      state: 'string',
      p: 'string',
      p2: 'string',
      orbits: 'number',
      out: 'string',
      y: 'string',
    },
    help: 'bifurcation diagram by continuation along --p name=from:to (folds, Hopf and branch points); --p2 adds fold/Hopf curves; --orbits 1 periodic orbits; --out an SVG of --y against --p',
  },
};

const RANGE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([^:=]+):([^:=]+)\s*$/;

function rangeFlag(
  model: Model,
  params: Params,
  flags: Record<string, string>,
  flag: 'p' | 'p2',
): { axis: string; range: [number, number] } | null {
  const text = flags[flag];
  if (text === undefined) return null;
  const m = RANGE.exec(text);
  if (!m)
    throw new UsageError(`--${flag} must look like name=from:to (e.g. tau=0.05:2); got '${text}'`);
  const [, axis, a, b] = m as unknown as [string, string, string, string];
  const from = Number(a.trim());
  const to = Number(b.trim());
  if (!Number.isFinite(from) || !Number.isFinite(to) || from === to) {
    throw new UsageError(
      `--${flag}: from and to must be two different finite numbers; got '${text}'`,
    );
  }
  const known = [
    ...model.params.filter((p) => p.kind === 'number').map((p) => p.key),
    ...(model.theory?.derivedAxes ?? []).map((d) => d.key),
  ];
  if (!known.includes(axis)) {
    throw new UsageError(
      `--${flag}: '${axis}' is not a numeric parameter or derived axis of ${model.id} (known: ${known.join(', ')})`,
    );
  }
  const value = axisValue(model, params, axis);
  const [lo, hi] = [Math.min(from, to), Math.max(from, to)];
  if (!(value >= lo && value <= hi)) {
    throw new UsageError(
      `--${flag}: the state's ${axis} = ${value} is outside [${lo}, ${hi}]; the continuation starts from the state, so put it inside the range`,
    );
  }
  return { axis, range: [lo, hi] };
}

export function continueJson(model: Model, params: Params, flags: Record<string, string>): unknown {
  const first = rangeFlag(model, params, flags, 'p');
  if (!first) throw new UsageError('continue needs --p name=from:to (e.g. --p alpha=0.1:4)');
  const second = rangeFlag(model, params, flags, 'p2');
  if (second && second.axis === first.axis) {
    throw new UsageError(`--p2 must be another axis than --p; both are '${first.axis}'`);
  }
  const orbits = flags['orbits'];
  if (orbits !== undefined && orbits !== '0' && orbits !== '1') {
    throw new UsageError(`--orbits must be 0 or 1; got ${orbits}`);
  }
  const names = model.stateNames(params);
  const ySeries = flags['y'] ?? names[0]!;
  if (flags['out'] !== undefined && !names.includes(ySeries) && ySeries !== LEADING_SERIES) {
    throw new UsageError(
      `--y must be one of ${names.join(', ')} or ${LEADING_SERIES}; got '${ySeries}'`,
    );
  }
  if (flags['y'] !== undefined && flags['out'] === undefined) {
    throw new UsageError('--y chooses the series of the SVG: give --out FILE.svg with it');
  }
  const d = bifurcationDiagram(model, params, {
    axis: first.axis,
    range: first.range,
    ...(second ? { axis2: second.axis, range2: second.range } : {}),
    orbits: orbits === '1',
  });
  const eig = (e: { re: number; im: number }[]) =>
    e.map((v) => ({ re: jsonNumber(v.re), im: jsonNumber(v.im) }));
  const json = {
    model: model.id,
    params: paramsJson(params),
    axis: { param: first.axis, range: first.range },
    ...(second ? { axis2: { param: second.axis, range: second.range } } : {}),
    names,
    branches: d.branches.map((b) => ({
      ...b,
      special: b.special.map((s) => ({
        ...s,
        eigenvalues: eig(s.eigenvalues),
        ...(s.lyapunov !== undefined
          ? { lyapunov: s.lyapunov === null ? null : jsonNumber(s.lyapunov) }
          : {}),
      })),
    })),
    special: d.branches.flatMap((b, branch) =>
      b.special.map((s) => ({
        branch,
        kind: s.kind,
        p: s.p,
        state: Object.fromEntries(names.map((n, i) => [n, s.x[i]!])),
      })),
    ),
    curves: d.curves,
    periodic: d.periodic,
    notes: d.notes,
  };
  const out = flags['out'];
  if (out !== undefined) {
    const svg = bifurcationSvg(model, params, d, first.axis, ySeries);
    try {
      writeFileSync(out, svg);
    } catch (err) {
      throw new UsageError(
        `cannot write ${out}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    return { ...json, out, bytes: svg.length };
  }
  return json;
}

/**
 * `figure --view bifurcation`: the SVG of `continue --out`, along --p name=from:to or the
 * model's declared default (its bifurcation spec), y from --y or the default, periodic orbits
 * included (as the app's bifurcation view).
 */
export function bifurcationFigureSvg(
  model: Model,
  params: Params,
  flags: Record<string, string>,
): string {
  const declared = viewSpec(model, 'bifurcation');
  const first =
    rangeFlag(model, params, flags, 'p') ??
    (declared
      ? rangeFlag(model, params, { p: `${declared.axis}=${declared.range.join(':')}` }, 'p')
      : null);
  if (!first)
    throw new UsageError('figure --view bifurcation needs --p name=from:to (e.g. --p alpha=0.1:4)');
  const names = model.stateNames(params);
  const plottable = (y: string) => names.includes(y) || y === LEADING_SERIES;
  const declaredY = declared?.y !== undefined && plottable(declared.y) ? declared.y : null;
  const series = flags['y'] ?? declaredY ?? names[0]!;
  if (!plottable(series))
    throw new UsageError(
      `--y must be one of ${names.join(', ')} or ${LEADING_SERIES} (the leading eigenvalue's real part); got '${series}'`,
    );
  const d = bifurcationDiagram(model, params, { ...first, orbits: true });
  return bifurcationSvg(model, params, d, first.axis, series);
}
