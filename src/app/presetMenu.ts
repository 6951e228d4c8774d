/**
 * Which entry the presets menu shows, and the state a menu entry loads. Pure, unit-tested.
 *
 * Two presets may share every parameter and differ only in the view that shows their figure
 * (PCA Fig. 1(a) and 1(b), Figs. 2–3 and Fig. 5), so a preset chosen from the menu is kept in
 * the state (`p`) and named by the menu as long as no parameter changes. Without `p` (a link
 * from before, or after a change), the menu names the preset that matches the most keys, its
 * view keys included, or "defaults" for the model's defaults, or "custom".
 */
import type { Model, Preset } from '../core/model';
import { parseState, serializeState } from '../core/state';

/** The menu's value for the model's default state. */
export const DEFAULTS_ENTRY = 'defaults';
/** The menu's value for any other state. */
export const CUSTOM_ENTRY = 'custom';

/** True when every key=value of the preset appears in the query (η=2 matches η_T = η_G = 2). */
export function presetMatches(query: string, presetState: string): boolean {
  const have = new URLSearchParams(query);
  for (const [k, v] of new URLSearchParams(presetState)) {
    const mine = have.get(k);
    if (mine === v) continue;
    if (mine === null || Number(mine) !== Number(v)) return false;
  }
  return true;
}

/** A preset's parameters and view keys, as one state string (without the model). */
export function presetKeys(preset: Preset): string {
  return preset.view ? `${preset.state}&${preset.view}` : preset.state;
}

/** The state string a menu entry loads: the preset with its view, tab and `p`. */
export function presetLink(model: Model, entry: string): string {
  const preset = model.presets.find((p) => p.id === entry);
  if (!preset) return `model=${model.id}`;
  return `model=${model.id}&${presetKeys(preset)}&p=${preset.id}`;
}

/**
 * The menu entry for a state: a preset id, DEFAULTS_ENTRY or CUSTOM_ENTRY. The header and the
 * presenter's deck both ask on every render, and a slider move renders both: the last answer is
 * kept (a match parses every preset's keys, ~1 ms of the main thread per call on the GAN).
 */
export function menuEntry(model: Model, query: string, chosen: string | null): string {
  const last = lastEntry;
  if (last && last.model === model && last.query === query && last.chosen === chosen)
    return last.entry;
  const entry = findEntry(model, query, chosen);
  lastEntry = { model, query, chosen, entry };
  return entry;
}

let lastEntry: { model: Model; query: string; chosen: string | null; entry: string } | null = null;

/** The model's default state string, computed once per model. */
const defaultStates = new WeakMap<Model, string>();

function findEntry(model: Model, query: string, chosen: string | null): string {
  if (chosen !== null && model.presets.some((p) => p.id === chosen)) return chosen;
  let best: { id: string; keys: number } | null = null;
  for (const p of model.presets) {
    const keys = presetKeys(p);
    if (!presetMatches(query, keys)) continue;
    const count = [...new URLSearchParams(keys)].length;
    if (!best || count > best.keys) best = { id: p.id, keys: count };
  }
  if (best) return best.id;
  let defaults = defaultStates.get(model);
  if (defaults === undefined) {
    defaults = serializeState(model, parseState(`model=${model.id}`, [model]).params);
    defaultStates.set(model, defaults);
  }
  return query === defaults ? DEFAULTS_ENTRY : CUSTOM_ENTRY;
}
