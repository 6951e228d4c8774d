/**
 * bench: `continuation_gan_d1_boundary` — the Fig. 3(b) boundary between info-2 and the
 * oscillating phase (d = 1, λ = ∞, η = 1, Λ = Λ̃ = 1.2): the fold of the type-5 points, where the
 * two roots of (S-64) merge. Three ways, each with its time and its largest error in α against
 * that closed form (the root of B² − 4AC, bisected to round-off):
 * - two-parameter continuation of the fold (src/core/continuation), from Fig. 4(d)'s point;
 * - the app's 100 × 100 phase sweep over Fig. 3(b)'s ranges: its boundary is known to a cell,
 *   and its time is extrapolated from `columns` of its τ columns (every cell of a column);
 * - SciPy (bench/reference_continuation.py): fsolve on F = 0, det J = 0 on a grid of 100 τ.
 */

import { analyzeFixedPoints, phaseCell, setAxis } from '../src/core/analysis';
import { continueFoldCurve } from '../src/core/continuation/curves';
import { continueEquilibrium } from '../src/core/continuation/equilibria';
import { parseState } from '../src/core/state';
import { linspace } from '../src/core/sweep';
import { models } from '../src/models/registry';
import { round, runPythonReference } from './python';

const LAMBDA = 1.2;
const STATE = `model=gan&d=1&lambda=inf&eta=1&Lambda=${LAMBDA}&LambdaT=${LAMBDA}&tau=0.3&taut=0.47&P0=0.1&q0=0.1&T=1000`;
const TAU: [number, number] = [0.05, 1.5];
const ALPHA: [number, number] = [0.05, 2.5];

/** B² − 4AC of (S-64) at η = 1 (a fold of type 5 where it vanishes). */
function discriminant(tau: number, alpha: number): number {
  const tt = alpha * tau;
  const A = LAMBDA * (tt - tau) * (0.5 - 1 / tau) + tt;
  const B = LAMBDA * ((tt / tau) * (1 + tau / 2) - 2);
  const C = LAMBDA * (1 + tau / 2);
  return B * B - 4 * A * C;
}

/** The exact fold α*(τ) nearest `guess`: bisection of the discriminant on guess ± 0.2. */
function exactFold(tau: number, guess: number): number {
  let lo = guess - 0.2;
  let hi = guess + 0.2;
  const f = (a: number) => discriminant(tau, a);
  // Narrow to a sign change around the guess.
  const steps = 400;
  let best: [number, number] | null = null;
  for (let k = 0; k < steps; k++) {
    const a = lo + ((hi - lo) * k) / steps;
    const b = lo + ((hi - lo) * (k + 1)) / steps;
    if (
      f(a) * f(b) <= 0 &&
      (!best || Math.abs((a + b) / 2 - guess) < Math.abs((best[0] + best[1]) / 2 - guess))
    )
      best = [a, b];
  }
  if (!best) return Number.NaN;
  [lo, hi] = best;
  for (let k = 0; k < 200 && hi - lo > 0; k++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (Math.sign(f(mid)) === Math.sign(f(lo))) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function continuation() {
  const { model, params } = parseState(STATE, models);
  const t0 = performance.now();
  const found = analyzeFixedPoints(model, params);
  const start = found.points.find((p) => p.type === 'type 5' && p.x[0]! > 0 && p.x[1]! > 0)!;
  const branch = continueEquilibrium(model, params, start.x, { axis: 'alpha', range: ALPHA });
  const fold = branch.special.find((s) => s.kind === 'fold')!;
  const curve = continueFoldCurve(model, params, fold, {
    axes: ['alpha', 'tau'],
    ranges: [ALPHA, TAU],
  });
  const ms = performance.now() - t0;
  let error = 0;
  curve.p1.forEach((alpha, k) => {
    error = Math.max(error, Math.abs(alpha - exactFold(curve.p2[k]!, alpha)));
  });
  return { ms, error, points: curve.p1.length, tauMax: Math.max(...curve.p2), curve };
}

function sweep(columns: number, tauMax: number) {
  const { model, params } = parseState(STATE, models);
  const taus = linspace(TAU[0], TAU[1], 100);
  const alphas = linspace(ALPHA[0], ALPHA[1], 100);
  // Columns spread over the τ range where the boundary exists.
  const inside = taus.filter((t) => t < tauMax);
  const picked = Array.from(
    { length: columns },
    (_, k) => inside[Math.round(((inside.length - 1) * (k + 0.5)) / columns)]!,
  );
  let cells = 0;
  let error = 0;
  const t0 = performance.now();
  for (const tau of picked) {
    const labels = alphas.map((alpha) => {
      const p = { ...params };
      setAxis(model, p, 'tau', tau);
      setAxis(model, p, 'alpha', alpha);
      cells++;
      return phaseCell(model, p).label;
    });
    // The sweep's boundary: the cell edge where the column turns info-2 from oscillating.
    for (let i = 1; i < alphas.length; i++) {
      if (labels[i] === 'info-2' && labels[i - 1] === 'oscillating') {
        const estimate = (alphas[i]! + alphas[i - 1]!) / 2;
        error = Math.max(error, Math.abs(estimate - exactFold(tau, estimate)));
      }
    }
  }
  const ms = performance.now() - t0;
  return { msPerCell: ms / cells, cells, error, cell: (ALPHA[1] - ALPHA[0]) / 99 };
}

function scipy(quick: boolean, taus: number[], guesses: number[][]): Record<string, number> | null {
  return runPythonReference<Record<string, number>>(
    'bench/reference_continuation.py',
    quick ? ['--quick'] : [],
    JSON.stringify({ taus, start: guesses }),
  );
}

export function benchContinuation(quick: boolean): Record<string, unknown> {
  const runs = Array.from({ length: quick ? 2 : 5 }, continuation);
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const c = runs[0]!;
  const s = sweep(quick ? 2 : 6, c.tauMax);
  // SciPy on 100 τ of the same range, started from the continuation's point at τ = 0.3.
  const taus = linspace(TAU[0], c.tauMax, 100);
  const k0 = c.curve.p2.reduce(
    (b, t, k) => (Math.abs(t - 0.3) < Math.abs(c.curve.p2[b]! - 0.3) ? k : b),
    0,
  );
  const x0 = c.curve.x.slice(3 * k0, 3 * k0 + 3);
  const ref = scipy(quick, taus, [[...x0, c.curve.p1[k0]!, c.curve.p2[k0]!]]);
  let refError: number | null = null;
  if (ref && Array.isArray((ref as Record<string, unknown>)['alphas'])) {
    const alphas = (ref as unknown as { alphas: number[] }).alphas;
    refError = Math.max(...alphas.map((a, k) => Math.abs(a - exactFold(taus[k]!, a))));
  }
  return {
    continuation_gan_d1_boundary: {
      continuation_ms: round(ms),
      continuation_error: round(c.error, 2),
      continuation_points: c.points,
      sweep_100x100_ms: round(s.msPerCell * 1e4),
      sweep_error: round(s.error, 3),
      sweep_cell: round(s.cell, 3),
      sweep_cells_timed: s.cells,
      scipy_ms: ref ? round(ref['scipy_ms']!) : null,
      scipy_error: refError === null ? null : round(refError, 2),
      scipy_points: taus.length,
      what: `Fig. 3(b)'s info-2 / oscillating boundary (type-5 fold, Λ = ${LAMBDA}, η = 1) for τ from ${TAU[0]} to ${round(c.tauMax)}: wall ms and max |α − α*(τ)| against the merged roots of (S-64); the sweep's time is ${s.cells} of its 10⁴ cells, scaled`,
    },
  };
}
