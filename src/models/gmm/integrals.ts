/**
 * The Gaussian integrals (4.3) of Prop. 4.1, at finite λ:
 *   A_i^μ = E[X·μ 1{W_i·X ≥ 0}(σ(v·g(WX)) − y)],   A⊥_ij = E[X·W_j⊥ 1{W_i·X ≥ 0}(σ − y)],
 *   B_ij  = E[1{W_i·X ≥ 0} 1{W_j·X ≥ 0}(σ − y)²],
 * as functions of the seven statistics (4.2).
 *
 * Reduction. Given the label, s = 2y − 1 = ±1, X = sμ + Z/√λ with Z ~ N(0, I_N). Take three
 * standard normals: g₀ = Z·μ and (g₁, g₂) with (Z·W₁⊥, Z·W₂⊥) = P(g₁, g₂), P Cholesky of R⊥.
 * Then h_i = W_i·X = s m_i + M_i·g/√λ with the rows M₁ = (m₁, P₁₁, 0), M₂ = (m₂, P₂₁, P₂₂).
 * (The Z·μ part is shared by h₁ and h₂, so Cov(h) = (mmᵀ + R⊥)/λ: Lemma 8.1's proof writes two
 * i.i.d. Z_{i,μ}, a misprint.) Gram–Schmidt of M₁, M₂ gives orthonormal e₁, e₂ ∈ R³ and a lower
 * triangular L with M_i = L_i1 e₁ + L_i2 e₂, so h depends on g only through g'_k = e_k·g. The
 * linear factors X·μ = s + g₀/√λ and X·W_j⊥ = (M_j − m_j e₀)·g/√λ are replaced by their
 * conditional means given (g'₁, g'₂), which is exact and needs no inverse of Cov(h) (it may be
 * singular, e.g. W₁ ∥ W₂ or R⊥ = 0).
 *
 * The remaining 2-D expectation over (g'₁, g'₂) is iterated: outer g'₁, inner g'₂, each on
 * [−c, c] split at the integrand's kinks (h₁ = 0 is a line g'₁ = const; h₂ = 0 cuts each inner
 * line once; where that line is nearly parallel to the inner direction the outer integral is
 * also split where the inner kink enters and leaves [−c, c]). Each piece is cut into equal
 * Gauss–Legendre panels no longer than the Gaussian's and the sigmoid's scales allow; the panel
 * count changes with the state, so the result can jump by up to the rule's error, far below the
 * ODE's tolerances. Accuracy against
 * a far finer rule: ≈ 1e-8 (integrals.test.ts checks 1e-6 over random states and λ from 0.5 to 10⁴).
 */

export interface GmmIntegrals {
  /** A_i^μ, i = 1, 2. */
  Amu: Float64Array;
  /** A⊥_ij at index 2(i − 1) + (j − 1). */
  Aperp: Float64Array;
  /** B_ij at index 2(i − 1) + (j − 1) (symmetric). */
  B: Float64Array;
}

export interface PanelRule {
  /** Longest Gauss–Legendre panel, in standard-normal units. */
  panel: number;
  /** Longest panel times the sigmoid's slope along the line (the sigmoid's poles are π/slope off the axis). */
  panelSlope: number;
  /** Nodes per panel. */
  points: number;
  /** Standard-normal coordinates are cut to [−cutoff, cutoff]. */
  cutoff: number;
}

/** The rule the ODE uses: ≈ 1e-8 absolute error, the Gaussian tail cut at 6σ (integrals.test.ts). */
export const DEFAULT_RULE: PanelRule = { panel: 6, panelSlope: 5, points: 12, cutoff: 6 };

const legendreCache = new Map<number, { x: Float64Array; w: Float64Array }>();

/** n-point Gauss–Legendre nodes and weights on [−1, 1] (Newton on P_n, Numerical Recipes gauleg). */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const hit = legendreCache.get(n);
  if (hit) return hit;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      dp = (n * (z * p1 - p2)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
    w[n - 1 - i] = w[i]!;
  }
  const rule = { x, w };
  legendreCache.set(n, rule);
  return rule;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Nodes and weights (Gaussian density included) of ∫ f(g) φ(g) dg over [cuts₀, cuts_last], split
 * at the sorted cuts, each piece into equal panels no longer than panelOf(piece midpoint). Writes
 * xs/ws from 0; returns the count.
 */
function pieceNodes(
  cuts: number[],
  panelOf: (mid: number) => number,
  rule: PanelRule,
  gl: { x: Float64Array; w: Float64Array },
  xs: Float64Array,
  ws: Float64Array,
): number {
  let k = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const a = cuts[c]!;
    const b = cuts[c + 1]!;
    if (!(b > a)) continue;
    const panels = Math.ceil((b - a) / panelOf(0.5 * (a + b)));
    const h = (b - a) / panels;
    for (let p = 0; p < panels; p++) {
      const mid = a + (p + 0.5) * h;
      for (let q = 0; q < rule.points; q++) {
        const g = mid + 0.5 * h * gl.x[q]!;
        xs[k] = g;
        ws[k] = 0.5 * h * gl.w[q]! * INV_SQRT_2PI * Math.exp(-0.5 * g * g);
        k++;
      }
    }
  }
  return k;
}

let nodeBuffers = {
  ox: new Float64Array(0),
  ow: new Float64Array(0),
  ix: new Float64Array(0),
  iw: new Float64Array(0),
};

/** Node buffers of at least these sizes, reused across calls (the ODE calls this per stage). */
function buffers(outer: number, inner: number): typeof nodeBuffers {
  const b = nodeBuffers;
  if (b.ox.length < outer || b.ix.length < inner) {
    const o = Math.max(outer, b.ox.length);
    const i = Math.max(inner, b.ix.length);
    nodeBuffers = {
      ox: new Float64Array(o),
      ow: new Float64Array(o),
      ix: new Float64Array(i),
      iw: new Float64Array(i),
    };
  }
  return nodeBuffers;
}

/** Sorted cut points inside (−c, c), with the ends. */
function cutsOf(points: number[], c: number): number[] {
  const inside = points.filter((x) => x > -c && x < c).sort((a, b) => a - b);
  return [-c, ...inside, c];
}

/**
 * The integrals (4.3) at the statistics u = (v1, v2, m1, m2, R11, R12, R22) and finite λ > 0.
 * `out` is filled and returned. The ReLU indicator is 1{h ≥ 0}, as in the SGD.
 */
export function gmmIntegrals(
  u: ArrayLike<number>,
  lambda: number,
  out: GmmIntegrals = {
    Amu: new Float64Array(2),
    Aperp: new Float64Array(4),
    B: new Float64Array(4),
  },
  rule: PanelRule = DEFAULT_RULE,
): GmmIntegrals {
  const v1 = u[0]!;
  const v2 = u[1]!;
  const m1 = u[2]!;
  const m2 = u[3]!;
  // Cholesky of R⊥ (clamped to the PSD cone: the ODE may step slightly outside it).
  const P11 = Math.sqrt(Math.max(0, u[4]!));
  const P21 = P11 > 0 ? u[5]! / P11 : 0;
  const P22 = Math.sqrt(Math.max(0, u[6]! - P21 * P21));
  // Gram–Schmidt of the rows M1 = (m1, P11, 0), M2 = (m2, P21, P22).
  const e1 = [0, 0, 0];
  const e2 = [0, 0, 0];
  let L11 = Math.hypot(m1, P11);
  let L21 = 0;
  let L22 = 0;
  const M2 = [m2, P21, P22];
  if (L11 > 0) {
    e1[0] = m1 / L11;
    e1[1] = P11 / L11;
    L21 = m2 * e1[0] + P21 * e1[1];
    const r = [m2 - L21 * e1[0], P21 - L21 * e1[1], P22];
    L22 = Math.hypot(r[0]!, r[1]!, r[2]!);
    if (L22 > 0) for (let k = 0; k < 3; k++) e2[k] = r[k]! / L22;
  } else {
    L11 = 0;
    L21 = Math.hypot(m2, P21, P22);
    if (L21 > 0) for (let k = 0; k < 3; k++) e1[k] = M2[k]! / L21;
  }
  const sl = 1 / Math.sqrt(lambda);
  const c = rule.cutoff;
  const gl = gaussLegendre(rule.points);
  // Panel lengths: the Gaussian's own scale, and the sigmoid's along each direction.
  const outerSlope = sl * (Math.abs(v1) * L11 + Math.abs(v2) * Math.abs(L21));
  const innerSlope = sl * Math.abs(v2) * L22;
  const outerPanel = Math.min(rule.panel, rule.panelSlope / outerSlope);
  const innerPanel = Math.min(rule.panel, rule.panelSlope / innerSlope);
  // Where the inner kink lies inside [−c, c], the inner integral moves with it at the rate
  // |L21|/L22 per unit g'1: the outer panels there shrink by that factor.
  const windowPanel =
    L21 !== 0 && L22 > 0 ? Math.min(outerPanel, (innerPanel * L22) / Math.abs(L21)) : outerPanel;
  // Nodes: panels of outerPanel outside the window (total length ≤ 2c), of windowPanel inside it
  // (length 2c·L22/|L21|, so at most 2c/innerPanel of them), one more per piece (≤ 4 pieces).
  const outerNodes =
    (Math.ceil((2 * c) / outerPanel) + Math.ceil((2 * c) / innerPanel) + 8) * rule.points;
  const { ox, ow, ix, iw } = buffers(
    outerNodes,
    (Math.ceil((2 * c) / innerPanel) + 2) * rule.points,
  );
  // Accumulators over both classes: Σ w s I_i e, Σ w I_i e g'_1, Σ w I_i e g'_2, Σ w I_i I_j e².
  const Ks = [0, 0];
  const K1 = [0, 0];
  const K2 = [0, 0];
  let B11 = 0;
  let B12 = 0;
  let B22 = 0;
  for (const s of [1, -1]) {
    const y1 = s > 0;
    const c1 = (s * m1) / sl; // h_i/sl = c_i + L_i·g'
    const c2 = (s * m2) / sl;
    const outerCuts: number[] = [];
    if (L11 > 0) outerCuts.push(-c1 / L11);
    let wlo = 0;
    let whi = 0;
    if (L21 !== 0) {
      const ends = [(-c2 - c * L22) / L21, (-c2 + c * L22) / L21];
      wlo = Math.min(ends[0]!, ends[1]!);
      whi = Math.max(ends[0]!, ends[1]!);
      outerCuts.push(...ends);
    }
    const panelOf = (g: number) => (g > wlo && g < whi ? windowPanel : outerPanel);
    const no = pieceNodes(cutsOf(outerCuts, c), panelOf, rule, gl, ox, ow);
    for (let a = 0; a < no; a++) {
      const g1 = ox[a]!;
      const h1 = c1 + L11 * g1;
      const on1 = h1 >= 0;
      const r1 = on1 ? v1 * sl * h1 : 0;
      const h2base = c2 + L21 * g1;
      let ni: number;
      if (L22 > 0) {
        const b2 = -h2base / L22;
        // With unit 1 off and h2 < 0 nothing is integrated: start the inner line at the kink.
        const cuts = on1 ? cutsOf([b2], c) : [Math.max(-c, Math.min(c, b2)), c];
        ni = pieceNodes(cuts, () => innerPanel, rule, gl, ix, iw);
      } else {
        ix[0] = 0; // h2 does not depend on g'_2: the inner mean is the value at 0
        iw[0] = 1;
        ni = 1;
      }
      const wa = ow[a]!;
      for (let b = 0; b < ni; b++) {
        const g2 = ix[b]!;
        const h2 = h2base + L22 * g2;
        const on2 = h2 >= 0;
        if (!on1 && !on2) continue;
        const z = r1 + (on2 ? v2 * sl * h2 : 0);
        // e = σ(z) − y, written without cancellation: −σ(−z) for y = 1, σ(z) for y = 0.
        const e = y1 ? -1 / (1 + Math.exp(z)) : 1 / (1 + Math.exp(-z));
        const w = wa * iw[b]!;
        const we = w * e;
        const we2 = we * e;
        if (on1) {
          Ks[0] = Ks[0]! + s * we;
          K1[0] = K1[0]! + we * g1;
          K2[0] = K2[0]! + we * g2;
          B11 += we2;
          if (on2) B12 += we2;
        }
        if (on2) {
          Ks[1] = Ks[1]! + s * we;
          K1[1] = K1[1]! + we * g1;
          K2[1] = K2[1]! + we * g2;
          B22 += we2;
        }
      }
    }
  }
  // Conditional means of the linear factors: X·μ → s + sl(e1₀ g'1 + e2₀ g'2),
  // X·W_j⊥ → sl((L_j1 − m_j e1₀) g'1 + (L_j2 − m_j e2₀) g'2).
  const Lrow = [
    [L11, 0],
    [L21, L22],
  ];
  const m = [m1, m2];
  for (let i = 0; i < 2; i++) {
    out.Amu[i] = 0.5 * (Ks[i]! + sl * (e1[0]! * K1[i]! + e2[0]! * K2[i]!));
    for (let j = 0; j < 2; j++) {
      const a1 = Lrow[j]![0]! - m[j]! * e1[0]!;
      const a2 = Lrow[j]![1]! - m[j]! * e2[0]!;
      out.Aperp[2 * i + j] = 0.5 * sl * (a1 * K1[i]! + a2 * K2[i]!);
    }
  }
  out.B[0] = 0.5 * B11;
  out.B[1] = 0.5 * B12;
  out.B[2] = 0.5 * B12;
  out.B[3] = 0.5 * B22;
  return out;
}
