/**
 * Tests of the fixed-point engine against closed forms: Jacobians, eigenpairs (A·V = V·D),
 * the classification of linear systems, Lorenz and Van der Pol, and continua of fixed points
 * (including the GAN's q = r = 0 plane, whose stability changes at |P| = p*).
 */
import { describe, expect, it } from 'vitest';

import {
  classify,
  classifyTransverse,
  eigenpairs,
  type Eigenvalue,
  eigenvalues,
  findFixedPoints,
  gridStarts,
  jacobian,
  newtonSolve,
  randomStarts,
  sampleFamily,
} from './fixedPoints';
import type { Rhs } from './ode';
import { Rng } from './rng';

/** A linear system x' = A x for a 2×2 row-major A. */
function linear(a: number, b: number, c: number, d: number): Rhs {
  return (_t, x, dx) => {
    dx[0] = a * x[0]! + b * x[1]!;
    dx[1] = c * x[0]! + d * x[1]!;
  };
}

function classOf(rhs: Rhs) {
  const J = jacobian(rhs, new Float64Array(2));
  return classify(eigenvalues(J, 2));
}

describe('jacobian', () => {
  // F = (sin(x)·y + z², e^{x−y} − z, x·y·z + cos z); J by hand:
  // [[cos(x)·y, sin x, 2z], [e^{x−y}, −e^{x−y}, −1], [y·z, x·z, x·y − sin z]].
  const rhs: Rhs = (_t, v, dv) => {
    const [x, y, z] = [v[0]!, v[1]!, v[2]!];
    dv[0] = Math.sin(x) * y + z * z;
    dv[1] = Math.exp(x - y) - z;
    dv[2] = x * y * z + Math.cos(z);
  };
  const analytic = (v: Float64Array, J: Float64Array) => {
    const [x, y, z] = [v[0]!, v[1]!, v[2]!];
    const e = Math.exp(x - y);
    J.set([Math.cos(x) * y, Math.sin(x), 2 * z, e, -e, -1, y * z, x * z, x * y - Math.sin(z)]);
  };

  it('central differences match the analytic Jacobian of a nonlinear system to 1e-7', () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 20; trial++) {
      const x = Float64Array.from({ length: 3 }, () => 6 * rng.nextFloat() - 3);
      const numeric = jacobian(rhs, x);
      const exact = new Float64Array(9);
      analytic(x, exact);
      for (let k = 0; k < 9; k++) {
        expect(Math.abs(numeric[k]! - exact[k]!)).toBeLessThan(
          1e-7 * Math.max(1, Math.abs(exact[k]!)),
        );
      }
    }
  });

  it('uses the analytic Jacobian when given (no rhs calls)', () => {
    let calls = 0;
    const counted: Rhs = (t, x, dx) => {
      calls++;
      rhs(t, x, dx);
    };
    const x = Float64Array.from([0.3, -0.7, 1.1]);
    const J = jacobian(counted, x, { analytic });
    const exact = new Float64Array(9);
    analytic(x, exact);
    expect(Array.from(J)).toEqual(Array.from(exact));
    expect(calls).toBe(0);
  });
});

describe('eigenpairs', () => {
  /** max_k ‖A·v_k − λ_k·v_k‖ / ‖v_k‖ in complex arithmetic: the A·V = V·D identity. */
  function eigenResidual(A: Float64Array, n: number): number {
    let worst = 0;
    for (const { re, im, vRe, vIm } of eigenpairs(A, n)) {
      let vNorm = 0;
      for (let i = 0; i < n; i++) vNorm += vRe[i]! ** 2 + vIm[i]! ** 2;
      vNorm = Math.sqrt(vNorm);
      if (!(vNorm > 0)) return Number.POSITIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        let avRe = 0;
        let avIm = 0;
        for (let j = 0; j < n; j++) {
          avRe += A[i * n + j]! * vRe[j]!;
          avIm += A[i * n + j]! * vIm[j]!;
        }
        const lvRe = re * vRe[i]! - im * vIm[i]!;
        const lvIm = re * vIm[i]! + im * vRe[i]!;
        worst = Math.max(worst, Math.hypot(avRe - lvRe, avIm - lvIm) / vNorm);
      }
    }
    return worst;
  }

  const randomMatrix = (n: number, seed: number) => {
    const rng = new Rng(seed);
    return Float64Array.from({ length: n * n }, () => 2 * rng.nextFloat() - 1);
  };

  it('satisfy A·v = λ·v for a random non-symmetric 5×5 matrix, sorted by Re λ, Σλ = tr A', () => {
    const n = 5;
    const A = randomMatrix(n, 3);
    const pairs = eigenpairs(A, n);
    expect(pairs.length).toBe(n);
    // This seed gives a complex pair, so the eigenvector layout of conjugate pairs is exercised.
    expect(pairs.some((p) => p.im !== 0)).toBe(true);
    for (let k = 1; k < n; k++) expect(pairs[k]!.re).toBeLessThanOrEqual(pairs[k - 1]!.re);
    expect(eigenResidual(A, n)).toBeLessThan(1e-12);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += A[i * n + i]!;
    expect(pairs.reduce((s, p) => s + p.re, 0)).toBeCloseTo(trace, 12);
    expect(pairs.reduce((s, p) => s + p.im, 0)).toBeCloseTo(0, 12);
  });

  it('satisfy A·v = λ·v for larger random matrices with several complex pairs', () => {
    let twoPairs = 0;
    for (const n of [6, 8, 12]) {
      for (let seed = 1; seed <= 5; seed++) {
        const A = randomMatrix(n, seed);
        expect(eigenResidual(A, n)).toBeLessThan(1e-11);
        if (eigenvalues(A, n).filter((e) => e.im > 0).length >= 2) twoPairs++;
      }
    }
    expect(twoPairs).toBeGreaterThan(0);
  });

  it('gives NaN (not a hang) for a matrix with non-finite entries, which classify calls marginal', () => {
    const eigs = eigenvalues(Float64Array.from([1, Number.NaN, 0, 1]), 2);
    expect(eigs.every((e) => Number.isNaN(e.re))).toBe(true);
    expect(classify(eigs).stability).toBe('marginal');
  });
});

describe('classify', () => {
  it('labels the linear prototypes', () => {
    // x' = x, y' = −y: λ = ±1.
    expect(classOf(linear(1, 0, 0, -1))).toEqual({
      stability: 'unstable',
      kind: 'saddle',
      focus: false,
    });
    // x' = −x − 2y, y' = 2x − y: λ = −1 ± 2i.
    expect(classOf(linear(-1, -2, 2, -1))).toEqual({
      stability: 'stable',
      kind: 'stable focus',
      focus: true,
    });
    // x' = x + y, y' = 2y: λ = 1, 2.
    expect(classOf(linear(1, 1, 0, 2))).toEqual({
      stability: 'unstable',
      kind: 'unstable node',
      focus: false,
    });
    // x' = y, y' = −x: λ = ±i, a centre.
    expect(classOf(linear(0, 1, -1, 0))).toEqual({
      stability: 'marginal',
      kind: 'marginal',
      focus: false,
    });
    // x' = −2x, y' = −y: λ = −1, −2.
    expect(classOf(linear(-2, 0, 0, -1)).kind).toBe('stable node');
    // x' = x − 3y, y' = 3x + y: λ = 1 ± 3i.
    expect(classOf(linear(1, -3, 3, 1)).kind).toBe('unstable focus');
  });

  it('scales the tolerance by max(1, max|λ|)', () => {
    const e = (re: number, im = 0): Eigenvalue => ({ re, im });
    // t = 1e-7·1000 = 1e-4: Re λ = 5e-5 counts as zero, 2e-4 does not.
    expect(classify([e(5e-5), e(-1000)]).kind).toBe('marginal');
    expect(classify([e(2e-4), e(-1000)]).kind).toBe('saddle');
    // With |λ| ≤ 1 the tolerance is absolute: 5e-8 is zero, 5e-7 is not.
    expect(classify([e(-5e-8), e(-0.5)]).kind).toBe('marginal');
    expect(classify([e(-5e-7), e(-0.5)]).kind).toBe('stable node');
    // Only the leading eigenvalues decide node vs focus: a fast complex pair does not.
    expect(classify([e(-0.1), e(-5, 3), e(-5, -3)]).kind).toBe('stable node');
    expect(classify([e(-0.1, 1), e(-0.1, -1), e(-5)]).kind).toBe('stable focus');
    expect(classify([]).kind).toBe('marginal');
  });

  it('classifyTransverse drops the family’s zero eigenvalues only', () => {
    const e = (re: number, im = 0): Eigenvalue => ({ re, im });
    expect(classifyTransverse([e(0), e(-1)], 1).kind).toBe('stable node');
    expect(classifyTransverse([e(2), e(0)], 1).kind).toBe('unstable node');
    // A second zero eigenvalue (a bifurcation point on the family) keeps it marginal.
    expect(classifyTransverse([e(0), e(0), e(-1)], 1).kind).toBe('marginal');
  });
});

describe('newtonSolve', () => {
  it('converges quadratically to √2 on x² − 2', () => {
    const r = newtonSolve((_t, x, dx) => (dx[0] = x[0]! * x[0]! - 2), Float64Array.from([1]));
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0]! - Math.SQRT2)).toBeLessThan(1e-15);
    expect(r.iterations).toBeLessThan(10);
  });

  it('reaches a degenerate root (x′ = −x³, λ = 0 there) to the step tolerance', () => {
    // Newton converges only linearly here (x → 2x/3) and |F| = |x|³ is below 1e-11 already
    // at x = 2e-4; the step test ‖δ‖ = |x|/3 ≤ 1e-8 is what makes the answer accurate.
    const r = newtonSolve((_t, x, dx) => (dx[0] = -(x[0]! ** 3)), Float64Array.from([1]), {
      analyticJacobian: (x, J) => (J[0] = -3 * x[0]! ** 2),
    });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0]!)).toBeLessThan(3e-8);
    expect(r.iterations).toBeLessThan(60);
  });

  it('returns converged: false and finite numbers when the start runs off to infinity', () => {
    // F = e^{−x}: no root; Newton steps x → x + 1 forever while |F| → 0, so a residual test
    // alone would accept x ≈ 25. F = 1/(1 + x²): Newton's x → (3x² + 1)/(2x) ≈ 1.5x blows up.
    const cases: [Rhs, number][] = [
      [(_t, x, dx) => (dx[0] = Math.exp(-x[0]!)), 0],
      [(_t, x, dx) => (dx[0] = 1 / (1 + x[0]! * x[0]!)), 1],
      [(_t, x, dx) => (dx[0] = x[0]! * x[0]! + 1), 0.5], // a local minimum |F| = 1 at x = 0
      [(_t, x, dx) => (dx[0] = Math.sqrt(x[0]!) + 1), 1], // NaN for x < 0
    ];
    for (const [rhs, start] of cases) {
      const r = newtonSolve(rhs, Float64Array.from([start]));
      expect(r.converged).toBe(false);
      expect(Number.isFinite(r.x[0]!)).toBe(true);
      expect(Number.isFinite(r.residual)).toBe(true);
    }
    expect(newtonSolve(cases[0]![0], Float64Array.from([0])).x[0]).toBeGreaterThan(10);
  });

  it('applies the projection after each step', () => {
    // F = (y − x, y − x): every point of y = x is a root; projected onto the unit circle the
    // solution is (1, 1)/√2 from a start in the first quadrant.
    const rhs: Rhs = (_t, x, dx) => {
      dx[0] = x[1]! - x[0]!;
      dx[1] = x[1]! - x[0]!;
    };
    const project = (x: Float64Array) => {
      const r = Math.hypot(x[0]!, x[1]!);
      x[0] = x[0]! / r;
      x[1] = x[1]! / r;
    };
    const r = newtonSolve(rhs, Float64Array.from([2, 0.5]), { project });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(Math.SQRT1_2, 10);
    expect(r.x[1]).toBeCloseTo(Math.SQRT1_2, 10);
  });
});

describe('findFixedPoints: isolated points', () => {
  const sigma = 10;
  const rho = 28;
  const beta = 8 / 3;
  const lorenz: Rhs = (_t, v, dv) => {
    dv[0] = sigma * (v[1]! - v[0]!);
    dv[1] = v[0]! * (rho - v[2]!) - v[1]!;
    dv[2] = v[0]! * v[1]! - beta * v[2]!;
  };

  it('Lorenz: exactly (0,0,0) and (±√(β(ρ−1)), ±√(β(ρ−1)), ρ−1), a saddle and two saddle-foci', () => {
    const report = findFixedPoints(lorenz, 3, {
      starts: gridStarts([-20, -25, -5], [20, 25, 45], 5),
    });
    expect(report.families).toEqual([]);
    expect(report.points.length).toBe(3);
    const c = Math.sqrt(beta * (rho - 1));
    const want = [
      [-c, -c, rho - 1],
      [0, 0, 0],
      [c, c, rho - 1],
    ];
    report.points.forEach((p, k) => {
      for (let i = 0; i < 3; i++) expect(Math.abs(p.x[i]! - want[k]![i]!)).toBeLessThan(1e-9);
      expect(p.stability).toBe('unstable');
      expect(p.kind).toBe('saddle');
    });
    const [minus, origin, plus] = report.points as [
      (typeof report.points)[0],
      (typeof report.points)[0],
      (typeof report.points)[0],
    ];
    // Origin: λ = −β and (−(σ+1) ± √((σ+1)² + 4σ(ρ−1)))/2 ≈ 11.83, −22.83; all real.
    const root = Math.sqrt((sigma + 1) ** 2 + 4 * sigma * (rho - 1));
    const originWant = [(-(sigma + 1) + root) / 2, -beta, (-(sigma + 1) - root) / 2];
    origin.eigenvalues.forEach((e, k) => {
      expect(e.re).toBeCloseTo(originWant[k]!, 6);
      expect(e.im).toBe(0);
    });
    expect(origin.focus).toBe(false);
    // C±: roots of λ³ + (σ+β+1)λ² + β(σ+ρ)λ + 2σβ(ρ−1) (Lorenz 1963; Strogatz §9.2):
    // one real λ ≈ −13.85 and a complex pair with Re λ ≈ +0.094 > 0 (ρ > ρ_H ≈ 24.74).
    for (const p of [minus, plus]) {
      expect(p.focus).toBe(true);
      expect(p.eigenvalues[0]!.re).toBeGreaterThan(0.09);
      expect(Math.abs(p.eigenvalues[0]!.im)).toBeGreaterThan(10);
      for (const { re, im } of p.eigenvalues) {
        // p(λ) by Horner in complex arithmetic.
        const coeffs = [1, sigma + beta + 1, beta * (sigma + rho), 2 * sigma * beta * (rho - 1)];
        let vr = 0;
        let vi = 0;
        for (const a of coeffs) [vr, vi] = [vr * re - vi * im + a, vr * im + vi * re];
        expect(Math.hypot(vr, vi)).toBeLessThan(1e-8 * coeffs[3]!);
      }
    }
    expect(report.converged).toBeGreaterThan(100);
  });

  it('Van der Pol (μ = 1): one fixed point, an unstable focus with λ = (μ ± i√(4 − μ²))/2', () => {
    const mu = 1;
    const vdp: Rhs = (_t, v, dv) => {
      dv[0] = v[1]!;
      dv[1] = mu * (1 - v[0]! * v[0]!) * v[1]! - v[0]!;
    };
    const report = findFixedPoints(vdp, 2, { starts: gridStarts([-3, -3], [3, 3], 7) });
    expect(report.points.length).toBe(1);
    expect(report.families.length).toBe(0);
    const p = report.points[0]!;
    expect(Math.abs(p.x[0]!)).toBeLessThan(1e-12);
    expect(Math.abs(p.x[1]!)).toBeLessThan(1e-12);
    expect(p.kind).toBe('unstable focus');
    expect(p.eigenvalues[0]!.re).toBeCloseTo(mu / 2, 8);
    expect(Math.abs(p.eigenvalues[0]!.im)).toBeCloseTo(Math.sqrt(4 - mu * mu) / 2, 8);
  });

  it('deduplicates: every start converging to one point gives one point', () => {
    const report = findFixedPoints(linear(-1, 0.5, 0, -2), 2, {
      starts: randomStarts([-5, -5], [5, 5], 50),
    });
    expect(report.converged).toBe(50);
    expect(report.points.length).toBe(1);
    expect(report.points[0]!.kind).toBe('stable node');
  });

  it('stops between starts when the signal aborts and reports what it found', () => {
    const done = findFixedPoints(linear(-1, 0, 0, -1), 2, {
      starts: gridStarts([-1, -1], [1, 1], 3),
      signal: { aborted: true },
    });
    expect(done).toMatchObject({ points: [], families: [], starts: 0, aborted: true });
    let calls = 0;
    const counted: Rhs = (t, x, dx) => {
      calls++;
      linear(-1, 0, 0, -1)(t, x, dx);
    };
    const partial = findFixedPoints(counted, 2, {
      starts: gridStarts([-1, -1], [1, 1], 3),
      signal: {
        get aborted() {
          return calls > 0;
        },
      },
    });
    expect(partial.aborted).toBe(true);
    expect(partial.starts).toBe(1);
    expect(partial.points.length).toBe(1);
  });
});

describe('findFixedPoints: families', () => {
  // P' = −P q², q' = −q: every (P, 0) is a fixed point with J = [[0, 0], [0, −1]].
  const line: Rhs = (_t, x, dx) => {
    dx[0] = -x[0]! * x[1]! ** 2;
    dx[1] = -x[1]!;
  };

  it('reports a line of fixed points as one family of dimension 1 covering the starts', () => {
    const report = findFixedPoints(line, 2, { starts: gridStarts([-2, -1], [2, 1], 9) });
    expect(report.points).toEqual([]);
    expect(report.families.length).toBe(1);
    const fam = report.families[0]!;
    expect(fam.dimension).toBe(1);
    expect(fam.nullity).toBe(1);
    expect(fam.transverse).toBe(true);
    expect(fam.basis[0]![0]).toBeCloseTo(1, 9); // along +P
    expect(fam.basis[0]![1]).toBeCloseTo(0, 9);
    expect(fam.points.length).toBeGreaterThan(5);
    for (let k = 0; k < fam.points.length; k++) {
      const p = fam.points[k]!;
      expect(Math.abs(p.x[1]!)).toBeLessThan(1e-10);
      expect(p.transverse).toBe(true);
      expect(p.kind).toBe('stable node'); // transverse λ = −1
      if (k > 0) expect(p.x[0]).toBeGreaterThan(fam.points[k - 1]!.x[0]!);
    }
    // The starts with q = 0 already sit on the line, so the extent covers P ∈ [−2, 2].
    const lo = fam.anchor[0]! + fam.extent[0];
    const hi = fam.anchor[0]! + fam.extent[1];
    expect(lo).toBeLessThanOrEqual(-2 + 1e-9);
    expect(hi).toBeGreaterThanOrEqual(2 - 1e-9);
    const samples = sampleFamily(line, fam, 21);
    expect(samples.length).toBe(21);
    expect(samples[0]!.x[0]).toBeCloseTo(lo, 12);
    expect(samples[20]!.x[0]).toBeCloseTo(hi, 12);
    for (const s of samples) {
      expect(s.residual).toBeLessThan(1e-12);
      expect(s.stability).toBe('stable');
    }
  });

  it('samples stability changes along a family: q′ = (P² − 1)q is stable only for |P| < 1', () => {
    // J at (P, 0) = [[0, 0], [0, P² − 1]]: eigenvalues 0 and P² − 1.
    const rhs: Rhs = (_t, x, dx) => {
      dx[0] = -x[0]! * x[1]! ** 2;
      dx[1] = (x[0]! ** 2 - 1) * x[1]!;
    };
    const report = findFixedPoints(rhs, 2, { starts: gridStarts([-2, -1], [2, 1], 9) });
    expect(report.families.length).toBe(1);
    const samples = sampleFamily(rhs, report.families[0]!, 81);
    let stable = 0;
    let unstable = 0;
    for (const s of samples) {
      const P = s.x[0]!;
      const transverse = s.eigenvalues.find((e) => Math.abs(e.re) > 1e-9);
      if (Math.abs(P * P - 1) > 1e-6) expect(transverse!.re).toBeCloseTo(P * P - 1, 7);
      if (Math.abs(P) < 0.95) {
        expect(s.kind).toBe('stable node');
        stable++;
      } else if (Math.abs(P) > 1.05) {
        expect(s.kind).toBe('unstable node');
        unstable++;
      }
    }
    expect(stable).toBeGreaterThan(10);
    expect(unstable).toBeGreaterThan(10);
  });

  it('reports a family and an isolated point side by side', () => {
    // P' = −P q², q' = −q(q − 1): the line q = 0 (transverse λ = +1) and the point (0, 1)
    // with J = −I, a stable node.
    const rhs: Rhs = (_t, x, dx) => {
      dx[0] = -x[0]! * x[1]! ** 2;
      dx[1] = -x[1]! * (x[1]! - 1);
    };
    const report = findFixedPoints(rhs, 2, { starts: gridStarts([-2, -0.5], [2, 1.5], 9) });
    expect(report.families.length).toBe(1);
    expect(report.families[0]!.dimension).toBe(1);
    expect(report.families[0]!.points.every((p) => p.kind === 'unstable node')).toBe(true);
    expect(report.points.length).toBe(1);
    const p = report.points[0]!;
    expect(Math.abs(p.x[0]!)).toBeLessThan(1e-9);
    expect(Math.abs(p.x[1]! - 1)).toBeLessThan(1e-9);
    expect(p.kind).toBe('stable node');
    expect(p.transverse).toBe(false);
  });

  it('does not join two degenerate points whose chord lies in the null space (midpoint test)', () => {
    // x' = (x² − 1)², y' = −y: fixed points (±1, 0), both with J = [[0, 0], [0, −1]], so the
    // chord (2, 0) is in both null spaces; the midpoint (0, 0) has F = (1, 0) ≠ 0.
    const rhs: Rhs = (_t, v, dv) => {
      dv[0] = (v[0]! ** 2 - 1) ** 2;
      dv[1] = -v[1]!;
    };
    const report = findFixedPoints(rhs, 2, { starts: gridStarts([-2, -1], [2, 1], 6) });
    expect(report.families).toEqual([]);
    expect(report.points.length).toBe(2);
    expect(report.points[0]!.x[0]).toBeCloseTo(-1, 7);
    expect(report.points[1]!.x[0]).toBeCloseTo(1, 7);
    for (const p of report.points) expect(p.kind).toBe('marginal');
  });

  it('GAN (13)-(14), d = 1: the line q = r = 0 is stable exactly for |P| > p*', () => {
    // The reduced ODE (13)-(14) of the GAN paper for d = 1 (S = 1), state (P, q, r):
    //   P' = τ̃(q r Λ̃ − P Λ̃ r²),  q' = τ(Λq − PΛ̃r + hq),
    //   r' = τ(PΛq − Λ̃r + hr) + τ̃(Λ̃ − Λ̃r²)r,
    //   h = (1 − τη_G/2)Λ̃r² − (1 + τη_T/2)Λq² − τ(η_G² + η_T²)/2.
    // At q = r = 0, P is free and the transverse block gives stability iff
    // P² > p*² = (Λ − τη̄²)(Λ̃ + τη̄² − αΛ̃)/(ΛΛ̃), α = τ̃/τ (Section 4, matched case).
    const tau = 0.2;
    const tauTilde = 0.04;
    const etaT = 2;
    const etaG = 2;
    const lam = 1;
    const lamT = 1;
    const gan: Rhs = (_t, x, dx) => {
      const [P, q, r] = [x[0]!, x[1]!, x[2]!];
      const h =
        (1 - (tau * etaG) / 2) * lamT * r * r -
        (1 + (tau * etaT) / 2) * lam * q * q -
        (tau * (etaG * etaG + etaT * etaT)) / 2;
      dx[0] = tauTilde * (q * r * lamT - P * lamT * r * r);
      dx[1] = tau * (lam * q - P * lamT * r + h * q);
      dx[2] = tau * (P * lam * q - lamT * r + h * r) + tauTilde * (lamT - lamT * r * r) * r;
    };
    const te = (tau * (etaT * etaT + etaG * etaG)) / 2;
    const alpha = tauTilde / tau;
    const pStar = Math.sqrt(((lam - te) * (lamT + te - alpha * lamT)) / (lam * lamT)); // ≈ 0.566
    const report = findFixedPoints(gan, 3, { starts: gridStarts([-1, -1, -1], [1, 1, 1], 5) });
    const fam = report.families.find((f) => Math.abs(f.basis[0]![0]!) > 0.999);
    expect(fam).toBeDefined();
    expect(fam!.dimension).toBe(1);
    // Members sit on q = r = 0; those at the bifurcation |P| = p* (where Newton converges only
    // linearly) to the step tolerance, the others to round-off.
    for (const p of fam!.points) {
      const off = Math.hypot(p.x[1]!, p.x[2]!);
      expect(off).toBeLessThan(Math.abs(Math.abs(p.x[0]!) - pStar) > 0.05 ? 1e-12 : 1e-6);
    }
    const samples = sampleFamily(gan, fam!, 201);
    let stable = 0;
    let saddle = 0;
    for (const s of samples) {
      const P = Math.abs(s.x[0]!);
      if (P > pStar + 0.01) {
        expect(s.stability).toBe('stable');
        stable++;
      } else if (P < pStar - 0.01) {
        expect(s.kind).toBe('saddle'); // the transverse determinant is negative
        saddle++;
      }
    }
    expect(stable).toBeGreaterThan(20);
    expect(saddle).toBeGreaterThan(20);
  });
});

describe('starts', () => {
  it('gridStarts covers the box corner to corner, first axis fastest', () => {
    const s = gridStarts([0, -1], [1, 1], 3);
    expect(s.length).toBe(9);
    expect(Array.from(s[0]!)).toEqual([0, -1]);
    expect(Array.from(s[1]!)).toEqual([0.5, -1]);
    expect(Array.from(s[8]!)).toEqual([1, 1]);
    expect(Array.from(gridStarts([0, 2], [1, 4], 1)[0]!)).toEqual([0.5, 3]);
    expect(() => gridStarts([0], [1, 2], 3)).toThrow(RangeError);
  });

  it('randomStarts stays in the box and is reproducible from the seed', () => {
    const a = randomStarts([-1, 10], [1, 20], 100);
    const b = randomStarts([-1, 10], [1, 20], 100);
    expect(a.map((x) => Array.from(x))).toEqual(b.map((x) => Array.from(x)));
    for (const x of a) {
      expect(x[0]).toBeGreaterThanOrEqual(-1);
      expect(x[0]).toBeLessThan(1);
      expect(x[1]).toBeGreaterThanOrEqual(10);
      expect(x[1]).toBeLessThan(20);
    }
    const c = randomStarts([-1, 10], [1, 20], 100, new Rng(2));
    expect(Array.from(c[0]!)).not.toEqual(Array.from(a[0]!));
  });
});
