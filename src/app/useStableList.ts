import { useMemo } from 'react';

/**
 * The same array while its contents stay equal: a list computed at render (say the model's state
 * names from the parameters) would otherwise be new on every slider move, and every effect that
 * depends on it would redraw its chart before there is anything new to draw.
 */
export function useStableList<T extends string | number>(list: readonly T[]): readonly T[] {
  const key = JSON.stringify(list);
  return useMemo(() => JSON.parse(key) as T[], [key]);
}

/**
 * The same items in the same order, by identity (numbers by value): what a chart was drawn from,
 * against what it would be drawn from now (an SGD publish that changes nothing else redraws only
 * the dots).
 */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
