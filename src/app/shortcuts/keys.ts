/**
 * When a key press is a shortcut: never while the user types in a field, picks from a menu or
 * holds a modifier (Ctrl+R reloads, ⌘L focuses the address bar: those stay the browser's).
 */

/** The target takes typed text or arrow keys of its own (a slider, a select, a text field). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Buttons-like inputs take no text; every other input does (range takes the arrows).
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** True when the key press may fire a shortcut (Esc always may, even from a field). */
export function shortcutAllowed(e: KeyPress): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key === 'Escape') return true;
  return !isTypingTarget(e.target);
}
