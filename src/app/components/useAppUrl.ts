/**
 * The URL holds the whole state: it follows the store (replaceState), Back and Forward load
 * the state they land on, and a preset pushes a history entry (the returned loader).
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';

import type { AppStore } from '../store';
import { URL_WRITE_MS } from '../timing';

export function useAppUrl(store: AppStore): (state: string) => void {
  const query = useStore(store, (s) => s.query);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    // At most one replaceState per URL_WRITE_MS, the latest query winning: in a slider storm a
    // write per change cost ~3 ms each and Chrome throttles bursts of history calls.
    timer.current ??= setTimeout(() => {
      timer.current = null;
      const url = `${window.location.pathname}?${store.getState().query}`;
      if (`${window.location.pathname}${window.location.search}` !== url)
        window.history.replaceState(null, '', url);
    }, URL_WRITE_MS);
  }, [query, store]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );
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
