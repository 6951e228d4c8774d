/** Pin the current state, unpin one, clear them: actions on the store's `pins` setting. */
import type { AppStore } from '../store';
import { compactPin, MAX_PINS } from './codec';

/** Pin the current parameters (false when it is already pinned or MAX_PINS are). */
export function addPin(store: AppStore): boolean {
  const s = store.getState();
  const pin = compactPin(s.model, s.params);
  if (s.pins.includes(pin) || s.pins.length >= MAX_PINS) return false;
  s.setView({ pins: [...s.pins, pin] });
  return true;
}

export function removePin(store: AppStore, index: number): void {
  const s = store.getState();
  s.setView({ pins: s.pins.filter((_, k) => k !== index) });
}

export function clearPins(store: AppStore): void {
  store.getState().setView({ pins: [] });
}
