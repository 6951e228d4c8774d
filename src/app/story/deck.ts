/**
 * The scenes ←/→ step through: the story on (a shipped one, or one from a link, decoded once and
 * cached), else the model's presets, its default story. Stepping loads the scene's state and
 * pushes a history entry, so Back returns to the previous scene. Presentation mode is the
 * viewer's: a scene without present=1 keeps it on while presenting.
 */
import type { Model } from '../../core/model';
import { DEFAULTS_ENTRY, menuEntry, presetLink } from '../presetMenu';
import type { AppState, AppStore } from '../store';
import { decodeStory } from './codec';
import { SHIPPED_STORIES } from './stories';
import { type Checked, type Scene, type Story } from './story';

export interface Deck {
  kind: 'story' | 'presets';
  title: string;
  scenes: Scene[];
  /** The scene on show, from 0; −1: none of them (a custom state among the presets). */
  index: number;
  /** What the state is when it is none of the scenes: the model's defaults, or custom. */
  offDeck: 'defaults' | 'custom';
}

const decoded = new Map<string, Checked<Story>>();

/** A shipped story at once, a decoded link's story once decoded; undefined while decoding. */
export function cachedStory(raw: string): Checked<Story> | undefined {
  const shipped = SHIPPED_STORIES.find((s) => s.id === raw);
  if (shipped) return { ok: true, value: { title: shipped.title, scenes: shipped.scenes } };
  return decoded.get(raw);
}

/** Decode a story link's value (cached: the same value is decoded once). */
export async function resolveStory(raw: string): Promise<Checked<Story>> {
  const known = cachedStory(raw);
  if (known) return known;
  const result = await decodeStory(raw);
  decoded.set(raw, result);
  return result;
}

/** Remember a story just encoded, so that its link needs no decoding. */
export function rememberStory(raw: string, story: Story): void {
  decoded.set(raw, { ok: true, value: story });
}

/** A preset's caption: its figure, title and one line, as plain text ($ kept literal). */
function presetCaption(p: AppState['model']['presets'][number]): string {
  return `${p.figure} · ${p.title}: ${p.description}`.replace(/\$/g, '\\$');
}

/** The deck for a state: its story's scenes (when decoded), else its model's presets. */
export function deckOf(s: AppState): Deck | null {
  if (s.story !== null) {
    const story = cachedStory(s.story);
    if (!story?.ok) return null;
    const index = Math.min(story.value.scenes.length, s.scene ?? 1) - 1;
    return {
      kind: 'story',
      title: story.value.title,
      scenes: story.value.scenes,
      index,
      offDeck: 'custom',
    };
  }
  const presets = s.model.presets;
  const scenes = presetScenes(s.model);
  // The menu's answer: the preset chosen (p), else the best match (presetMenu.ts).
  const entry = menuEntry(s.model, s.query, s.preset);
  const index = presets.findIndex((p) => p.id === entry);
  const offDeck = entry === DEFAULTS_ENTRY ? 'defaults' : 'custom';
  return { kind: 'presets', title: `Presets of ${s.model.title}`, scenes, index, offDeck };
}

/** The presets as scenes, built once per model (the deck is asked for on every render). */
const scenesOfModel = new WeakMap<Model, Scene[]>();
function presetScenes(model: Model): Scene[] {
  let scenes = scenesOfModel.get(model);
  if (!scenes) {
    scenes = model.presets.map((p) => ({
      state: presetLink(model, p.id),
      caption: presetCaption(p),
    }));
    scenesOfModel.set(model, scenes);
  }
  return scenes;
}

/** The state string of scene k of the deck, with the story's keys and presentation kept. */
export function sceneQuery(s: AppState, deck: Deck, k: number): string {
  const scene = deck.scenes[k];
  if (!scene) return s.query;
  const keys = new URLSearchParams(scene.state);
  const extra: string[] = [];
  if (s.present && !keys.has('present')) extra.push('present=1');
  if (deck.kind === 'story' && s.story !== null) extra.push(`story=${s.story}`, `scene=${k + 1}`);
  return [scene.state, ...extra].join('&');
}

/** Load a state and push it to the history (a step, a chosen story), as the presets menu does. */
export function loadPushed(store: AppStore, query: string): void {
  store.getState().load(query);
  window.history.pushState(null, '', `${window.location.pathname}?${store.getState().query}`);
}

/** Show scene k (from 0) of the current deck; false when there is no such scene. */
export function goToScene(store: AppStore, k: number, replace = false): boolean {
  const s = store.getState();
  const deck = deckOf(s);
  if (!deck || k < 0 || k >= deck.scenes.length) return false;
  if (replace) store.getState().load(sceneQuery(s, deck, k));
  else loadPushed(store, sceneQuery(s, deck, k));
  return true;
}

/**
 * A link that names a story but no state (`?story=gan`, `?story=…&scene=3`, as a lecturer
 * types it) opens on that scene's state; a link with its state (`model=` present) is kept.
 */
export function opensOnScene(search: string): boolean {
  const keys = new URLSearchParams(search);
  return keys.has('story') && !keys.has('model');
}

/** The next (+1) or previous (−1) scene; from a custom state, → goes to the first. */
export function stepScene(store: AppStore, direction: 1 | -1): boolean {
  const deck = deckOf(store.getState());
  if (!deck) return false;
  const k = deck.index < 0 ? (direction > 0 ? 0 : deck.scenes.length - 1) : deck.index + direction;
  return goToScene(store, k);
}
