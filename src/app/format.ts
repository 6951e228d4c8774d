/** Display names: P12 → P₁₂, cosP12 → cos P₁₂ (subscripts for indices). */
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** Observables whose names are words, with their symbols. */
const NAMED: Record<string, string> = { epsg: 'ε_g', beta: 'β' };

export function formatSeries(name: string): string {
  const named = NAMED[name];
  if (named) return named;
  const withSubs = name.replace(/\d/g, (d) => SUBSCRIPT[Number(d)] ?? d);
  return withSubs.startsWith('cos') ? `cos ${withSubs.slice(3)}` : withSubs;
}
