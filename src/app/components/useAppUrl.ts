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
    // Written once the state has been still for URL_WRITE_MS, the latest query winning: a write
    // costs 4–16 ms of the main thread (history.replaceState), which a slider move waiting
    // for its curve should not pay, and Chrome throttles bursts of history calls.
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      writeUrl(store);
    }, URL_WRITE_MS);
  }, [query, store]);
  useEffect(() => {
    // A pending write lands before the page goes away (a reload or a closed tab keeps it).
    const flush = () => {
      if (timer.current === null) return;
      clearTimeout(timer.current);
      timer.current = null;
      writeUrl(store);
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [store]);
  useEffect(() => {
    const onPop = () => store.getState().load(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [store]);
  return (state: string) => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    store.getState().load(state);
    window.history.pushState(null, '', `${window.location.pathname}?${store.getState().query}`);
  };
}

function writeUrl(store: AppStore): void {
  const url = `${window.location.pathname}?${store.getState().query}`;
  if (`${window.location.pathname}${window.location.search}` !== url)
    window.history.replaceState(null, '', url);
}
