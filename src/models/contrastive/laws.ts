/**
 * Hidden-variable laws of the contrastive model's features (Section II-A and IV of the paper):
 *   gauss:m₂            c ~ N(0, m₂)
 *   sparse:α,b          c = ±√α with probability b/2 each, 0 otherwise (m₂ = αb, m₄ = α²b, m₆ = α³b)
 *   moments:m₂,m₄,m₆    the symmetric law with these moments and the fewest atoms (below)
 * Every law is symmetric, so the odd moments vanish; that is what makes dQ/dt a function of Q.
 */
import { formatNumber } from '../../core/params';

export type LawKind = 'gauss' | 'sparse' | 'moments';

/** A parsed, validated law with its moments and (for non-Gaussian laws) its atoms. */
export interface Law {
  kind: LawKind;
  /** The numbers after the colon, validated. */
  args: number[];
  m2: number;
  m4: number;
  m6: number;
  /** Gaussian laws are integrated jointly with the background direction e (ode.ts). */
  gaussian: boolean;
  /** Atoms (value, probability) of a discrete law; empty for a Gaussian law. */
  atoms: { value: number; prob: number }[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ARITY: Record<LawKind, number> = { gauss: 1, sparse: 2, moments: 3 };

/** The law kind and its numbers if `text` is well formed (`kind:a[,b[,c]]`), else null. */
export function parseLawText(text: string): { kind: LawKind; args: number[] } | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const kind = text.slice(0, colon).trim().toLowerCase();
  if (!(kind in ARITY)) return null;
  const parts = text
    .slice(colon + 1)
    .split(',')
    .map((s) => s.trim());
  if (parts.length !== ARITY[kind as LawKind] || parts.some((s) => !NUMBER.test(s))) return null;
  const args = parts.map(Number);
  if (args.some((x) => !Number.isFinite(x))) return null;
  return { kind: kind as LawKind, args };
}

const round10 = (x: number) => Number(x.toPrecision(10));

/** The canonical text of a law, e.g. 'sparse:5,0.2' (10 significant digits). */
export function lawText(kind: LawKind, args: number[]): string {
  return `${kind}:${args.map((x) => formatNumber(round10(x))).join(',')}`;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Relative margin of a corrected moment inside its bound: 10⁻⁹ ≫ lawText's 5·10⁻¹¹ rounding. */
const LAW_MARGIN = 1e-9;

/** x as lawText writes it if that is not below x, else a hair above (a lower bound, kept). */
const atLeast = (x: number) => (round10(x) >= x ? round10(x) : round10(x * (1 + LAW_MARGIN)));

/**
 * Validate a well-formed law: ranges, and for given moments the conditions for a law to exist
 * (the Hankel matrices of c² are positive semidefinite: m₄ ≥ m₂², m₂m₆ ≥ m₄²). Returns the
 * corrected numbers and a sentence saying what changed, or null when nothing did.
 */
export function validateLaw(
  kind: LawKind,
  args: number[],
): { args: number[]; problem: string | null } {
  const problems: string[] = [];
  // Checked as lawText writes them, so that the canonical text is what passed.
  const fixed = args.map(round10);
  const bound = (i: number, name: string, lo: number, hi: number) => {
    const v = clamp(fixed[i]!, lo, hi);
    if (v !== fixed[i]) {
      problems.push(`${name} must be in [${lo}, ${hi}]`);
      fixed[i] = v;
    }
  };
  if (kind === 'gauss') bound(0, 'm₂', 0.01, 10);
  else if (kind === 'sparse') {
    bound(0, 'α', 0.01, 100);
    bound(1, 'b', 0.001, 1);
  } else {
    // Ranges first, then the existence conditions: a range clamp after them could break them
    // again (m₆ raised to m₄²/m₂ = 10¹⁰, then cut to 10⁶, left an impossible law in the state).
    bound(0, 'm₂', 0.01, 10);
    bound(1, 'm₄', 0, 1e4);
    bound(2, 'm₆', 0, 1e6);
    const m2 = fixed[0]!;
    // m₂m₆ ≥ m₄² with m₆ ≤ 10⁶ needs m₄ ≤ √(10⁶·m₂). The margins here and below exceed the
    // 10-digit rounding of lawText, so the canonical text passes its own check again.
    const m4Max = Math.sqrt(1e6 * m2) * (1 - LAW_MARGIN);
    if (fixed[1]! > m4Max) {
      problems.push('m₄ must be at most √(10⁶·m₂), so that some m₆ ≤ 10⁶ gives a law');
      fixed[1] = m4Max;
    }
    if (fixed[1]! < m2 ** 2) {
      problems.push('m₄ must be at least m₂² (a variance of c² is ≥ 0)');
      fixed[1] = atLeast(m2 ** 2);
    }
    if (m2 * fixed[2]! < fixed[1]! ** 2) {
      problems.push('m₆ must be at least m₄²/m₂ (no law of c has these moments otherwise)');
      fixed[2] = Math.min(1e6, atLeast(fixed[1]! ** 2 / m2));
    }
  }
  return { args: fixed, problem: problems.length ? problems.join('; ') : null };
}

/**
 * The two-atom law of y = c² with moments 1, m₂, m₄, m₆ (the Gauss rule of y's law: the atoms
 * are the roots of the degree-2 orthogonal polynomial y² + a·y + b'), so c = ±√y with half the
 * weight each. Degenerate cases (m₄ = m₂²: one atom; m₂m₆ = m₄²: an atom at 0) fall out.
 */
function momentAtoms(m2: number, m4: number, m6: number): { value: number; prob: number }[] {
  const varY = m4 - m2 * m2;
  if (varY <= 1e-12 * m2 * m2) {
    const v = Math.sqrt(m2);
    return [
      { value: -v, prob: 0.5 },
      { value: v, prob: 0.5 },
    ];
  }
  const a = (m2 * m4 - m6) / varY;
  const b = -m4 - a * m2;
  const disc = Math.sqrt(Math.max(0, a * a - 4 * b));
  const y1 = Math.max(0, (-a - disc) / 2);
  const y2 = (-a + disc) / 2;
  const p1 = (y2 - m2) / (y2 - y1);
  const atoms: { value: number; prob: number }[] = [];
  for (const [y, p] of [
    [y1, p1],
    [y2, 1 - p1],
  ] as const) {
    if (p <= 0) continue;
    if (y === 0) atoms.push({ value: 0, prob: p });
    else atoms.push({ value: -Math.sqrt(y), prob: p / 2 }, { value: Math.sqrt(y), prob: p / 2 });
  }
  return atoms;
}

/** Build the law from validated numbers. */
export function makeLaw(kind: LawKind, args: number[]): Law {
  if (kind === 'gauss') {
    const m2 = args[0]!;
    return { kind, args, m2, m4: 3 * m2 * m2, m6: 15 * m2 ** 3, gaussian: true, atoms: [] };
  }
  if (kind === 'sparse') {
    const [alpha, b] = [args[0]!, args[1]!];
    const v = Math.sqrt(alpha);
    const atoms = [
      { value: -v, prob: b / 2 },
      { value: v, prob: b / 2 },
    ];
    if (b < 1) atoms.push({ value: 0, prob: 1 - b });
    return {
      kind,
      args,
      m2: alpha * b,
      m4: alpha ** 2 * b,
      m6: alpha ** 3 * b,
      gaussian: false,
      atoms,
    };
  }
  const [m2, m4, m6] = [args[0]!, args[1]!, args[2]!];
  return { kind, args, m2, m4, m6, gaussian: false, atoms: momentAtoms(m2, m4, m6) };
}

/** The law of a law string that validate() has already checked (falls back to N(0, 1)). */
export function lawOf(text: string): Law {
  const parsed = parseLawText(text);
  if (!parsed) return makeLaw('gauss', [1]);
  return makeLaw(parsed.kind, validateLaw(parsed.kind, parsed.args).args);
}

/**
 * The same family with second moment m₂ (the phase diagram's m₂ axis): gauss:m₂; sparse keeps b
 * and sets α = m₂/b (as in Fig. 2); moments scale c, so m₄ and m₆ scale as m₂² and m₂³.
 */
export function withSecondMoment(text: string, m2: number): string {
  const law = lawOf(text);
  if (law.kind === 'gauss') return lawText('gauss', [m2]);
  if (law.kind === 'sparse') return lawText('sparse', [m2 / law.args[1]!, law.args[1]!]);
  const r = m2 / law.m2;
  return lawText('moments', [m2, law.m4 * r * r, law.m6 * r ** 3]);
}
