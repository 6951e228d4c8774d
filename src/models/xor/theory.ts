/**
 * Prop. 9.3 of Ben Arous–Gheissari–Jagannath (the fixed points of Prop. 9.2, λ = ∞): every fixed
 * point assigns each hidden unit to one of I_0, I_μ^+, I_μ^−, I_ν^+, I_ν^−, and on each non-empty
 * class Σ v_i² = C_α = −logit(4α) (the paper prints logit(−4α)). Connected sets: a unit of I_0
 * joins any non-empty class along an arc, so the set is fixed by which classes are non-empty,
 * except when every unit has a class to itself (K = 4 and all four classes used: 4! isolated
 * points). For K = 4 that gives 1 + 4 + 6 + 4 = 15 sets with an empty class and 24 optimal points:
 * 39 sets, 24 of them stable. docs/models/xor.md.
 */
import { xorCAlpha } from '../gmm/xor';

/** The classes of Prop. 9.3, in the paper's order. */
export const XOR_CLASSES = ['μ+', 'μ−', 'ν+', 'ν−'] as const;
export type XorClass = (typeof XOR_CLASSES)[number];

/** Which class unit i of the state [v, mμ, mν] is in (null: I_0), beyond `tol`. */
export function xorUnitClass(K: number, x: Float64Array, i: number, tol = 1e-6): XorClass | null {
  const v = x[i]!;
  if (v > tol) return x[K + i]! > 0 ? 'μ+' : 'μ−'; // (2) m^μ = v, (3) m^μ = −v
  if (v < -tol) return x[2 * K + i]! < 0 ? 'ν+' : 'ν−'; // (4) m^ν = v < 0, (5) m^ν = −v > 0
  return null;
}

/**
 * The connected set of Prop. 9.3 that a fixed point belongs to: 'origin', the non-empty classes
 * (e.g. 'μ+ ν−'), or, when each of the K units is alone in its class, the assignment itself
 * (e.g. 'μ+1 μ−2 ν+3 ν−4': an isolated point).
 */
export function xorFixedSet(K: number, x: Float64Array): string {
  const members = new Map<XorClass, number[]>();
  for (let i = 0; i < K; i++) {
    const c = xorUnitClass(K, x, i);
    if (c) members.set(c, [...(members.get(c) ?? []), i + 1]);
  }
  const used = XOR_CLASSES.filter((c) => members.has(c));
  if (used.length === 0) return 'origin';
  const isolated = used.length === K && used.every((c) => members.get(c)!.length === 1);
  return used.map((c) => (isolated ? `${c}${members.get(c)![0]}` : c)).join(' ');
}

/** The fixed point with units assigned to classes (−1: I_0), v_i = ±√(C_α/|class|). */
export function xorFixedPoint(K: number, alpha: number, assign: number[]): Float64Array {
  const x = new Float64Array(3 * K);
  const C = xorCAlpha(alpha);
  if (!(C > 0)) return x; // α ≥ 1/8: only the origin (Prop. 9.3)
  const size = [0, 0, 0, 0];
  for (const c of assign) if (c >= 0) size[c]!++;
  assign.forEach((c, i) => {
    if (c < 0) return;
    const a = Math.sqrt(C / size[c]!);
    if (c === 0) [x[i], x[K + i]] = [a, a]; // μ+: m^μ = v > 0
    if (c === 1) [x[i], x[K + i]] = [a, -a]; // μ−: −m^μ = v > 0
    if (c === 2) [x[i], x[2 * K + i]] = [-a, -a]; // ν+: m^ν = v < 0
    if (c === 3) [x[i], x[2 * K + i]] = [-a, a]; // ν−: −m^ν = v < 0
  });
  return x;
}

/**
 * Prop. 9.3's connected sets from classified points: a set is unstable when one of its points is
 * (the origin, or a set with an empty class, left along the missing class's direction), stable
 * otherwise. For K > 4 the stable set is a manifold (Remark 5), so its points are only marginal
 * (λ = 0 along it) though no direction leaves it.
 */
export function xorSets(
  points: { type: string | null; stability: string }[],
): { set: string; stability: 'stable' | 'unstable'; points: number }[] {
  const sets = new Map<string, { unstable: boolean; points: number }>();
  for (const p of points) {
    const key = p.type ?? '?';
    const s = sets.get(key) ?? { unstable: false, points: 0 };
    s.points++;
    if (p.stability === 'unstable') s.unstable = true;
    sets.set(key, s);
  }
  return [...sets].map(([set, s]) => ({
    set,
    stability: s.unstable ? 'unstable' : 'stable',
    points: s.points,
  }));
}

/**
 * One fixed point per assignment of units to I_0 and the four classes (5^K of them) while that
 * is at most 625 (K ≤ 4); beyond, one per class-size pattern with the units in order (the rest
 * are its permutations, in the same connected sets since K > 4 leaves a unit free). Every
 * connected set of Prop. 9.3 gets a point with a unit in I_0 unless it is an isolated point.
 * `onePerPattern` asks for the per-pattern list at any K (70 points for K = 4: Prop. 9.1's
 * finite-λ field costs a K-dimensional quadrature per evaluation).
 */
export function xorFixedPointCandidates(
  K: number,
  alpha: number,
  options: { onePerPattern?: boolean } = {},
): Float64Array[] {
  if (!(xorCAlpha(alpha) > 0)) return [new Float64Array(3 * K)];
  const out: Float64Array[] = [];
  if (5 ** K <= 625 && !options.onePerPattern) {
    for (let code = 0; code < 5 ** K; code++) {
      const assign = Array.from({ length: K }, (_, i) => (Math.floor(code / 5 ** i) % 5) - 1);
      out.push(xorFixedPoint(K, alpha, assign));
    }
    return out;
  }
  const sizes = (left: number, parts: number): number[][] =>
    parts === 1
      ? [[left]]
      : Array.from({ length: left + 1 }, (_, a) =>
          sizes(left - a, parts - 1).map((r) => [a, ...r]),
        ).flat();
  for (const pattern of sizes(K, 5)) {
    const assign = pattern.flatMap((count, c) => new Array<number>(count).fill(c - 1));
    out.push(xorFixedPoint(K, alpha, assign));
  }
  return out;
}
