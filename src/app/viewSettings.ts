/**
 * The app's own URL keys (APP_KEYS): their types, validation against the model (with notices
 * for what is clamped or rejected) and their canonical string. Pure, unit-tested in Node.
 */
import { type Model, type Notice, scansOf } from '../core/model';
import type { Params } from '../core/params';
import type { DiagramAxis } from '../workers/protocol';

/** URL keys that belong to the app, not to a model. */
export const APP_KEYS = [
  'runs',
  'x',
  'y',
  'tc',
  'cos',
  'vf',
  'view',
  'dx',
  'dy',
  'dn',
  'ov',
  'sc',
  'att',
  'lg',
  'ht',
  'nr',
  'tab',
] as const;
export const VIEWS = [
  'explorer',
  'figure',
  'trajectories',
  'portrait',
  'cloud',
  'rate',
  'fluctuation',
  'basins',
  'scan',
  'diagram',
] as const;
export type ViewMode = (typeof VIEWS)[number];
export const MAX_RUNS = 16;
/** Views that share the third panel, as tabs, when a model has more than one of them. */
export const TABBED_VIEWS = ['cloud', 'rate', 'fluctuation', 'basins', 'scan'] as const;

/** The app's own view settings, all in the URL. */
export interface ViewSettings {
  /** SGD runs averaged, 1..16. */
  runs: number;
  /** Phase-portrait axes (order-parameter names). */
  x: string;
  y: string;
  /** Time cursor shared by the views (null: the end). */
  tc: number | null;
  /** Show the model's derived 'cosines' series instead of the raw overlaps. */
  cos: boolean;
  /** Show the vector field and nullclines on the portrait (other coordinates pinned at the cursor). */
  vf: boolean;
  view: ViewMode;
  /** Phase-diagram axes (a parameter or a derived axis, with its range) and cells per axis. */
  dx: DiagramAxis | null;
  dy: DiagramAxis | null;
  dn: number;
  /** Overlay: ODE curves for several values of one parameter (e.g. β = 0.5, 1, 1.5). */
  ov: { param: string; values: number[] } | null;
  /** The scan shown, by ScanSpec id (null: the model's first). */
  sc: string | null;
  /** Shade the attraction regions on the portrait (views.attraction). */
  att: boolean;
  /** Log-scaled portrait axes (offered by views.attraction.log). */
  lg: boolean;
  /** Time of the fluctuation view's histogram (null: the end). */
  ht: number | null;
  /** Runs of the many-runs views (fluctuation, basins); null: the model's default. */
  nr: number | null;
  /** The view shown in the tabbed panel when a model has more views than panels. */
  tab: string | null;
}

/** Validate the app's keys against the model; returns settings and notices. */
export function parseViewSettings(
  model: Model,
  params: Params,
  extras: Record<string, string>,
): { settings: ViewSettings; notices: Notice[] } {
  const notices: Notice[] = [];
  const names = model.stateNames(params);
  // The model's default portrait axes, or (when this state lacks them, e.g. one feature of
  // a model whose default plane is (Q1, Q2)) its first two order parameters.
  const fallback = (name: string, k: number) =>
    names.includes(name) ? name : (names[k] ?? names[0] ?? name);
  const settings: ViewSettings = {
    runs: 1,
    x: fallback(model.views.portrait.x, 0),
    y: fallback(model.views.portrait.y, 1),
    tc: null,
    cos: false,
    vf: false,
    view: 'explorer',
    dx: null,
    dy: null,
    dn: 30,
    ov: null,
    sc: null,
    att: false,
    lg: false,
    ht: null,
    nr: null,
    tab: null,
  };
  if (extras['runs'] !== undefined) {
    const r = Number(extras['runs']);
    if (!Number.isFinite(r)) {
      notices.push({
        key: 'runs',
        level: 'rejected',
        message: `runs must be a number in 1..${MAX_RUNS}; got '${extras['runs']}', using 1`,
      });
    } else {
      settings.runs = Math.min(MAX_RUNS, Math.max(1, Math.round(r)));
      if (settings.runs !== r)
        notices.push({
          key: 'runs',
          level: 'clamped',
          message: `runs must be an integer in 1..${MAX_RUNS}; got ${extras['runs']}, using ${settings.runs}`,
        });
    }
  }
  for (const axis of ['x', 'y'] as const) {
    const v = extras[axis];
    if (v === undefined) continue;
    if (names.includes(v)) settings[axis] = v;
    else
      notices.push({
        key: axis,
        level: 'rejected',
        message: `portrait axis ${axis}=${v} is not an order parameter of this state (${names.join(', ')}); using ${settings[axis]}`,
      });
  }
  settings.tc = parseTime(extras, 'tc', 'the time cursor tc', params, notices);
  if (extras['cos'] !== undefined) settings.cos = extras['cos'] === '1' || extras['cos'] === 'true';
  if (extras['vf'] !== undefined) settings.vf = extras['vf'] === '1' || extras['vf'] === 'true';
  if (extras['view'] !== undefined) {
    const v = extras['view'];
    if ((VIEWS as readonly string[]).includes(v)) settings.view = v as ViewMode;
    else
      notices.push({
        key: 'view',
        level: 'rejected',
        message: `view must be one of ${VIEWS.join(', ')}; got '${v}', using explorer`,
      });
  }
  const axisKeys = [
    ...model.params.filter((s) => s.kind === 'number').map((s) => s.key),
    ...(model.theory?.derivedAxes ?? []).map((a) => a.key),
  ];
  for (const key of ['dx', 'dy'] as const) {
    const v = extras[key];
    if (v === undefined) continue;
    const [param = '', from, to] = v.split(':');
    const a = Number(from);
    const b = Number(to);
    if (!axisKeys.includes(param) || !Number.isFinite(a) || !Number.isFinite(b) || a === b) {
      notices.push({
        key,
        level: 'rejected',
        message: `${key} must look like name:from:to with name in ${axisKeys.join(', ')}; got '${v}', using the default`,
      });
    } else settings[key] = { param, from: Math.min(a, b), to: Math.max(a, b) };
  }
  if (extras['dn'] !== undefined) {
    const n = Number(extras['dn']);
    const c = Math.min(100, Math.max(4, Math.round(Number.isFinite(n) ? n : 30)));
    if (c !== n)
      notices.push({
        key: 'dn',
        level: 'clamped',
        message: `dn (cells per axis) must be an integer in 4..100; got ${extras['dn']}, using ${c}`,
      });
    settings.dn = c;
  }
  if (extras['ov'] !== undefined) {
    const [param = '', list = ''] = extras['ov'].split(':');
    const spec = model.params.find((sp) => sp.key === param);
    const derived = model.theory?.derivedAxes?.some((a) => a.key === param) ?? false;
    const values = list.split(',').map(Number);
    if (
      (!derived && (!spec || spec.kind !== 'number')) ||
      values.length === 0 ||
      values.some((v) => !Number.isFinite(v))
    ) {
      const axes = model.theory?.derivedAxes?.map((a) => a.key) ?? [];
      notices.push({
        key: 'ov',
        level: 'rejected',
        message: `ov must look like name:v1,v2,… with a numeric parameter${axes.length ? ` or ${axes.join(', ')}` : ''}; got '${extras['ov']}'`,
      });
    } else {
      // A derived axis is checked by the model's own validation at each value.
      const lo = spec?.kind === 'number' ? spec.min : Number.NEGATIVE_INFINITY;
      const hi = spec?.kind === 'number' ? spec.max : Number.POSITIVE_INFINITY;
      const clamped = values.slice(0, 8).map((v) => Math.min(hi, Math.max(lo, v)));
      if (clamped.some((v, k) => v !== values[k]) || values.length > 8) {
        notices.push({
          key: 'ov',
          level: 'clamped',
          message: `overlay values must be in [${lo}, ${hi}], at most 8; using ${clamped.join(',')}`,
        });
      }
      settings.ov = { param, values: clamped };
    }
  }
  parseManyRunSettings(model, params, extras, settings, notices);
  return { settings, notices };
}

const MAX_MANY_RUNS = 1000;

/** A time key (tc, ht) in [0, T]: clamped with a notice, or null (the end) when not a number. */
function parseTime(
  extras: Record<string, string>,
  key: 'tc' | 'ht',
  what: string,
  params: Params,
  notices: Notice[],
): number | null {
  const raw = extras[key];
  if (raw === undefined) return null;
  const t = Number(raw);
  const T = params['T'] as number;
  if (!Number.isFinite(t)) {
    notices.push({
      key,
      level: 'rejected',
      message: `${what} must be a number; got '${raw}', using the end`,
    });
    return null;
  }
  const clamped = Math.min(T, Math.max(0, t));
  if (clamped !== t)
    notices.push({
      key,
      level: 'clamped',
      message: `${what} must be in [0, ${T}]; got ${t}, using ${clamped}`,
    });
  return clamped;
}

/** The keys of the scan, attraction, fluctuation and basins views. */
function parseManyRunSettings(
  model: Model,
  params: Params,
  extras: Record<string, string>,
  settings: ViewSettings,
  notices: Notice[],
): void {
  const flag = (v: string | undefined) => v === '1' || v === 'true';
  if (extras['sc'] !== undefined) {
    const ids = scansOf(model).map((sp, k) => sp.id ?? String(k));
    if (ids.includes(extras['sc'])) settings.sc = extras['sc'];
    else
      notices.push({
        key: 'sc',
        level: 'rejected',
        message: `sc must name one of this model's scans (${ids.join(', ') || 'none'}); got '${extras['sc']}'`,
      });
  }
  if (extras['att'] !== undefined) settings.att = flag(extras['att']);
  if (extras['tab'] !== undefined) {
    if ((TABBED_VIEWS as readonly string[]).includes(extras['tab'])) settings.tab = extras['tab'];
    else
      notices.push({
        key: 'tab',
        level: 'rejected',
        message: `tab must be one of ${TABBED_VIEWS.join(', ')}; got '${extras['tab']}'`,
      });
  }
  if (extras['lg'] !== undefined) settings.lg = flag(extras['lg']);
  settings.ht = parseTime(extras, 'ht', 'the histogram time ht', params, notices);
  if (extras['nr'] !== undefined) {
    const r = Number(extras['nr']);
    const c = Math.min(MAX_MANY_RUNS, Math.max(2, Math.round(Number.isFinite(r) ? r : 0)));
    if (!Number.isFinite(r))
      notices.push({
        key: 'nr',
        level: 'rejected',
        message: `nr (runs of the many-runs views) must be an integer in 2..${MAX_MANY_RUNS}; got '${extras['nr']}', using the default`,
      });
    else {
      settings.nr = c;
      if (c !== r)
        notices.push({
          key: 'nr',
          level: 'clamped',
          message: `nr (runs of the many-runs views) must be an integer in 2..${MAX_MANY_RUNS}; got ${r}, using ${c}`,
        });
    }
  }
}

/** The phase diagram's axes: the URL's or the model's default. */
export function diagramAxes(
  model: Model,
  s: Pick<ViewSettings, 'dx' | 'dy'>,
): { x: DiagramAxis; y: DiagramAxis } | null {
  const d = model.views.diagram;
  const x = s.dx ?? (d ? { param: d.x, from: d.xRange[0], to: d.xRange[1] } : null);
  const y = s.dy ?? (d ? { param: d.y, from: d.yRange[0], to: d.yRange[1] } : null);
  return x && y ? { x, y } : null;
}

/** What a diagram depends on: the model state without the parameters its axes set. */
export function diagramKey(
  model: Model,
  params: Params,
  x: DiagramAxis,
  y: DiagramAxis,
  n: number,
): string {
  const skip = new Set<string>([
    'T',
    'n',
    'seed',
    ...Object.keys(model.views.diagram?.fixed ?? {}),
  ]);
  for (const axis of [x, y]) {
    skip.add(axis.param);
    for (const k of model.theory?.derivedAxes?.find((a) => a.key === axis.param)?.params ?? [])
      skip.add(k);
  }
  const rest = Object.entries(params).filter(([k]) => !skip.has(k));
  return JSON.stringify([model.id, rest, x, y, n]);
}

/** The state names, or none for parameters not yet validated that the model cannot lay out. */
export function stateNamesOrNone(model: Model, params: Params): string[] {
  try {
    return model.stateNames(params);
  } catch {
    return [];
  }
}

/** The app keys worth writing (defaults are left out to keep links short). */
export function extrasOf(model: Model, params: Params, s: ViewSettings): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.runs !== 1) out['runs'] = String(s.runs);
  const names = stateNamesOrNone(model, params);
  if (names.includes(model.views.portrait.x) ? s.x !== model.views.portrait.x : s.x !== names[0])
    out['x'] = s.x;
  if (
    names.includes(model.views.portrait.y)
      ? s.y !== model.views.portrait.y
      : s.y !== (names[1] ?? names[0])
  )
    out['y'] = s.y;
  if (s.tc !== null) out['tc'] = String(Number(s.tc.toPrecision(6)));
  if (s.cos) out['cos'] = '1';
  if (s.vf) out['vf'] = '1';
  if (s.view !== 'explorer') out['view'] = s.view;
  const axis = (a: DiagramAxis) => `${a.param}:${a.from}:${a.to}`;
  if (s.dx) out['dx'] = axis(s.dx);
  if (s.dy) out['dy'] = axis(s.dy);
  if (s.dn !== 30) out['dn'] = String(s.dn);
  if (s.ov) out['ov'] = `${s.ov.param}:${s.ov.values.join(',')}`;
  if (s.sc !== null) out['sc'] = s.sc;
  if (s.att) out['att'] = '1';
  if (s.lg) out['lg'] = '1';
  if (s.ht !== null) out['ht'] = String(Number(s.ht.toPrecision(6)));
  if (s.nr !== null) out['nr'] = String(s.nr);
  if (s.tab !== null) out['tab'] = s.tab;
  return out;
}
