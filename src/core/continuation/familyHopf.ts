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
 * in the ratio 2: **supercritical**. Stable cycles that do not shrink with δ were not born there:
 * the run jumped to them, as past a **subcritical** point. A run that settles on an equilibrium
 * (on a family, often another, stable member), fails or does not settle decides nothing (null).
 * The settled cycle is then polished and continued by shooting (periodic.ts).
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
const MAX_PERIODS = 200;
/**
 * The runs' tolerances: the swing is wanted to 10⁻³ (SETTLED), and the cycle found is polished
 * by shooting at 10⁻¹⁰ afterwards (periodic.ts), so the runs need not be as tight.
 */
const FLOW_TOLERANCES = { rtol: 1e-8, atol: 1e-10 };
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
   * half the late swing; 0 when a run settled on an equilibrium, NaN when it failed or was not
   * run: the farther run is made only when the nearer one settled on a cycle). */
  p: [number, number];
  amplitude: [number, number];
  /** The last state and period estimate of the nearer run's settled cycle (supercritical only). */
  cycle: { x: Float64Array; period: number; p: number; centre: Float64Array } | null;
  why: string;
}

/** How a run ended: on a cycle (its swing, last state, period and centre), on an equilibrium,
 * not settled within MAX_PERIODS, or failed (a solver stop or a blow-up). */
type Settled =
  | { kind: 'cycle'; amplitude: number; x: Float64Array; period: number; centre: Float64Array }
  | { kind: 'equilibrium'; amplitude: 0 }
  | { kind: 'unsettled'; amplitude: number }
  | { kind: 'failed'; amplitude: number; why: string };

/**
 * Family Hopf points tested per diagram, by distinct Hopf value: on a family every member with
 * a complex pair crosses at the same value, and the GAN at d = 2 has 26 such points at 12
 * values, whose runs took 19 s together.
 */
const MAX_TESTED_VALUES = 6;

/**
 * The test at the Hopf points of a diagram's families, and the cycles of the supercritical ones
 * (with options.orbits). Points at one Hopf value share the first one's verdict, unless it is
 * supercritical: then each member is run, since each may settle on its own cycle (the GAN's
 * members P = ±1 give the mirror cycles around ±P_c). A cycle already found is not continued
 * again.
 */
export function testFamilyHopfs(
  model: Model,
  params: Params,
  points: { branch: Branch; hopf: SpecialPoint }[],
  options: { axis: string; range: [number, number]; orbits: boolean },
): { periodic: PeriodicBranch[]; notes: string[] } {
  const periodic: PeriodicBranch[] = [];
  const notes: string[] = [];
  const centres: Float64Array[] = [];
  const values: { p: number; first: FamilyHopfTest }[] = [];
  let skipped = 0;
  for (const { branch, hopf } of points) {
    const same = values.find((v) => Math.abs(v.p - hopf.p) <= 1e-7 * Math.max(1, Math.abs(hopf.p)));
    if (!same && values.length >= MAX_TESTED_VALUES) {
      skipped++;
      hopf.criticality = null;
      hopf.criticalityTest = `not tested: more than ${MAX_TESTED_VALUES} Hopf values on families here`;
      continue;
    }
    let test: FamilyHopfTest;
    if (same && same.first.criticality !== 'supercritical') {
      test = {
        ...same.first,
        cycle: null,
        why: `${same.first.why} (run from a member at the same value)`,
      };
    } else {
      test = familyHopfTest(model, params, branch, hopf, options.axis, options.range);
      if (!same) values.push({ p: hopf.p, first: test });
    }
    hopf.criticality = test.criticality;
    hopf.criticalityTest = test.why;
    const cycle = test.cycle;
    if (!options.orbits || !cycle) continue;
    if (centres.some((c) => maxChange(c, cycle.centre) < 1e-3 * scaleOf(cycle.centre))) continue;
    centres.push(cycle.centre);
    try {
      periodic.push(familyOrbits(model, params, cycle, options));
    } catch (err) {
      notes.push(
        `no cycles continued from the Hopf point at ${options.axis} = ${hopf.p}: ${String(err)}`,
      );
    }
  }
  if (skipped) {
    notes.push(
      `${skipped} Hopf points on families were not tested for criticality (over ${MAX_TESTED_VALUES} Hopf values)`,
    );
  }
  return { periodic, notes };
}

function scaleOf(x: ArrayLike<number>): number {
  let s = 1;
  for (let i = 0; i < x.length; i++) s = Math.max(s, Math.abs(x[i]!));
  return s;
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
  const scale = scaleOf(xH);
  const start = xH.map((x, i) => x + NUDGE * scale * v[i]!);
  const period0 = (2 * Math.PI) / hopf.omega!;
  // The farther run only matters when the nearer one settled on a cycle.
  const near = settle(sys, p[0], start, period0, scale);
  const far = near.kind === 'cycle' ? settle(sys, p[1], start, period0, scale) : null;
  const amplitude: [number, number] = [near.amplitude, far ? far.amplitude : Number.NaN];
  const verdict = classify(near, far);
  if (verdict.cycle) verdict.cycle.p = p[0];
  return { p, amplitude, ...verdict };
}

/**
 * The test's verdict from the two runs. Only a cycle that shrinks like √δ is a cycle born at the
 * Hopf point; a run that settles on an equilibrium (on a family: another, stable member) or
 * does not settle decides nothing.
 */
function classify(
  near: Settled,
  far: Settled | null,
): Pick<FamilyHopfTest, 'criticality' | 'cycle' | 'why'> {
  const none = { cycle: null, criticality: null };
  if (near.kind === 'failed') return { ...none, why: `the run off the Hopf point ${near.why}` };
  if (near.kind === 'equilibrium') {
    return { ...none, why: 'the run off the Hopf point settles on an equilibrium, not a cycle' };
  }
  if (near.kind === 'unsettled' || !far || far.kind === 'unsettled') {
    return { ...none, why: 'the runs off the Hopf point did not settle within the time allowed' };
  }
  if (far.kind !== 'cycle') {
    const end = far.kind === 'failed' ? far.why : 'settles on an equilibrium';
    return { ...none, why: `a cycle at δ, but the run at 4δ ${end}` };
  }
  const ratio = far.amplitude / near.amplitude;
  const amplitudes = `${fmt(near.amplitude)} and ${fmt(far.amplitude)} at δ and 4δ (ratio ${fmt(ratio)}, √4 = 2)`;
  if (ratio >= SQRT_RATIO[0] && ratio <= SQRT_RATIO[1]) {
    return {
      criticality: 'supercritical',
      cycle: { x: near.x, period: near.period, p: Number.NaN, centre: near.centre },
      why: `stable cycles with amplitudes ${amplitudes}`,
    };
  }
  // A stable cycle on the unstable side that does not shrink as δ → 0 was not born here: the
  // run jumped to it, as past a subcritical Hopf point.
  return ratio < SQRT_RATIO[0]
    ? {
        criticality: 'subcritical',
        cycle: null,
        why: `a jump to a large cycle: amplitudes ${amplitudes}`,
      }
    : { ...none, why: `the cycles' amplitudes ${amplitudes} do not grow like √δ` };
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

/** Integrate chunk by chunk until two chunks' swings and centres agree (see Settled). */
function settle(
  sys: EquilibriumSystem,
  p: number,
  start: Float64Array,
  period0: number,
  scale: number,
): Settled {
  const n = sys.n;
  const rhs = sys.rhsAt([p]);
  const chunk = CHUNK_PERIODS * period0;
  const samples = CHUNK_PERIODS * SAMPLES_PER_PERIOD + 1;
  let x = start;
  let previous: { amplitude: number; centre: Float64Array } | null = null;
  for (let done = 0; done < MAX_PERIODS; done += CHUNK_PERIODS) {
    const sol = solveOde(rhs, x, timeGrid(0, chunk, samples), FLOW_TOLERANCES);
    if (sol.status !== 'done')
      return { kind: 'failed', amplitude: Number.NaN, why: `stopped (${sol.status})` };
    const y = sol.y;
    x = y.slice((samples - 1) * n);
    if (x.some((v) => !(Math.abs(v) <= 1e6 * scale))) {
      return { kind: 'failed', amplitude: Number.NaN, why: 'blew up' };
    }
    const w = window(y, n, samples);
    if (w.amplitude <= 1e-9 * scale) return { kind: 'equilibrium', amplitude: 0 };
    // Settled: the swing and the centre both still (the drift along a family is slow: on the
    // GAN's line it takes ~60 periods, while the swing settles in a few).
    if (
      previous &&
      Math.abs(w.amplitude - previous.amplitude) <= SETTLED * w.amplitude &&
      maxChange(w.centre, previous.centre) <= SETTLED * w.amplitude
    ) {
      const period = periodOf(y, n, samples, chunk, w);
      return { kind: 'cycle', amplitude: w.amplitude, x, period, centre: w.centre };
    }
    previous = w;
  }
  return { kind: 'unsettled', amplitude: previous?.amplitude ?? Number.NaN };
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

function maxChange(a: ArrayLike<number>, b: ArrayLike<number>): number {
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
