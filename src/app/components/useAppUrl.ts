/**
 * The URL holds the whole state: it follows the store (replaceState), Back and Forward load
 * the state they land on, and a preset pushes a history entry (the returned loader).
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';

import type { AppStore } from '../store';

export function useAppUrl(store: AppStore): (state: string) => void {
  const query = useStore(store, (s) => s.query);
  useEffect(() => {
    const url = `${window.location.pathname}?${query}`;
    if (`${window.location.pathname}${window.location.search}` !== url)
      window.history.replaceState(null, '', url);
  }, [query]);
  useEffect(() => {
    const onPop = () => store.getState().load(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [store]);
  return (state: string) => {
    store.getState().load(state);
    window.history.pushState(null, '', `${window.location.pathname}?${store.getState().query}`);
  };
}
