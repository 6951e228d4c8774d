/**
 * Close a popup (a menu) on Esc or on a pointer press outside it. Esc is caught in the capture
 * phase and stopped there, so the same press does not also leave a maximised view (the Esc
 * shortcut's MODES): the innermost thing open closes first.
 */
import { type RefObject, useEffect } from 'react';

export function useDismiss(
  open: boolean,
  box: RefObject<HTMLElement | null>,
  close: () => void,
): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close();
    };
    const onPointer = (e: PointerEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) close();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open, box, close]);
}
