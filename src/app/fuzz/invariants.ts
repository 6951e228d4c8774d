/**
 * What must hold of every state a link can produce (issue 16): each parameter within its
 * table's bounds, each app setting valid for the model, and a link that reads back as itself
 * without a notice. The fuzz tests check these over random and hostile state strings.
 */
import type { Model } from '../../core/model';
import type { Params, ParamSpec } from '../../core/params';
import { axisBounds } from '../appKeyChecks';
import {
  MAX_MANY_RUNS,
  MAX_RUNS,
  stateNamesOrNone,
  TABBED_VIEWS,
  type ViewSettings,
} from '../appKeys';
import { PORTRAIT_TIME } from '../keyKinds';
import { viewAvailable } from '../views/available';
import { diagramAxes } from '../views/diagram/axes';
import { MAX_OVERLAY_VALUES } from '../views/trajectories/keys';

function paramProblem(spec: ParamSpec, v: Params[string] | undefined, p: Params): string | null {
  if (spec.kind === 'enum') {
    if (typeof v !== 'string') return 'not a string';
    return spec.options.includes(v) || spec.accepts?.(v) === null ? null : `'${v}' not accepted`;
  }
  if (spec.kind === 'vector') {
    if (!Array.isArray(v)) return 'not a list';
    const base = p[spec.lengthFrom];
    const lengths = (spec.powers ?? [1]).map((k) => Math.pow(base as number, k));
    if (typeof base === 'number' && !lengths.includes(v.length)) return `length ${v.length}`;
    const bad = v.find((x) => !(Number.isFinite(x) && x >= spec.min && x <= spec.max));
    return bad === undefined ? null : `entry ${bad} outside [${spec.min}, ${spec.max}]`;
  }
  if (typeof v !== 'number') return 'not a number';
  if (v === Number.POSITIVE_INFINITY && spec.allowInfinity) return null;
  if (!(Number.isFinite(v) && v >= spec.min && v <= spec.max)) return `${v} out of bounds`;
  return spec.kind === 'integer' && !Number.isInteger(v) ? `${v} not an integer` : null;
}

/** Problems of the model's parameters (empty: all within the table's bounds). */
export function paramProblems(model: Model, params: Params): string[] {
  const out: string[] = [];
  for (const spec of model.params) {
    const problem = paramProblem(spec, params[spec.key], params);
    if (problem) out.push(`${spec.key}: ${problem}`);
  }
  return out;
}

const inRange = (x: number, [lo, hi]: [number, number]) => Number.isFinite(x) && x >= lo && x <= hi;

/** Problems of the app's settings for this model and these parameters. */
export function settingProblems(model: Model, params: Params, s: ViewSettings): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const names = stateNamesOrNone(model, params);
  const T = params['T'] as number;
  check(Number.isInteger(s.runs) && s.runs >= 1 && s.runs <= MAX_RUNS, `runs ${s.runs}`);
  // An axis is an order parameter of the state, or t (a one-dimensional state plots Q against t).
  const axisOk = (a: string) => names.includes(a) || a === PORTRAIT_TIME;
  check(axisOk(s.x) && axisOk(s.y), `portrait axes ${s.x}, ${s.y}`);
  check(viewAvailable(model, s.view), `view ${s.view}`);
  check(s.view !== 'diagram' || diagramAxes(model, s) !== null, 'a diagram without axes');
  const tabs: readonly string[] = TABBED_VIEWS;
  check(s.tab === null || (tabs.includes(s.tab) && viewAvailable(model, s.tab)), `tab ${s.tab}`);
  for (const t of [s.timeCursor, s.histogramTime])
    check(t === null || inRange(t, [0, T]), `time ${t}`);
  for (const axis of [s.diagramX, s.diagramY, s.bifurcationAxis]) {
    if (axis === null) continue;
    const bounds = axisBounds(model, axis.param);
    const ok = axis.from < axis.to && inRange(axis.from, bounds) && inRange(axis.to, bounds);
    check(ok, `axis ${axis.param}:${axis.from}:${axis.to}`);
  }
  check(Number.isInteger(s.diagramCells) && s.diagramCells >= 4 && s.diagramCells <= 100, 'dn');
  if (s.overlayValues) {
    const { param, values } = s.overlayValues;
    const bounds = axisBounds(model, param);
    check(values.length >= 1 && values.length <= MAX_OVERLAY_VALUES, 'ov length');
    check(
      values.every((v) => inRange(v, bounds)),
      `ov ${values.join(',')}`,
    );
  }
  const nr = s.manyRuns;
  check(nr === null || (Number.isInteger(nr) && nr >= 2 && nr <= MAX_MANY_RUNS), `nr ${nr}`);
  return out;
}
