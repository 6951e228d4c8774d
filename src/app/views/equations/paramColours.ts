/**
 * Each parameter's own shade of the Okabe–Ito blue, so that a symbol KaTeX typeset can be traced
 * back to its parameter: KaTeX (trust off) keeps \color but no data attributes, and the shades
 * differ in the red channel only (index 0–63, invisible on screen).
 */
const GREEN = 0x72;
const BLUE = 0xb2;

/** The colour of the parameter at `index` of the model's table. */
export function paramColour(index: number): string {
  const r = Math.max(0, Math.min(63, index));
  return `#${[r, GREEN, BLUE].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The table index from a computed CSS colour ('rgb(3, 114, 178)'), or null for another colour. */
export function paramIndexOfColour(css: string): number | null {
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!match || Number(match[2]) !== GREEN || Number(match[3]) !== BLUE) return null;
  const r = Number(match[1]);
  return r <= 63 ? r : null;
}
