/**
 * The app's own URL keys, as one typed table (like the models' parameter tables in core/params):
 * for each setting its full name in code, its short key in the URL, its default, how it is
 * parsed and validated (with a notice for what is clamped or rejected) and how it is written.
 * A value equal to its default is left out of the link. Pure, unit-tested in Node.
 */
import { echo } from '../core/echo';
import type { Model, Notice } from '../core/model';
import type { Params } from '../core/params';
import { crossCheck, tabKey, viewKey } from './appKeyChecks';
import { type Hideable, hideKey } from './embed/controls';
import {
  type AppKey,
  clampedInteger,
  flagKey,
  type KeyContext,
  type KeyRows,
  type Report,
  timeKey,
} from './keyKinds';
import { parsePins, writePins } from './pins/codec';
import { PLAY_SPEEDS } from './play/clock';
import { controlsKey, showKey } from './present/presentKeys';
import { sceneKey, storyKey } from './story/storyKey';
import { attractionKeys, type AttractionSettings } from './views/attraction/keys';
import { bifurcationKeys, type BifurcationSettings } from './views/bifurcation/keys';
import { diagramKeys, type DiagramSettings } from './views/diagram/keys';
import { equationsKeys, type EquationsSettings } from './views/equations/keys';
import { fluctuationKeys, type FluctuationSettings } from './views/fluctuation/keys';
import { portraitKeys, type PortraitSettings } from './views/portrait/keys';
import { scanKeys, type ScanSettings } from './views/scan/keys';
import { trajectoriesKeys, type TrajectoriesSettings } from './views/trajectories/keys';

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
  'bifurcation',
  'equations',
] as const;
export type ViewMode = (typeof VIEWS)[number];
/** Views that share the third panel, as tabs, when a model has more than one of them. */
export const TABBED_VIEWS = [
  'cloud',
  'rate',
  'fluctuation',
  'basins',
  'scan',
  'bifurcation',
  'equations',
] as const;
/** Runs of the dots: the reduced chains make hundreds cheap. */
export const MAX_RUNS = 256;
/** 1–8 one by one, then doubling to MAX_RUNS, and the current value (a link may hold any). */
export function runChoices(current: number): number[] {
  const choices = [1, 2, 3, 4, 5, 6, 7, 8];
  for (let r = 16; r <= MAX_RUNS; r *= 2) choices.push(r);
  return [...new Set([...choices, current])].sort((a, b) => a - b);
}
export const MAX_MANY_RUNS = 1000;

/**
 * The app's own settings, all in the URL (the short key of each is in APP_KEY_TABLE): the
 * shell's here, each view's in its folder's keys.ts.
 */
export interface ViewSettings
  extends
    TrajectoriesSettings,
    PortraitSettings,
    AttractionSettings,
    DiagramSettings,
    ScanSettings,
    FluctuationSettings,
    BifurcationSettings,
    EquationsSettings {
  /** SGD runs averaged, 1..MAX_RUNS (runs). */
  runs: number;
  /** Time cursor shared by the views; null: the end (tc). */
  timeCursor: number | null;
  /** The layout, or the one view maximised (view). */
  view: ViewMode;
  /** Runs of the many-runs views (fluctuation, basins); null: the view's default (nr). */
  manyRuns: number | null;
  /** The view shown in the tabbed panel (tab). */
  tab: string | null;
  /** Chrome-free, for an iframe: no header, panel or status line (embed). */
  embed: boolean;
  /** Controls hidden by the link, e.g. panel, export, legend (hide; embed/controls.ts). */
  hide: readonly Hideable[];
  /**
   * The preset chosen from the menu, by id (p): two presets may share every parameter and
   * differ only in the figure they show, so the menu cannot tell them apart from the values.
   * Changing a parameter drops it (store.ts).
   */
  preset: string | null;
  /** Presentation mode: no panel or chrome, the views on show fill the screen (present). */
  present: boolean;
  /** The views on show, by id, in order; null: the usual grid (show). */
  show: string[] | null;
  /** The sliders presentation mode keeps on screen, by parameter key (ctl). */
  controls: string[] | null;
  /** The story on: a shipped story's id or an encoded story (story/codec.ts) (story). */
  story: string | null;
  /** The story's scene on show, from 1; null: none chosen (scene). */
  scene: number | null;
  /** Play speed, a multiple of "the whole run in 10 s" (PLAY_SPEEDS; ps). */
  playSpeed: number;
  /** Play starts over at the end (loop). */
  playLoop: boolean;
  /** Pinned states drawn as ghost layers, compact form (pins/codec.ts; pin). */
  pins: string[];
}

type Table = KeyRows<ViewSettings>;

/**
 * The table, in the order the keys appear in a link (a shared link's form: kept as it was when
 * the views' rows moved into their folders, so old links and tests read the same).
 */
export const APP_KEY_TABLE: Table = {
  preset: {
    url: 'p',
    default: () => null,
    parse(raw, c, report) {
      if (c.model.presets.some((p) => p.id === raw)) return raw;
      report(
        'rejected',
        `p must name one of this model's presets (${c.model.presets.map((p) => p.id).join(', ')}); got '${echo(raw)}'`,
      );
      return undefined;
    },
    write: (v) => v,
  },
  runs: {
    url: 'runs',
    default: () => 1,
    parse(raw, _c, report) {
      if (Number.isFinite(Number(raw)))
        return clampedInteger(raw, [1, MAX_RUNS], 1, 'runs', report);
      report('rejected', `runs must be a number in 1..${MAX_RUNS}; got '${echo(raw)}', using 1`);
      return undefined;
    },
    write: (v) => String(v),
  },
  x: portraitKeys.x,
  y: portraitKeys.y,
  timeCursor: timeKey('tc', 'the time cursor tc'),
  cosines: trajectoriesKeys.cosines,
  vectorField: portraitKeys.vectorField,
  view: viewKey(VIEWS),
  diagramX: diagramKeys.diagramX,
  diagramY: diagramKeys.diagramY,
  diagramCells: diagramKeys.diagramCells,
  overlayValues: trajectoriesKeys.overlayValues,
  scanId: scanKeys.scanId,
  fluctuationId: fluctuationKeys.fluctuationId,
  showAttraction: attractionKeys.showAttraction,
  tab: tabKey(TABBED_VIEWS),
  logAxes: portraitKeys.logAxes,
  histogramTime: fluctuationKeys.histogramTime,
  bifurcationAxis: bifurcationKeys.bifurcationAxis,
  bifurcationY: bifurcationKeys.bifurcationY,
  manyRuns: {
    url: 'nr',
    default: () => null,
    parse(raw, _c, report) {
      const what = 'nr (runs of the many-runs views)';
      if (Number.isFinite(Number(raw)))
        return clampedInteger(raw, [2, MAX_MANY_RUNS], 0, what, report);
      report(
        'rejected',
        `${what} must be an integer in 2..${MAX_MANY_RUNS}; got '${echo(raw)}', using the default`,
      );
      return undefined;
    },
    write: (v) => (v === null ? null : String(v)),
  },
  equationValues: equationsKeys.equationValues,
  embed: flagKey('embed'),
  hide: hideKey,
  toggledSeries: trajectoriesKeys.toggledSeries,
  present: flagKey('present'),
  show: showKey,
  controls: controlsKey,
  story: storyKey,
  scene: sceneKey,
  playSpeed: {
    url: 'ps',
    default: () => 1,
    parse(raw, _c, report) {
      const v = Number(raw);
      if ((PLAY_SPEEDS as readonly number[]).includes(v)) return v;
      report(
        'rejected',
        `ps (play speed) must be one of ${PLAY_SPEEDS.join(', ')}; got '${echo(raw)}', using 1`,
      );
      return undefined;
    },
    write: (v) => String(v),
  },
  playLoop: flagKey('loop'),
  pins: {
    url: 'pin',
    default: () => [],
    parse: (raw, c, report) => parsePins(raw, c.model, report),
    write: writePins,
  },
};

/** The settings' full names, in table order. */
const NAMES = Object.keys(APP_KEY_TABLE) as (keyof ViewSettings)[];

/** The URL keys that belong to the app, not to a model. */
export const APP_KEYS: readonly string[] = NAMES.map((name) => APP_KEY_TABLE[name].url);

/** The state names, or none for parameters not yet validated that the model cannot lay out. */
export function stateNamesOrNone(model: Model, params: Params): string[] {
  try {
    return model.stateNames(params);
  } catch {
    return [];
  }
}

function contextOf(model: Model, params: Params): KeyContext {
  return { model, params, names: stateNamesOrNone(model, params) };
}

/** Parse one setting from its URL string (undefined: absent), or its default. */
function parseOne<K extends keyof ViewSettings>(
  name: K,
  raw: string | undefined,
  c: KeyContext,
  notices: Notice[],
): ViewSettings[K] {
  const row: AppKey<ViewSettings[K]> = APP_KEY_TABLE[name];
  const report: Report = (level, message) => notices.push({ key: row.url, level, message });
  return (raw === undefined ? undefined : row.parse(raw, c, report)) ?? row.default(c);
}

/** The URL string of one setting, or null when it is at its default. */
function writeOne<K extends keyof ViewSettings>(
  name: K,
  value: ViewSettings[K],
  c: KeyContext,
): string | null {
  const row: AppKey<ViewSettings[K]> = APP_KEY_TABLE[name];
  const written = row.write(value);
  return written === row.write(row.default(c)) ? null : written;
}

/** Build the settings from a function of each name (a mapped object over the table). */
function settingsFrom(
  value: <K extends keyof ViewSettings>(name: K) => ViewSettings[K],
): ViewSettings {
  return Object.fromEntries(NAMES.map((name) => [name, value(name)])) as unknown as ViewSettings;
}

/** Validate the app's keys (URL key → raw string) against the model; settings and notices. */
export function parseViewSettings(
  model: Model,
  params: Params,
  extras: Record<string, string>,
): { settings: ViewSettings; notices: Notice[] } {
  const c = contextOf(model, params);
  const notices: Notice[] = [];
  const settings = settingsFrom((name) =>
    parseOne(name, extras[APP_KEY_TABLE[name].url], c, notices),
  );
  return { settings: crossCheck(c, settings, notices), notices };
}

/** The app keys worth writing (URL key → string); values equal to their default are left out. */
export function extrasOf(model: Model, params: Params, s: ViewSettings): Record<string, string> {
  const c = contextOf(model, params);
  const out: Record<string, string> = {};
  for (const name of NAMES) {
    const value = writeOne(name, s[name], c);
    if (value !== null) out[APP_KEY_TABLE[name].url] = value;
  }
  return out;
}

/** The settings part of a state, with `change` applied (undefined members keep their value). */
export function mergeSettings(s: ViewSettings, change: Partial<ViewSettings>): ViewSettings {
  return settingsFrom(<K extends keyof ViewSettings>(name: K) => {
    const changed: ViewSettings[K] | undefined = change[name];
    return changed === undefined ? s[name] : changed;
  });
}
