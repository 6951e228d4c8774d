/**
 * The headless CLI: the same core and models as the browser, JSON on stdout.
 *
 *   macroscope models
 *   macroscope ode --state 'model=gan&…' [--samples 601] [--rtol 1e-6] [--atol 1e-9]
 *   macroscope sgd --state '…&n=2000&seed=1' [--samples 61] [--runs 5] [--variant fast|literal]
 *
 * Bad input (an unknown command or flag, a malformed number, a rejected or unknown state key)
 * prints one line on stderr and exits with 2. A clamped value is a warning on stderr and the
 * run goes on; the notices are also in the JSON. A diverged ODE prints its JSON and exits 3.
 */
import { writeFileSync } from 'node:fs';

import { analyzeFixedPoints, phaseCell, scan1d, setAxis } from '../core/analysis';
import { InputError } from '../core/errors';
import { type Model, type Notice, scansOf, type ScanSpec, scanValues } from '../core/model';
import type { Params } from '../core/params';
import { runOde, runSgd } from '../core/run';
import { parseState, serializeState } from '../core/state';
import { linspace, parseAxisSpec, sweep2d, type SweepAxis } from '../core/sweep';
import { models } from '../models/registry';
import { diagramSvg, trajectoriesSvg } from './figure';
import { intFlag, jsonNumber, paramsJson, positiveFlag, seriesJson, UsageError } from './json';
import { MANY_RUN_COMMANDS, manyRunsJson } from './manyRuns';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const COMMANDS: Record<string, { flags: Record<string, 'number' | 'string'>; help: string }> = {
  models: { flags: {}, help: 'list the models, their parameters and presets' },
  ode: {
    flags: { state: 'string', samples: 'number', rtol: 'number', atol: 'number' },
    help: 'integrate the macroscopic ODE from t = 0 to T',
  },
  sgd: {
    flags: { state: 'string', samples: 'number', runs: 'number', variant: 'string' },
    help: 'run finite-n SGD (runs of one seed use independent streams 0..runs−1)',
  },
  'fixed-points': {
    flags: { state: 'string', starts: 'number' },
    help: 'find, classify and name the fixed points of the ODE (families reported as such)',
  },
  figure: {
    flags: { state: 'string', view: 'string', x: 'string', y: 'string', out: 'string' },
    help: 'write a standalone SVG of a view (diagram or trajectories) to --out',
  },
  scan: {
    flags: { state: 'string', x: 'string', scan: 'string' },
    help: "one parameter scanned: the ODE's settled state and phase (--x), or one of the model's scans (--scan id, e.g. the VAE's gamma: convergence time)",
  },
  sweep: {
    flags: { state: 'string', x: 'string', y: 'string' },
    help: 'phase diagram over two parameters (or derived axes such as alpha): labels and late-time variation',
  },
};
Object.assign(COMMANDS, MANY_RUN_COMMANDS);

export const USAGE = `usage: macroscope <command> [flags]
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.help}`)
  .join('\n')}
flags: --state 'model=gan&tau=0.2&…' (or a share URL), --samples N, --runs R, --variant NAME, --rtol X, --atol X,
       --starts K (grid starts per axis), --x tau=0.05:1:40 --y alpha=0.1:2:40,
       --view diagram|trajectories --out fig.svg (figure)`;

function parseArgs(argv: string[]): { command: string; flags: Record<string, string> } {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    throw new UsageError(USAGE);
  }
  const spec = COMMANDS[command];
  if (!spec) {
    throw new UsageError(
      `unknown command '${command}'; known: ${Object.keys(COMMANDS).join(', ')}`,
    );
  }
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}'`);
    let name = arg.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const type = spec.flags[name];
    if (!type) {
      const known = Object.keys(spec.flags).map((f) => `--${f}`);
      throw new UsageError(
        `unknown flag --${name} for '${command}'${known.length ? `; known: ${known.join(', ')}` : ''}`,
      );
    }
    if (value === undefined) {
      value = rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
    }
    if (type === 'number' && !Number.isFinite(Number(value))) {
      throw new UsageError(`--${name} must be a number; got '${value}'`);
    }
    flags[name] = value;
  }
  return { command, flags };
}

function loadState(flags: Record<string, string>): {
  model: Model;
  params: Params;
  notices: Notice[];
  warnings: string[];
} {
  const parsed = parseState(flags['state'] ?? '', models);
  const fatal = parsed.notices.filter((n) => n.level === 'rejected' || n.level === 'unknown');
  if (fatal.length > 0) {
    // The codec's messages say what the browser falls back to; the CLI stops instead.
    const stop = (m: string) => m.replace(/[,;] using [^;]*$/, '').replace(/ was ignored$/, '');
    throw new UsageError(fatal.map((n) => stop(n.message)).join('; '));
  }
  const warnings = parsed.notices.map((n) => `macroscope: note: ${n.message}`);
  return { model: parsed.model, params: parsed.params, notices: parsed.notices, warnings };
}

function modelsJson(): unknown {
  return {
    models: models.map((m) => ({
      id: m.id,
      title: m.title,
      paper: m.paper,
      params: m.params.map((p) => ({
        ...p,
        default: Array.isArray(p.default)
          ? p.default
          : typeof p.default === 'number'
            ? jsonNumber(p.default)
            : p.default,
      })),
      aliases: m.aliases ?? [],
      variants: m.variants ?? [],
      presets: m.presets.map((p) => ({
        ...p,
        state: serializeState(m, parseState(`model=${m.id}&${p.state}`, models).params),
      })),
    })),
  };
}

/** Run the CLI on argv (without 'node script'); never throws. */
export function runCli(argv: string[]): CliResult {
  try {
    const { command, flags } = parseArgs(argv);
    if (command === 'models') return ok(modelsJson());
    const { model, params, notices, warnings } = loadState(flags);
    const base = { model: model.id, params: paramsJson(params), notices };
    if (command === 'ode') {
      const samples = intFlag(flags, 'samples', 601, 2, 100000);
      const rtol = positiveFlag(flags, 'rtol');
      const atol = positiveFlag(flags, 'atol');
      const run = runOde(model, params, {
        samples,
        ...(rtol ? { rtol } : {}),
        ...(atol ? { atol } : {}),
      });
      const json = {
        ...base,
        status: run.status,
        ...(run.divergence
          ? { divergence: { ...run.divergence, value: jsonNumber(run.divergence.value) } }
          : {}),
        t: Array.from(run.t),
        series: seriesJson(run),
      };
      if (run.divergence) {
        const d = run.divergence;
        warnings.push(
          `macroscope: the ODE diverged at t = ${d.t.toPrecision(6)} in ${d.variable} (${d.reason})`,
        );
        return { code: 3, stdout: JSON.stringify(json) + '\n', stderr: lines(warnings) };
      }
      return ok(json, warnings);
    }
    if (command === 'fixed-points')
      return ok(
        {
          ...base,
          ...fixedPointsJson(
            model,
            params,
            // Default: the model's choice (a grid of 3 per axis, none when its candidates are complete).
            flags['starts'] === undefined ? undefined : intFlag(flags, 'starts', 3, 0, 8),
          ),
        },
        warnings,
      );
    if (command === 'sweep') return ok(sweepJson(model, params, flags), warnings);
    if (command === 'figure') return ok(figureJson(model, params, flags), warnings);
    if (command === 'scan') return ok(scanJson(model, params, flags), warnings);
    if (command in MANY_RUN_COMMANDS)
      return ok(manyRunsJson(command, model, params, flags), warnings);
    // sgd
    const samples = intFlag(flags, 'samples', 61, 2, 100000);
    const runs = intFlag(flags, 'runs', 1, 1, 64);
    const variant = flags['variant'];
    if (variant !== undefined && !(model.variants ?? []).includes(variant)) {
      throw new UsageError(
        `--variant must be one of ${(model.variants ?? []).join(', ') || '(none)'} for ${model.id}; got '${variant}'`,
      );
    }
    const run = runSgd(model, params, { samples, runs, variant });
    const json = {
      ...base,
      n: run.n,
      seed: run.seed,
      runs: run.runs,
      variant: variant ?? model.variants?.[0] ?? null,
      t: Array.from(run.t),
      series: seriesJson(run),
      ...(run.std ? { std: seriesJson({ names: run.names, t: run.t, y: run.std }) } : {}),
    };
    return ok(json, warnings);
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError)
      return { code: 2, stdout: '', stderr: `macroscope: ${err.message}\n` };
    const message = err instanceof Error ? err.message : String(err);
    return { code: 1, stdout: '', stderr: `macroscope: internal error: ${message}\n` };
  }
}

function stateJson(names: string[], x: Float64Array): Record<string, number | string> {
  return Object.fromEntries(names.map((n, i) => [n, jsonNumber(x[i]!)]));
}

function fixedPointsJson(model: Model, params: Params, perAxis: number | undefined) {
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

function axisOf(model: Model, flags: Record<string, string>, flag: 'x' | 'y'): SweepAxis {
  const spec = flags[flag];
  if (spec === undefined) throw new UsageError(`sweep needs --${flag} name=from:to:count`);
  let axis: SweepAxis;
  try {
    axis = parseAxisSpec(spec, `--${flag}`);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const known = [
    ...model.params.filter((p) => p.kind === 'number').map((p) => p.key),
    ...(model.theory?.derivedAxes ?? []).map((a) => a.key),
  ];
  if (!known.includes(axis.param)) {
    throw new UsageError(
      `--${flag}: '${axis.param}' is not a numeric parameter or derived axis of ${model.id} (known: ${known.join(', ')})`,
    );
  }
  return axis;
}

function scanJson(model: Model, params: Params, flags: Record<string, string>) {
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

function sweepJson(model: Model, params: Params, flags: Record<string, string>) {
  const x = axisOf(model, flags, 'x');
  const y = axisOf(model, flags, 'y');
  const labels: string[][] = [];
  const values: (number | string)[][] = [];
  const rows = sweep2d(x, y, (xv, yv) => {
    const p = { ...params, ...(model.views.diagram?.fixed ?? {}) };
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

function figureJson(model: Model, params: Params, flags: Record<string, string>) {
  const view = flags['view'] ?? 'diagram';
  const out = flags['out'];
  if (!out) throw new UsageError('figure needs --out FILE.svg');
  const caption = `${model.title} · ${serializeState(model, params)}`;
  let svg: string;
  if (view === 'diagram') {
    const d = model.views.diagram;
    const axis = (flag: 'x' | 'y', key: string | undefined, range: [number, number] | undefined) =>
      flags[flag] !== undefined || !key || !range
        ? axisOf(model, flags, flag)
        : { param: key, values: linspace(range[0], range[1], 40) };
    svg = diagramSvg(
      model,
      params,
      axis('x', d?.x, d?.xRange),
      axis('y', d?.y, d?.yRange),
      caption,
    );
  } else if (view === 'trajectories') {
    svg = trajectoriesSvg(model, params, caption);
  } else {
    throw new UsageError(
      `--view must be diagram or trajectories; got '${view}' (the other views export from the browser)`,
    );
  }
  try {
    writeFileSync(out, svg);
  } catch (err) {
    throw new UsageError(
      `cannot write ${out}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return { model: model.id, view, out, bytes: svg.length };
}

function lines(list: string[]): string {
  return list.length ? list.join('\n') + '\n' : '';
}

function ok(json: unknown, warnings: string[] = []): CliResult {
  return { code: 0, stdout: JSON.stringify(json) + '\n', stderr: lines(warnings) };
}
