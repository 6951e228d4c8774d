/**
 * The first Lyapunov coefficient of a Hopf point, from finite differences of the right-hand
 * side (Kuznetsov, "Elements of Applied Bifurcation Theory", 3rd ed., §5.4, the
 * coordinate-free formula for l₁): with A q = iωq, Aᵀp = −iωp, ⟨p, q⟩ = 1 (⟨a, b⟩ = Σ ā_i b_i)
 * and B, C the second and third derivatives of F at the equilibrium,
 *   l₁ = (1/2ω) Re[⟨p, C(q, q, q̄)⟩ − 2⟨p, B(q, A⁻¹B(q, q̄))⟩ + ⟨p, B(q̄, (2iω − A)⁻¹B(q, q))⟩].
 * with q normalised to ⟨q, q⟩ = 1. l₁ < 0: supercritical (a stable cycle is born where the
 * equilibrium loses stability); l₁ > 0: subcritical. In the coordinates z of x = zq + z̄q̄ the
 * normal form is ż = iωz + c₁z|z|² with l₁ = Re c₁/ω; for ẇ = (μ + iω)w + a|w|²w written in
 * w = x₁ + ix₂ (so w = √2 z) this gives l₁ = 2a/ω.
 */
import { eigenpairs } from '../stability';
import { luFactor, luSolve, type VectorMap } from './dense';

interface Cvec {
  re: Float64Array;
  im: Float64Array;
}

/** The largest |x_i| scale the difference steps are relative to. */
function scaleOf(x: Float64Array): number {
  let m = 1;
  for (const v of x) m = Math.max(m, Math.abs(v));
  return m;
}

/**
 * l₁ at the equilibrium x of F (A = ∂F/∂x there, n×n row-major), or NaN when A has no purely
 * imaginary pair to within 1e-6 of its scale or a solve fails.
 */
export function lyapunovCoefficient(F: VectorMap, x: Float64Array, A: Float64Array): number {
  const n = x.length;
  const right = eigenpairs(A, n);
  const AT = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) AT[j * n + i] = A[i * n + j]!;
  const left = eigenpairs(AT, n);
  // The critical pair: the eigenvalue with Im > 0 nearest the imaginary axis.
  let qPair = right.find((e) => e.im > 0);
  for (const e of right) if (e.im > 0 && Math.abs(e.re) < Math.abs(qPair!.re)) qPair = e;
  if (!qPair) return Number.NaN;
  const omega = qPair.im;
  let pPair = left[0]!;
  for (const e of left)
    if (Math.hypot(e.re, e.im + omega) < Math.hypot(pPair.re, pPair.im + omega)) pPair = e;
  const q: Cvec = { re: Float64Array.from(qPair.vRe), im: Float64Array.from(qPair.vIm) };
  let qn = 0;
  for (let i = 0; i < n; i++) qn += q.re[i]! ** 2 + q.im[i]! ** 2;
  qn = Math.sqrt(qn);
  for (let i = 0; i < n; i++) {
    q.re[i] = q.re[i]! / qn;
    q.im[i] = q.im[i]! / qn;
  }
  const p: Cvec = { re: Float64Array.from(pPair.vRe), im: Float64Array.from(pPair.vIm) };
  // Normalise ⟨p, q⟩ = 1: z = Σ p̄_i q_i, then p ← p / z̄.
  const z = inner(p, q);
  const d = z.re * z.re + z.im * z.im;
  if (!(d > 0)) return Number.NaN;
  for (let i = 0; i < n; i++) {
    const a = p.re[i]!;
    const b = p.im[i]!;
    // (a + ib)/(z.re − i z.im) = (a + ib)(z.re + i z.im)/|z|²
    p.re[i] = (a * z.re - b * z.im) / d;
    p.im[i] = (a * z.im + b * z.re) / d;
  }

  const s = scaleOf(x);
  const f0 = new Float64Array(n);
  F(x, f0);
  const xs = new Float64Array(n);
  const fs = new Float64Array(n);
  const at = (u: Float64Array, e: number, out: Float64Array, w: number) => {
    for (let i = 0; i < n; i++) xs[i] = x[i]! + e * u[i]!;
    F(xs, fs);
    for (let i = 0; i < n; i++) out[i] = out[i]! + w * fs[i]!;
  };
  // D²F(x)[u, u] and D³F(x)[u, u, u] by central differences.
  const eps2 = 1e-4 * s;
  const eps3 = 1e-3 * s;
  const d2 = (u: Float64Array) => {
    const out = Float64Array.from(f0, (v) => (-2 * v) / (eps2 * eps2));
    at(u, eps2, out, 1 / (eps2 * eps2));
    at(u, -eps2, out, 1 / (eps2 * eps2));
    return out;
  };
  const d3 = (u: Float64Array) => {
    const out = new Float64Array(n);
    const w = 1 / (2 * eps3 ** 3);
    at(u, 2 * eps3, out, w);
    at(u, eps3, out, -2 * w);
    at(u, -eps3, out, 2 * w);
    at(u, -2 * eps3, out, -w);
    return out;
  };
  const comb = (a: Float64Array, b: Float64Array, sb: number, c?: Float64Array, sc = 0) =>
    Float64Array.from(a, (v, i) => v + sb * b[i]! + (c ? sc * c[i]! : 0));
  // Polarisation: B(a, b) = [D²(a + b) − D²(a − b)]/4; C(a, b, c) = Σ s t D³(a + s b + t c)/24.
  const realB = (a: Float64Array, b: Float64Array) => {
    const plus = d2(comb(a, b, 1));
    const minus = d2(comb(a, b, -1));
    return Float64Array.from(plus, (v, i) => (v - minus[i]!) / 4);
  };
  const realC = (a: Float64Array, b: Float64Array, c: Float64Array) => {
    const out = new Float64Array(n);
    for (const sb of [1, -1])
      for (const sc of [1, -1]) {
        const v = d3(comb(a, b, sb, c, sc));
        for (let i = 0; i < n; i++) out[i] = out[i]! + (sb * sc * v[i]!) / 24;
      }
    return out;
  };
  const cB = (u: Cvec, v: Cvec) => multilinear([u, v], (args) => realB(args[0]!, args[1]!));
  const cC = (u: Cvec, v: Cvec, w: Cvec) =>
    multilinear([u, v, w], (args) => realC(args[0]!, args[1]!, args[2]!));
  const conj = (u: Cvec): Cvec => ({ re: u.re, im: Float64Array.from(u.im, (v) => -v) });

  const luA = luFactor(A, n);
  if (!luA) return Number.NaN;
  const bqq = cB(q, conj(q)); // real
  const h11 = luSolve(luA, bqq.re);
  const term2 = cB(q, { re: h11, im: new Float64Array(n) });
  // (2iω − A) h20 = B(q, q) as a real 2n system [[−A, −2ω], [2ω, −A]].
  const bq2 = cB(q, q);
  const M = new Float64Array(4 * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      M[i * 2 * n + j] = -A[i * n + j]!;
      M[(n + i) * 2 * n + n + j] = -A[i * n + j]!;
    }
    M[i * 2 * n + n + i] = -2 * omega;
    M[(n + i) * 2 * n + i] = 2 * omega;
  }
  const luM = luFactor(M, 2 * n);
  if (!luM) return Number.NaN;
  const rhs = new Float64Array(2 * n);
  rhs.set(bq2.re);
  rhs.set(bq2.im, n);
  const sol = luSolve(luM, rhs);
  const h20: Cvec = { re: sol.slice(0, n), im: sol.slice(n) };
  const term3 = cB(conj(q), h20);
  const term1 = cC(q, q, conj(q));
  const total = inner(p, term1).re - 2 * inner(p, term2).re + inner(p, term3).re;
  return total / (2 * omega);
}

function inner(a: Cvec, b: Cvec): { re: number; im: number } {
  let re = 0;
  let im = 0;
  for (let i = 0; i < a.re.length; i++) {
    // conj(a_i)·b_i
    re += a.re[i]! * b.re[i]! + a.im[i]! * b.im[i]!;
    im += a.re[i]! * b.im[i]! - a.im[i]! * b.re[i]!;
  }
  return { re, im };
}

/**
 * A real multilinear form evaluated at complex arguments: expand each argument into its real
 * and imaginary part; a term with j imaginary parts carries the factor i^j.
 */
function multilinear(args: Cvec[], real: (parts: Float64Array[]) => Float64Array): Cvec {
  const n = args[0]!.re.length;
  const out: Cvec = { re: new Float64Array(n), im: new Float64Array(n) };
  const k = args.length;
  for (let mask = 0; mask < 1 << k; mask++) {
    const parts = args.map((a, j) => ((mask >> j) & 1 ? a.im : a.re));
    if (parts.some((v) => v.every((x) => x === 0))) continue;
    let j = 0;
    for (let b = 0; b < k; b++) j += (mask >> b) & 1;
    const v = real(parts);
    // i^j: 1, i, −1, −i
    const target = j % 2 === 0 ? out.re : out.im;
    const sign = j % 4 < 2 ? 1 : -1;
    for (let i = 0; i < n; i++) target[i] = target[i]! + sign * v[i]!;
  }
  return out;
}
