/** Display names: P12 → P₁₂, cosP12 → cos P₁₂ (subscripts for indices). */
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

export function formatSeries(name: string): string {
  const withSubs = name.replace(/\d/g, (d) => SUBSCRIPT[Number(d)] ?? d);
  return withSubs.startsWith('cos') ? `cos ${withSubs.slice(3)}` : withSubs;
}
