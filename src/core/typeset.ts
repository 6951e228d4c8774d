/**
 * Typeset names (docs/architecture.md, "Typeset names"). A parameter's `symbol` may carry one
 * subscript as `base_sub` ('η_T', 'λ_n'): HTML lowers it (<sub>), SVG shifts a <tspan>, and plain
 * text (aria labels, messages, CSV notes, the CLI) uses Unicode subscripts where Unicode has every
 * letter ('λₙ'), else writes the letters after the base ('ηT': Unicode has no subscript T, G, g, c
 * or δ). Every other shown string is plain Unicode and carries no markup.
 */

const SUBSCRIPTS: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '−': '₋',
  '-': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
  β: 'ᵦ',
  γ: 'ᵧ',
  ρ: 'ᵨ',
  φ: 'ᵩ',
  χ: 'ᵪ',
};

/** `text` in Unicode subscripts, or null when Unicode lacks one of its characters. */
export function toSubscript(text: string): string | null {
  let out = '';
  for (const ch of text) {
    const sub = SUBSCRIPTS[ch];
    if (sub === undefined) return null;
    out += sub;
  }
  return out;
}

/** One run of a marked-up text: plain, or a subscript to lower. */
export interface TextRun {
  text: string;
  sub: boolean;
}

/** A subscript mark: a letter (or ′, ̃) then `_` and letters, digits or a braced group. */
const MARK = /(?<=[\p{L}\p{M}′*])_(\{[^}]*\}|[\p{L}\d]+)/gu;

/** Split marked-up text ('η_T=2 λ_n=3') into plain runs and subscript runs, for HTML and SVG. */
export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    const at = m.index;
    if (at > last) runs.push({ text: text.slice(last, at), sub: false });
    runs.push({ text: (m[1] ?? '').replace(/^\{|\}$/g, ''), sub: true });
    last = at + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), sub: false });
  return runs;
}

/** Marked-up text as plain Unicode: 'λ_n' → 'λₙ', 'P_ij' → 'Pᵢⱼ', 'η_T' → 'ηT'. */
export function plainText(text: string): string {
  return textRuns(text)
    .map((r) => (r.sub ? (toSubscript(r.text) ?? r.text) : r.text))
    .join('');
}
