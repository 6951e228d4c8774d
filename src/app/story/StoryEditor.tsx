/**
 * Authoring a story in the app: add the state on show as a scene, write its caption, reorder,
 * delete, title it; the whole story lives in the link (`story=`, compressed), and it is exported
 * to or imported from JSON. An imported file is checked (story.ts) and refused with a sentence.
 */
import { useState } from 'react';

import type { AppStore } from '../store';
import { encodeStory } from './codec';
import { type Deck, goToScene, rememberStory } from './deck';
import { moveScene, parseStoryJson, sceneState, type Story, storyJson } from './story';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One scene in the editor: its caption, and show, move and delete. */
function SceneItem(props: {
  k: number;
  caption: string;
  on: boolean;
  onCaption(caption: string): void;
  onShow(): void;
  onMove(to: number): void;
  onDelete(): void;
}) {
  const { k } = props;
  return (
    <li className={props.on ? 'on' : ''}>
      <textarea
        aria-label={`Caption of scene ${k + 1}`}
        value={props.caption}
        rows={2}
        onChange={(e) => props.onCaption(e.target.value)}
      />
      <div className="scene-tools">
        <button type="button" onClick={props.onShow}>
          Show
        </button>
        <button
          type="button"
          aria-label={`Move scene ${k + 1} up`}
          onClick={() => props.onMove(k - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move scene ${k + 1} down`}
          onClick={() => props.onMove(k + 1)}
        >
          ↓
        </button>
        <button type="button" aria-label={`Delete scene ${k + 1}`} onClick={props.onDelete}>
          ✕
        </button>
      </div>
    </li>
  );
}

/** Add the state on show, export the story, import one. */
function EditorActions(props: {
  empty: boolean;
  onAdd(): void;
  onExport(): void;
  onImport(file: File | undefined): void;
}) {
  return (
    <div className="story-editor-actions">
      <button type="button" onClick={props.onAdd}>
        + Add this state as a scene
      </button>
      <button type="button" disabled={props.empty} onClick={props.onExport}>
        Export JSON
      </button>
      <label className="import-story">
        Import JSON
        <input
          type="file"
          accept="application/json,.json"
          aria-label="Import a story from JSON"
          onChange={(e) => props.onImport(e.target.files?.[0])}
        />
      </label>
    </div>
  );
}

export function StoryEditor(props: {
  store: AppStore;
  deck: Deck | null;
  onClose(): void;
  onShow(k: number): void;
}) {
  const { store, deck } = props;
  const story: Story =
    deck?.kind === 'story'
      ? { title: deck.title, scenes: deck.scenes }
      : { title: 'My story', scenes: [] };
  const [message, setMessage] = useState<string | null>(null);
  const { current, commit, edit, add, remove, importFile } = storyEdits(
    store,
    deck,
    story,
    setMessage,
  );

  return (
    <section className="story-editor" aria-label="Story editor">
      <div className="story-editor-head">
        <input
          aria-label="Story title"
          value={story.title}
          onChange={(e) => void commit({ ...story, title: e.target.value }, current)}
        />
        <button type="button" onClick={props.onClose} aria-label="Close the story editor">
          ×
        </button>
      </div>
      <ol className="story-scenes">
        {story.scenes.map((s, k) => (
          <SceneItem
            key={k}
            k={k}
            caption={s.caption}
            on={k === deck?.index}
            onCaption={(caption) => edit(k, caption)}
            onShow={() => props.onShow(k)}
            onMove={(to) => void commit(moveScene(story, k, to), current)}
            onDelete={() => remove(k)}
          />
        ))}
      </ol>
      <p className="story-help">
        A caption is text with math between $…$; {'{tau}'} writes a parameter with its value.
      </p>
      <EditorActions
        empty={story.scenes.length === 0}
        onAdd={add}
        onExport={() => download('story.json', storyJson(story))}
        onImport={(file) => void importFile(file)}
      />
      {message && (
        <p className="story-message" role="status">
          {message}
        </p>
      )}
    </section>
  );
}

/** The editor's edits: each writes the edited story into the link (on the scene shown). */
function storyEdits(
  store: AppStore,
  deck: Deck | null,
  story: Story,
  setMessage: (message: string | null) => void,
) {
  /** Put the edited story in the link, on scene `scene` (from 1). */
  const commit = async (next: Story, scene: number | null) => {
    if (next.scenes.length === 0) {
      store.getState().setView({ story: null, scene: null });
      return;
    }
    const raw = await encodeStory(next);
    rememberStory(raw, next);
    store.getState().setView({ story: raw, scene });
  };
  const current = deck?.kind === 'story' ? deck.index + 1 : null;
  const edit = (k: number, caption: string) =>
    void commit(
      { ...story, scenes: story.scenes.map((s, j) => (j === k ? { ...s, caption } : s)) },
      current,
    );
  const add = () => {
    const scene = {
      state: sceneState(store.getState().query),
      caption: `Scene ${story.scenes.length + 1}`,
    };
    void commit({ ...story, scenes: [...story.scenes, scene] }, story.scenes.length + 1);
  };
  const remove = (k: number) =>
    void commit(
      { ...story, scenes: story.scenes.filter((_, j) => j !== k) },
      current === null ? null : Math.max(1, Math.min(current, story.scenes.length - 1)),
    );
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const checked = parseStoryJson(await file.text());
    if (!checked.ok) {
      setMessage(`Not imported: ${checked.message}.`);
      return;
    }
    setMessage(`Imported “${checked.value.title}”, ${checked.value.scenes.length} scenes.`);
    await commit(checked.value, 1);
    goToScene(store, 0);
  };
  return { current, commit, edit, add, remove, importFile };
}
