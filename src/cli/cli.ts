/**
 * The headless CLI: the same core and models as the browser, JSON on stdout.
 *
 *   macroscope models
 *   macroscope ode --state 'model=gan&…' [--samples 601] [--rtol 1e-6] [--atol 1e-9]
 *   macroscope sgd --state '…&n=2000&seed=1' [--samples 61] [--runs 5] [--variant gram|fast|literal]
 *
 * Bad input (an unknown command or flag, a malformed number, a rejected or unknown state key)
 * prints one line on stderr and exits with 2. A clamped value is a warning on stderr and the
 * run goes on; the notices are also in the JSON. A diverged ODE prints its JSON and exits 3.
 */
import { writeFileSync } from 'node:fs';

import { echo, visibleControls } from '../core/echo';
import { InputError } from '../core/errors';
import { type Model, type Notice, viewSpec } from '../core/model';
import { num, type Params } from '../core/params';
import { runOde, runSgd } from '../core/run';
import { parseState, serializeState } from '../core/state';
import { linspace } from '../core/sweep';
import { models } from '../models/registry';
import { axisOf } from './axes';
import { CLOUD_COMMAND, cloudJson, cloudSvg } from './cloud';
import { bifurcationFigureSvg, CONTINUE_COMMANDS, continueJson } from './continue';
import { diagramSvg, trajectoriesSvg } from './figure';
import {
  intFlag,
  jsonNumber,
  jsonSafe,
  paramsJson,
  positiveFlag,
  seriesJson,
  UsageError,
} from './json';
import { MANY_RUN_COMMANDS, manyRunsJson } from './manyRuns';
import { PRESETS_COMMAND, presetsOutput } from './presets';
import { fixedPointsJson, scanJson, sweepJson } from './theoryCommands';

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
    flags: {
      state: 'string',
      view: 'string',
      x: 'string',
      y: 'string',
      out: 'string',
      at: 'string',
      p: 'string',
    },
    help: 'write a standalone SVG of a view (diagram, trajectories, cloud [--at times] or bifurcation --p name=from:to [--y series]) to --out',
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
Object.assign(COMMANDS, MANY_RUN_COMMANDS, CONTINUE_COMMANDS, PRESETS_COMMAND, CLOUD_COMMAND);

/** Asked for help: the usage on stdout, exit 0. */
class HelpRequest extends Error {}

export const USAGE = `usage: macroscope <command> [flags]
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.help}`)
  .join('\n')}
flags: --state 'model=gan&tau=0.2&…' (or a share URL), --samples N, --runs R, --variant NAME, --rtol X, --atol X,
       --starts K (grid starts per axis), --x tau=0.05:1:40 --y alpha=0.1:2:40,
       --view diagram|trajectories|cloud --out fig.svg [--at 0,10,100,150] (figure)`;

function parseArgs(argv: string[]): { command: string; flags: Record<string, string> } {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError(USAGE);
  if (isHelp(command) || rest.some(isHelp)) throw new HelpRequest();
  const spec = COMMANDS[command];
  if (!spec) {
    throw new UsageError(
      `unknown command '${echo(command)}'; known: ${Object.keys(COMMANDS).join(', ')}`,
    );
  }
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${echo(arg)}'`);
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
        `unknown flag --${echo(name)} for '${command}'${known.length ? `; known: ${known.join(', ')}` : ''}`,
      );
    }
    if (value === undefined) {
      value = rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
    }
    if (type === 'number' && !Number.isFinite(Number(value))) {
      throw new UsageError(`--${name} must be a number; got '${echo(value)}'`);
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
  const state = flags['state'] ?? '';
  const parsed = parseState(state, models);
  // A share link carries the app's own keys (view=portrait&runs=4) beside the model's: the
  // README promises that --state takes one, so there an unknown key is a note, not an error.
  const shareLink = /^[a-z][a-z0-9+.-]*:\/\//i.test(state.trim()) || state.includes('?');
  const fatal = parsed.notices.filter(
    (n) => n.level === 'rejected' || (n.level === 'unknown' && !shareLink),
  );
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

function isHelp(arg: string): boolean {
  return arg === '--help' || arg === '-h' || arg === 'help';
}

/**
 * Run the CLI on argv (without 'node script'); never throws. What it prints is terminal-safe:
 * no control character a user typed reaches the terminal raw (stderr shows them as \x1b, and
 * JSON escapes them).
 */
export function runCli(argv: string[]): CliResult {
  const result = runCommand(argv);
  return {
    code: result.code,
    stdout: result.stdout.startsWith('{') ? jsonSafe(result.stdout) : result.stdout,
    stderr: result.stderr
      .split('\n')
      .map((line) => visibleControls(line))
      .join('\n'),
  };
}

function runCommand(argv: string[]): CliResult {
  try {
    const { command, flags } = parseArgs(argv);
    if (command === 'models') return ok(modelsJson());
    if (command === 'presets') return { code: 0, stdout: presetsOutput(models, flags), stderr: '' };
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
      if (run.status === 'max-steps') {
        // An early stop is not a result: say where, and exit as for a divergence.
        warnings.push(
          `macroscope: the ODE solver stopped at t = ${run.tStopped.toPrecision(6)} of T = ${num(params, 'T')} after ${run.stats.steps} steps (its step limit); the system is stiff or oscillates fast here`,
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
    if (command === 'figure') {
      const figure = figureJson(model, params, flags);
      // --out - writes the SVG itself to stdout, as Unix tools read '-'.
      if ('svg' in figure) return { code: 0, stdout: figure.svg, stderr: lines(warnings) };
      return ok(figure, warnings);
    }
    if (command === 'scan') return ok(scanJson(model, params, flags), warnings);
    if (command in CONTINUE_COMMANDS) return ok(continueJson(model, params, flags), warnings);
    if (command === 'cloud') return ok(cloudJson(model, params, flags), warnings);
    if (command in MANY_RUN_COMMANDS)
      return ok(manyRunsJson(command, model, params, flags), warnings);
    // sgd
    const samples = intFlag(flags, 'samples', 61, 2, 100000);
    // Runs are cheap with the exact reduced chains; 4096 keeps the output a few MB.
    const runs = intFlag(flags, 'runs', 1, 1, 4096);
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
    if (err instanceof HelpRequest) return { code: 0, stdout: USAGE + '\n', stderr: '' };
    if (err instanceof UsageError || err instanceof InputError)
      return { code: 2, stdout: '', stderr: `macroscope: ${err.message}\n` };
    const message = err instanceof Error ? err.message : String(err);
    return { code: 1, stdout: '', stderr: `macroscope: internal error: ${message}\n` };
  }
}

function figureJson(
  model: Model,
  params: Params,
  flags: Record<string, string>,
): { svg: string } | { model: string; view: string; out: string; bytes: number } {
  const view = flags['view'] ?? 'diagram';
  const out = flags['out'];
  if (!out) throw new UsageError('figure needs --out FILE.svg (or --out - for stdout)');
  const caption = `${model.title} · ${serializeState(model, params)}`;
  let svg: string;
  if (view === 'diagram') {
    const d = viewSpec(model, 'diagram');
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
  } else if (view === 'cloud') {
    svg = cloudSvg(model, params, caption, flags['at']);
  } else if (view === 'bifurcation') {
    svg = bifurcationFigureSvg(model, params, flags);
  } else {
    throw new UsageError(
      `--view must be diagram, trajectories, cloud or bifurcation; got '${view}' (the other views export from the browser)`,
    );
  }
  if (out === '-') return { svg };
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
