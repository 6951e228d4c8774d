/** A parameter symbol such as 'η_T' or 'τ̃', set in math italic with its subscript lowered. */
export function MathSymbol({ symbol }: { symbol: string }) {
  const [base, sub] = symbol.split('_');
  return (
    <span className="math">
      {base}
      {sub !== undefined && <sub>{sub}</sub>}
    </span>
  );
}
