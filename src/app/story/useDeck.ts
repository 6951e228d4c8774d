/** The deck of the state on show, re-read once a story link has been decoded (or has failed). */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';

import type { AppStore } from '../store';
import { type Deck, deckOf, resolveStory } from './deck';

export function useDeck(store: AppStore): { deck: Deck | null; error: string | null } {
  const raw = useStore(store, (s) => s.story);
  // Re-derive on every state change that moves the scene or the presets' match.
  useStore(store, (s) => s.query);
  const [, setDecodedFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    if (raw === null) return;
    let live = true;
    void resolveStory(raw).then((r) => {
      if (!live) return;
      setDecodedFor(raw);
      setError(r.ok ? null : r.message);
    });
    return () => {
      live = false;
    };
  }, [raw]);
  return { deck: deckOf(store.getState()), error };
}
