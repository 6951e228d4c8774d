/** The deck of the state on show, re-read once a story link has been decoded (or has failed). */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';

import type { AppStore } from '../store';
import { type Deck, deckOf, goToScene, opensOnScene, resolveStory } from './deck';

export function useDeck(store: AppStore): { deck: Deck | null; error: string | null } {
  const raw = useStore(store, (s) => s.story);
  // Re-derive on every state change that moves the scene or the presets' match.
  useStore(store, (s) => s.query);
  const [, setDecodedFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Read once, at the first render: only the link the page opened with may jump to a scene.
  const opening = useRef(opensOnScene(window.location.search));
  useEffect(() => {
    setError(null);
    if (raw === null) return;
    let live = true;
    void resolveStory(raw).then((r) => {
      if (!live) return;
      setDecodedFor(raw);
      setError(r.ok ? null : r.message);
      const s = store.getState();
      if (r.ok && opening.current && s.story === raw) goToScene(store, (s.scene ?? 1) - 1, true);
      opening.current = false;
    });
    return () => {
      live = false;
    };
  }, [raw, store]);
  return { deck: deckOf(store.getState()), error };
}
