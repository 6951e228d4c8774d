/**
 * The story bar: previous/next, "scene k of N", the caption (its {key} placeholders filled from
 * the state on show, so it follows the sliders), the story picker and the editor. While
 * presenting it is the caption band at the foot of the screen.
 */
import './story.css';

import { type ReactNode, useState } from 'react';
import { useStore } from 'zustand';

import { TextWithMath } from '../math/Tex';
import type { AppStore } from '../store';
import { fillCaption } from './caption';
import { goToScene, loadPushed, stepScene } from './deck';
import { SHIPPED_STORIES } from './stories';
import { StoryEditor } from './StoryEditor';
import { useDeck } from './useDeck';

function StoryPicker({ store }: { store: AppStore }) {
  const story = useStore(store, (s) => s.story);
  const shipped = SHIPPED_STORIES.some((s) => s.id === story);
  return (
    <select
      aria-label="Story"
      value={story === null ? '' : shipped ? story : 'link'}
      onChange={(e) => {
        const id = e.target.value;
        const pick = SHIPPED_STORIES.find((s) => s.id === id);
        if (pick) loadPushed(store, `${pick.scenes[0]!.state}&story=${pick.id}&scene=1`);
        else if (id === '') store.getState().setView({ story: null, scene: null });
      }}
    >
      <option value="">Presets of this model</option>
      {SHIPPED_STORIES.map((s) => (
        <option key={s.id} value={s.id}>
          Story: {s.title}
        </option>
      ))}
      {story !== null && !shipped && <option value="link">Story from a link</option>}
    </select>
  );
}

/** `children`: what presentation mode adds at the end of the band (its slider strip). */
export function StoryBar({ store, children }: { store: AppStore; children?: ReactNode }) {
  const present = useStore(store, (s) => s.present);
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const [editing, setEditing] = useState(false);
  const { deck, error } = useDeck(store);
  const scene = deck && deck.index >= 0 ? deck.scenes[deck.index] : undefined;
  const count = deck?.scenes.length ?? 0;
  const what = deck?.kind === 'story' ? 'scene' : 'preset';
  // The buttons' names avoid the word "preset": the header's menu is labelled Preset.
  const step = deck?.kind === 'story' ? 'scene' : 'figure';
  return (
    <div className={present ? 'story-bar presenting-caption' : 'story-bar'} data-deck={deck?.kind}>
      <button
        type="button"
        aria-label={`Previous ${step}`}
        title={`Previous ${what}`}
        disabled={!deck || deck.index === 0}
        onClick={() => stepScene(store, -1)}
      >
        ◀
      </button>
      <span className="story-count" aria-live="polite">
        {deck
          ? deck.index >= 0
            ? `${what} ${deck.index + 1} of ${count}`
            : `${deck.offDeck} · ${count} ${what}s`
          : ''}
      </span>
      <button
        type="button"
        aria-label={`Next ${step}`}
        title={`Next ${what}`}
        disabled={!deck || deck.index === count - 1}
        onClick={() => stepScene(store, 1)}
      >
        ▶
      </button>
      <p className="story-caption" data-testid="story-caption">
        {error ? (
          <span className="notice rejected">{error}</span>
        ) : scene ? (
          <TextWithMath text={fillCaption(scene.caption, model, params)} />
        ) : null}
      </p>
      {!present && (
        <div className="story-tools">
          <StoryPicker store={store} />
          <button type="button" aria-pressed={editing} onClick={() => setEditing(!editing)}>
            ✎ Edit story
          </button>
        </div>
      )}
      {children}
      {editing && !present && (
        <StoryEditor
          store={store}
          deck={deck}
          onClose={() => setEditing(false)}
          onShow={(k) => goToScene(store, k)}
        />
      )}
    </div>
  );
}
