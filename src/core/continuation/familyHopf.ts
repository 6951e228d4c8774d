/**
 * A Hopf point on a family of equilibria (the GAN's q = r = 0 line): its criticality by a
 * numerical test, and the periodic orbits that start there.
 *
 * Kuznetsov's l₁ (hopf.ts) needs ∂F/∂x invertible, and a family adds a zero eigenvalue along
 * itself; the drift along the family then decides the local picture (Fiedler, Liebscher &
 * Alexander 2000). So the test integrates instead (docs/continuation.md, "Hopf points on a
 * family"): on the unstable side, at the distances δ and 4δ from the Hopf value, a run from the
 * member nudged along the critical eigenvector either settles on a cycle or does not. A small
 * stable cycle that is born at the Hopf point has an amplitude ∝ √δ, so the two amplitudes are
 * in the ratio 2: **supercritical**. A run that leaves for something that does not shrink with δ
 * (a large cycle, another equilibrium, a blow-up) means no small stable cycle exists there:
 * **subcritical**. The settled cycle is then polished and continued by shooting (periodic.ts).
 */
import type { Model } from '../model';
import { solveOde, timeGrid } from '../ode';
import type { Params } from '../params';
import { continuePeriodicOrbit, criticalRealPart } from './periodic';
import { EquilibriumSystem } from './system';
import type { Branch, PeriodicBranch, SpecialPoint } from './types';

/** The distance δ of the nearer run from the Hopf value, as a fraction of the axis range. */
const DELTA_OF_RANGE = 0.01;
/** The nudge along the critical eigenvector, as a fraction of the state's scale. */
const NUDGE = 1e-3;
/** Periods integrated per chunk, and at most. */
const CHUNK_PERIODS = 10;
const MAX_PERIODS = 400;
/** Samples per linear period 2π/ω: the sampled swing misses the true one by ≤ (π/100)²/2. */
const SAMPLES_PER_PERIOD = 100;
/**
 * Two chunks in a row whose amplitudes and centres agree to this (relative to the amplitude)
 * mean the run has settled: twice the sampling's bias, so that a settled run is seen as one.
 */
const SETTLED = 1e-3;
/**
 * The orbits are followed until their period is this many times the first one's. The GAN's
 * cycles end in a homoclinic loop through P = 0 (period 40 → ∞ as α → 1.1149 at Fig. 4's
 * τ = 0.3), where shooting crawls: 2.5 stops them at α = 1.114 instead of 30 more orbits there.
 */
const PERIOD_GROWTH = 2.5;
/** √4 = 2 up to the O(δ) terms of the amplitude: the ratio a supercritical cycle gives. */
const SQRT_RATIO: [number, number] = [1.5, 2.6];

export interface FamilyHopfTest {
  criticality: 'supercritical' | 'subcritical' | null;
  /** The axis values of the two runs, and their settled amplitudes (max over the variables of
   * half the late swing; 0 when a run settled on an equilibrium, NaN when it blew up). */
  p: [number, number];
  amplitude: [number, number];
  /** The last state and period estimate of the nearer run's settled cycle (supercritical only). */
  cycle: { x: Float64Array; period: number; p: number; centre: Float64Array } | null;
  why: string;
}

interface Settled {
  amplitude: number;
  x: Float64Array;
  period: number;
  /** The late window's mean point (which cycle of a symmetric pair it is). */
  centre: Float64Array;
}

/** The side of the Hopf value on which the member is (transversally) unstable: +1 or −1. */
export function unstableSide(branch: Branch, hopf: SpecialPoint): 1 | -1 {
  const k = Math.max(1, Math.min(hopf.index, branch.p.length - 1));
  const forward = Math.sign(branch.p[k]! - branch.p[k - 1]!) || 1;
  return (branch.stability[k] === 'unstable' ? forward : -forward) as 1 | -1;
}

/** The numerical criticality test at a Hopf point of a family (see the module comment). */
export function familyHopfTest(
  model: Model,
  params: Params,
  branch: Branch,
  hopf: SpecialPoint,
  axis: string,
  range: [number, number],
): FamilyHopfTest {
  const sys = new EquilibriumSystem(model, params, [axis]);
  const n = sys.n;
  const side = unstableSide(branch, hopf);
  const span = Math.abs(range[1] - range[0]);
  // Both runs inside the range: δ shrinks when the Hopf value is near the range's end.
  const room = side > 0 ? Math.max(range[0], range[1]) - hopf.p : hopf.p - Math.min(...range);
  const delta = Math.min(DELTA_OF_RANGE * span, room / 4);
  const p: [number, number] = [hopf.p + side * delta, hopf.p + side * 4 * delta];
  const xH = Float64Array.from(hopf.x);
  const v = criticalRealPart(sys.fullJacobian(xH, [hopf.p]), n, hopf.omega!);
  let scale = 1;
  for (const x of xH) scale = Math.max(scale, Math.abs(x));
  const start = xH.map((x, i) => x + NUDGE * scale * v[i]!);
  const period0 = (2 * Math.PI) / hopf.omega!;
  const runs = p.map((pv) => settle(sys, pv, start, period0, scale));
  const amplitude = runs.map((r) => (r ? r.amplitude : Number.NaN)) as [number, number];
  const base = { p, amplitude };
  const [near, far] = runs;
  if (!near || !far) {
    return {
      ...base,
      criticality: 'subcritical',
      cycle: null,
      why: 'a run off the Hopf point blew up',
    };
  }
  if (near.amplitude === 0 || far.amplitude === 0) {
    return {
      ...base,
      criticality: 'subcritical',
      cycle: null,
      why: 'a run settled on an equilibrium, not a cycle',
    };
  }
  if (!Number.isFinite(near.period)) {
    return {
      ...base,
      criticality: null,
      cycle: null,
      why: 'the runs did not settle within the time allowed',
    };
  }
  const ratio = far.amplitude / near.amplitude;
  if (ratio >= SQRT_RATIO[0] && ratio <= SQRT_RATIO[1]) {
    return {
      ...base,
      criticality: 'supercritical',
      cycle: { x: near.x, period: near.period, p: p[0], centre: near.centre },
      why: `stable cycles with amplitudes ${fmt(near.amplitude)} and ${fmt(far.amplitude)} at δ and 4δ (ratio ${fmt(ratio)}, √4 = 2)`,
    };
  }
  return {
    ...base,
    criticality: ratio < SQRT_RATIO[0] ? 'subcritical' : null,
    cycle: null,
    why: `the settled amplitudes ${fmt(near.amplitude)} and ${fmt(far.amplitude)} at δ and 4δ do not grow like √δ (ratio ${fmt(ratio)})`,
  };
}

/**
 * The stable cycles continued along the axis from a supercritical test's settled cycle, until
 * their period has grown PERIOD_GROWTH-fold.
 */
export function familyOrbits(
  model: Model,
  params: Params,
  cycle: NonNullable<FamilyHopfTest['cycle']>,
  options: { axis: string; range: [number, number]; maxPoints?: number },
): PeriodicBranch {
  const at = new EquilibriumSystem(model, params, [options.axis]).paramsAt([cycle.p]);
  return continuePeriodicOrbit(model, at, cycle.x, cycle.period, {
    axis: options.axis,
    range: options.range,
    maxPoints: options.maxPoints ?? 60,
    maxPeriodRatio: PERIOD_GROWTH,
  });
}

/**
 * Integrate chunk by chunk until two chunks' amplitudes agree: the settled amplitude, the last
 * state and the mean period between upward crossings of the most swinging variable's mean.
 * null when the run blew up. An unsettled run has period NaN.
 */
function settle(
  sys: EquilibriumSystem,
  p: number,
  start: Float64Array,
  period0: number,
  scale: number,
): Settled | null {
  const n = sys.n;
  const rhs = sys.rhsAt([p]);
  const chunk = CHUNK_PERIODS * period0;
  const samples = CHUNK_PERIODS * SAMPLES_PER_PERIOD + 1;
  let x = start;
  let previous: { amplitude: number; centre: Float64Array } | null = null;
  for (let done = 0; done < MAX_PERIODS; done += CHUNK_PERIODS) {
    const sol = solveOde(rhs, x, timeGrid(0, chunk, samples), { rtol: 1e-10, atol: 1e-12 });
    if (sol.status !== 'done') return null;
    const y = sol.y;
    x = y.slice((samples - 1) * n);
    if (!x.every(Number.isFinite) || x.some((v) => Math.abs(v) > 1e6 * scale)) return null;
    const w = window(y, n, samples);
    if (w.amplitude <= 1e-9 * scale) {
      return { amplitude: 0, x, period: Number.NaN, centre: w.centre };
    }
    // Settled: the swing and the centre both still (the drift along a family is slow: on the
    // GAN's line it takes ~60 periods, while the swing settles in a few).
    if (
      previous &&
      Math.abs(w.amplitude - previous.amplitude) <= SETTLED * w.amplitude &&
      maxChange(w.centre, previous.centre) <= SETTLED * w.amplitude
    ) {
      return {
        amplitude: w.amplitude,
        x,
        period: periodOf(y, n, samples, chunk, w),
        centre: w.centre,
      };
    }
    previous = w;
  }
  return {
    amplitude: previous?.amplitude ?? Number.NaN,
    x,
    period: Number.NaN,
    centre: new Float64Array(n),
  };
}

/**
 * The chunk's second half: per variable the middle of the swing and half the swing (the centre
 * and amplitude of a cycle, however many periods the window holds); the largest swing.
 */
function window(y: Float64Array, n: number, samples: number) {
  const from = Math.floor(samples / 2);
  const centre = new Float64Array(n);
  let amplitude = 0;
  let widest = 0;
  for (let i = 0; i < n; i++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let k = from; k < samples; k++) {
      const v = y[k * n + i]!;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    centre[i] = (lo + hi) / 2;
    if ((hi - lo) / 2 > amplitude) {
      amplitude = (hi - lo) / 2;
      widest = i;
    }
  }
  return { amplitude, centre, widest };
}

function maxChange(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

/** The mean time between upward crossings of the widest variable's mean in the second half. */
function periodOf(
  y: Float64Array,
  n: number,
  samples: number,
  duration: number,
  w: { centre: Float64Array; widest: number },
): number {
  const dt = duration / (samples - 1);
  const i = w.widest;
  const c = w.centre[i]!;
  const ups: number[] = [];
  for (let k = Math.floor(samples / 2) + 1; k < samples; k++) {
    const a = y[(k - 1) * n + i]! - c;
    const b = y[k * n + i]! - c;
    if (a < 0 && b >= 0) ups.push((k - 1 + a / (a - b)) * dt);
  }
  return ups.length >= 2 ? (ups[ups.length - 1]! - ups[0]!) / (ups.length - 1) : Number.NaN;
}

function fmt(v: number): string {
  return Number(v.toPrecision(4)).toString();
}
