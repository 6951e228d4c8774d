/**
 * A story: a titled list of scenes, each a state string (any model and app keys, including
 * present=1, show= and ctl=) and a caption (plain text, inline math between $…$, and
 * {key} placeholders filled from the state: caption.ts). Validation of anything that comes from
 * outside (a link, an imported file) lives here: it never throws, it says what is wrong.
 */

export interface Scene {
  /** A state query string, without a leading '?'. */
  state: string;
  caption: string;
}

export interface Story {
  title: string;
  scenes: Scene[];
}

export const STORY_VERSION = 1;
export const MAX_SCENES = 60;
export const MAX_STATE_LENGTH = 4000;
export const MAX_CAPTION_LENGTH = 1200;
export const MAX_TITLE_LENGTH = 200;

/** The keys a scene may not set itself: which story is on and which scene is the story bar's. */
const STORY_KEYS = ['story', 'scene'];

/** A scene's state without a leading '?', a share link's prefix, or the story's own keys. */
export function sceneState(input: string): string {
  const q = input.includes('?') ? input.slice(input.indexOf('?') + 1) : input;
  const params = new URLSearchParams(q.split('#')[0]);
  for (const key of STORY_KEYS) params.delete(key);
  return params.toString();
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): Checked<never> => ({ ok: false, message });

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkScene(x: unknown, k: number): Checked<Scene> {
  if (!isRecord(x)) return fail(`scene ${k} must be an object with "state" and "caption"`);
  const { state, caption } = x;
  if (typeof state !== 'string') return fail(`scene ${k}: "state" must be a string`);
  if (typeof caption !== 'string') return fail(`scene ${k}: "caption" must be a string`);
  if (state.length > MAX_STATE_LENGTH)
    return fail(`scene ${k}: "state" is longer than ${MAX_STATE_LENGTH} characters`);
  if (caption.length > MAX_CAPTION_LENGTH)
    return fail(`scene ${k}: "caption" is longer than ${MAX_CAPTION_LENGTH} characters`);
  return { ok: true, value: { state: sceneState(state), caption } };
}

/** A story from parsed JSON (an import or a decoded link), or a sentence saying what is wrong. */
export function checkStory(x: unknown): Checked<Story> {
  if (!isRecord(x)) return fail('a story must be a JSON object with "title" and "scenes"');
  if (x.version !== undefined && x.version !== STORY_VERSION)
    return fail(`this story is version ${String(x.version)}; macroscope reads version 1`);
  const title = x.title ?? 'Untitled story';
  if (typeof title !== 'string') return fail('the story\'s "title" must be a string');
  if (title.length > MAX_TITLE_LENGTH)
    return fail(`the story's title is longer than ${MAX_TITLE_LENGTH} characters`);
  if (!Array.isArray(x.scenes)) return fail('a story needs "scenes": a list of scenes');
  if (x.scenes.length === 0) return fail('the story has no scenes');
  if (x.scenes.length > MAX_SCENES)
    return fail(`a story holds at most ${MAX_SCENES} scenes; this one has ${x.scenes.length}`);
  const scenes: Scene[] = [];
  for (const [k, s] of x.scenes.entries()) {
    const checked = checkScene(s, k + 1);
    if (!checked.ok) return checked;
    scenes.push(checked.value);
  }
  return { ok: true, value: { title, scenes } };
}

/** A story from JSON text (an imported file). */
export function parseStoryJson(text: string): Checked<Story> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('this file is not JSON; export a story from macroscope to see the format');
  }
  return checkStory(parsed);
}

/** The JSON a story is exported as (read back by parseStoryJson). */
export function storyJson(story: Story): string {
  return JSON.stringify({ version: STORY_VERSION, ...story }, null, 2);
}

/** The story with scene `from` moved to `to` (indices from 0; out of range: unchanged). */
export function moveScene(story: Story, from: number, to: number): Story {
  const n = story.scenes.length;
  if (from < 0 || from >= n || to < 0 || to >= n || from === to) return story;
  const scenes = [...story.scenes];
  const [moved] = scenes.splice(from, 1);
  scenes.splice(to, 0, moved!);
  return { ...story, scenes };
}
