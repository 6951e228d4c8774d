/**
 * The Dormand–Prince 5(4) stepper: one accepted step at a time, with its error control, its
 * dense output and its divergence checks. Coefficients, error norm, PI step-size control and the
 * 4th-order continuous extension follow Hairer, Nørsett & Wanner, "Solving ODEs I", §II.4–II.6
 * and their `dopri5` code. ode.ts drives it to a grid of times (solveOde), denseTrajectory.ts
 * keeps every step.
 */
import type { Divergence, OdeOptions, OdeStats, Rhs } from './ode';

// Butcher tableau of DOPRI5.
const C2 = 1 / 5,
  C3 = 3 / 10,
  C4 = 4 / 5,
  C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40,
  A32 = 9 / 40;
const A41 = 44 / 45,
  A42 = -56 / 15,
  A43 = 32 / 9;
const A51 = 19372 / 6561,
  A52 = -25360 / 2187,
  A53 = 64448 / 6561,
  A54 = -212 / 729;
const A61 = 9017 / 3168,
  A62 = -355 / 33,
  A63 = 46732 / 5247,
  A64 = 49 / 176,
  A65 = -5103 / 18656;
const A71 = 35 / 384,
  A73 = 500 / 1113,
  A74 = 125 / 192,
  A75 = -2187 / 6784,
  A76 = 11 / 84;
// Error estimate: 5th minus 4th order weights.
const E1 = 71 / 57600,
  E3 = -71 / 16695,
  E4 = 71 / 1920,
  E5 = -17253 / 339200,
  E6 = 22 / 525,
  E7 = -1 / 40;
// Dense output (Shampine's 4th-order interpolant as in dopri5's contd5).
const D1 = -12715105075 / 11282082432,
  D3 = 87487479700 / 32700410799,
  D4 = -10690763975 / 1880347072,
  D5 = 701980252875 / 199316789632,
  D6 = -1453857185 / 822651844,
  D7 = 69997945 / 29380423;

/**
 * Shampine's continuous extension at θ ∈ [0, 1] of a step whose coefficients r1…r5 lie in
 * `r` from `offset` (r_k[i] at offset + k·dim + i), into `out` from `outOffset`.
 */
export function evaluateContd5(
  r: Float64Array,
  offset: number,
  dim: number,
  theta: number,
  out: Float64Array,
  outOffset = 0,
): void {
  const theta1 = 1 - theta;
  for (let i = 0; i < dim; i++) {
    const o = offset + i;
    out[outOffset + i] =
      r[o]! +
      theta *
        (r[o + dim]! +
          theta1 * (r[o + 2 * dim]! + theta * (r[o + 3 * dim]! + theta1 * r[o + 4 * dim]!)));
  }
}

const SAFETY = 0.9;
const MAX_GROWTH = 10; // h_new ≤ 10·h after an accepted step
const MAX_SHRINK = 5; // h_new ≥ h/5 after any step
const BETA = 0.04; // PI control (Hairer's recommended value for dopri5)

export class DormandPrince {
  readonly dim: number;
  /** Current time and state (after the last accepted step). */
  t: number;
  readonly x: Float64Array;
  /** Set when the integration cannot continue. */
  divergence: Divergence | null = null;
  readonly stats: OdeStats = { steps: 0, rejected: 0, rhsEvaluations: 0 };

  private h: number;
  private readonly rtol: number;
  private readonly atol: number;
  private readonly hmax: number;
  private readonly blowUp: number;
  private errOld = 1e-4;
  private justRejected = false;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private readonly k7: Float64Array;
  private readonly xStage: Float64Array;
  private readonly xNew: Float64Array;
  // Dense output of the last accepted step [tOld, t].
  private tOld: number;
  private hOld = 0;
  /** Its contd5 coefficients r1…r5, r_k[i] at k·dim + i (evaluateContd5). */
  private readonly dense: Float64Array;

  constructor(
    private readonly rhs: Rhs,
    x0: ArrayLike<number>,
    t0: number,
    private readonly tEnd: number,
    options: OdeOptions = {},
  ) {
    const n = x0.length;
    this.dim = n;
    this.t = t0;
    this.tOld = t0;
    this.x = Float64Array.from(x0);
    this.rtol = options.rtol ?? 1e-6;
    this.atol = options.atol ?? 1e-9;
    this.hmax = options.hmax ?? Math.abs(tEnd - t0);
    this.blowUp = options.blowUp ?? 1e8;
    const make = () => new Float64Array(n);
    this.k1 = make();
    this.k2 = make();
    this.k3 = make();
    this.k4 = make();
    this.k5 = make();
    this.k6 = make();
    this.k7 = make();
    this.xStage = make();
    this.xNew = make();
    this.dense = new Float64Array(5 * n);
    for (let i = 0; i < n; i++) this.checkValue(i, this.x[i]!, t0);
    this.evaluate(t0, this.x, this.k1);
    this.h = options.h0 ?? this.initialStep();
  }

  /** True once t has reached tEnd or the integration stopped. */
  get finished(): boolean {
    return this.divergence !== null || this.t >= this.tEnd;
  }

  /**
   * Take one accepted step (rejected trial steps are retried internally).
   * Returns false when no step was taken: the end was reached or the run diverged.
   */
  step(): boolean {
    if (this.finished) return false;
    const n = this.dim;
    const { k1, k2, k3, k4, k5, k6, k7, xStage: y, xNew, x } = this;
    const hmin = 16 * Number.EPSILON * Math.max(1, Math.abs(this.t));
    for (;;) {
      let h = Math.min(this.h, this.hmax);
      // As in dopri5: a step that would stop just short of the end is stretched to it, so the
      // last step is never a sliver below the round-off floor.
      const last = this.t + 1.01 * h >= this.tEnd;
      if (last) h = this.tEnd - this.t;
      if (h < hmin) {
        this.fail(this.t, this.worstIndex(), 'step-underflow');
        return false;
      }
      const t = this.t;
      for (let i = 0; i < n; i++) y[i] = x[i]! + h * A21 * k1[i]!;
      this.evaluate(t + C2 * h, y, k2);
      for (let i = 0; i < n; i++) y[i] = x[i]! + h * (A31 * k1[i]! + A32 * k2[i]!);
      this.evaluate(t + C3 * h, y, k3);
      for (let i = 0; i < n; i++) y[i] = x[i]! + h * (A41 * k1[i]! + A42 * k2[i]! + A43 * k3[i]!);
      this.evaluate(t + C4 * h, y, k4);
      for (let i = 0; i < n; i++)
        y[i] = x[i]! + h * (A51 * k1[i]! + A52 * k2[i]! + A53 * k3[i]! + A54 * k4[i]!);
      this.evaluate(t + C5 * h, y, k5);
      for (let i = 0; i < n; i++)
        y[i] =
          x[i]! + h * (A61 * k1[i]! + A62 * k2[i]! + A63 * k3[i]! + A64 * k4[i]! + A65 * k5[i]!);
      this.evaluate(t + h, y, k6);
      for (let i = 0; i < n; i++)
        xNew[i] =
          x[i]! + h * (A71 * k1[i]! + A73 * k3[i]! + A74 * k4[i]! + A75 * k5[i]! + A76 * k6[i]!);
      this.evaluate(t + h, xNew, k7);

      let err = 0;
      let finite = true;
      for (let i = 0; i < n; i++) {
        const e =
          h * (E1 * k1[i]! + E3 * k3[i]! + E4 * k4[i]! + E5 * k5[i]! + E6 * k6[i]! + E7 * k7[i]!);
        const sk = this.atol + this.rtol * Math.max(Math.abs(x[i]!), Math.abs(xNew[i]!));
        const r = e / sk;
        err += r * r;
        if (!Number.isFinite(xNew[i]!) || !Number.isFinite(k7[i]!)) finite = false;
      }
      err = Math.sqrt(err / n);

      if (!finite || !(err === err)) {
        // A non-finite trial: shrink hard and retry; if the step underflows, report it.
        this.h = h * 0.1;
        this.stats.rejected++;
        this.justRejected = true;
        if (this.h < hmin) {
          this.fail(t, this.nonFiniteIndex(), 'not-finite');
          return false;
        }
        continue;
      }

      const fac11 = Math.pow(err, 0.2 - BETA * 0.75);
      if (err <= 1) {
        // A bounded run never crosses the blow-up bound: stop at the last good state instead.
        for (let i = 0; i < n; i++) {
          if (Math.abs(xNew[i]!) > this.blowUp) {
            this.divergence = { t, index: i, reason: 'blow-up', value: xNew[i]! };
            return false;
          }
        }
        // Accept: prepare dense output, then advance.
        let fac = fac11 / Math.pow(this.errOld, BETA);
        fac = Math.max(1 / MAX_GROWTH, Math.min(MAX_SHRINK, fac / SAFETY));
        this.errOld = Math.max(err, 1e-4);
        const r = this.dense;
        for (let i = 0; i < n; i++) {
          const dx = xNew[i]! - x[i]!;
          const bspl = h * k1[i]! - dx;
          r[i] = x[i]!;
          r[n + i] = dx;
          r[2 * n + i] = bspl;
          r[3 * n + i] = dx - h * k7[i]! - bspl;
          r[4 * n + i] =
            h * (D1 * k1[i]! + D3 * k3[i]! + D4 * k4[i]! + D5 * k5[i]! + D6 * k6[i]! + D7 * k7[i]!);
        }
        this.tOld = t;
        this.hOld = h;
        this.t = last ? this.tEnd : t + h;
        x.set(xNew);
        k1.set(k7); // FSAL
        this.stats.steps++;
        // After a rejection the step may not grow at once (dopri5's hnew = min(hnew, h)).
        this.h = this.justRejected ? Math.min(h / fac, h) : h / fac;
        this.justRejected = false;
        return true;
      }
      this.h = h / Math.min(MAX_SHRINK, fac11 / SAFETY);
      this.stats.rejected++;
      this.justRejected = true;
    }
  }

  /** Dense output: the state at time s ∈ [tOld, t] of the last accepted step, into `out`. */
  interpolate(s: number, out: Float64Array): void {
    if (this.hOld === 0) {
      out.set(this.x);
      return;
    }
    evaluateContd5(this.dense, 0, this.dim, (s - this.tOld) / this.hOld, out);
  }

  /** Start time of the last accepted step (its dense output covers [lastStepStart, t]). */
  get lastStepStart(): number {
    return this.tOld;
  }

  /** Length of the last accepted step (0 before the first). */
  get lastStepLength(): number {
    return this.hOld;
  }

  /** The last accepted step's 5·dim dense-output coefficients, copied into `out` at `offset`. */
  copyDenseOutput(out: Float64Array, offset: number): void {
    // A loop, not out.set(): a call per step of a few dozen numbers cost more than the copy.
    const dense = this.dense;
    for (let i = 0; i < dense.length; i++) out[offset + i] = dense[i]!;
  }

  private evaluate(t: number, x: Float64Array, out: Float64Array): void {
    this.rhs(t, x, out);
    this.stats.rhsEvaluations++;
  }

  /** Records a divergence if x_i is not finite or beyond the blow-up bound. */
  private checkValue(i: number, value: number, t: number): boolean {
    if (!Number.isFinite(value)) {
      this.fail(t, i, 'not-finite');
      return false;
    }
    if (Math.abs(value) > this.blowUp) {
      this.fail(t, i, 'blow-up');
      return false;
    }
    return true;
  }

  private fail(t: number, index: number, reason: Divergence['reason']): void {
    this.divergence ??= { t, index, reason, value: this.x[index] ?? Number.NaN };
  }

  private worstIndex(): number {
    let best = 0;
    for (let i = 1; i < this.dim; i++)
      if (Math.abs(this.k1[i]!) > Math.abs(this.k1[best]!)) best = i;
    return best;
  }

  private nonFiniteIndex(): number {
    for (let i = 0; i < this.dim; i++) {
      if (!Number.isFinite(this.xNew[i]!) || !Number.isFinite(this.k7[i]!)) return i;
    }
    return this.worstIndex();
  }

  /** Hairer's starting step heuristic (HNW I, §II.4). */
  private initialStep(): number {
    const n = this.dim;
    const { x, k1 } = this;
    let d0 = 0;
    let d1 = 0;
    for (let i = 0; i < n; i++) {
      const sk = this.atol + this.rtol * Math.abs(x[i]!);
      d0 += (x[i]! / sk) ** 2;
      d1 += (k1[i]! / sk) ** 2;
    }
    d0 = Math.sqrt(d0 / n);
    d1 = Math.sqrt(d1 / n);
    let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1;
    h0 = Math.min(h0, this.hmax);
    const y = this.xStage;
    for (let i = 0; i < n; i++) y[i] = x[i]! + h0 * k1[i]!;
    this.evaluate(this.t + h0, y, this.k2);
    let d2 = 0;
    for (let i = 0; i < n; i++) {
      const sk = this.atol + this.rtol * Math.abs(x[i]!);
      d2 += ((this.k2[i]! - k1[i]!) / sk) ** 2;
    }
    d2 = Math.sqrt(d2 / n) / h0;
    const h1 =
      Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / Math.max(d1, d2)) ** 0.2;
    const h = Math.min(100 * h0, h1, this.hmax);
    return Number.isFinite(h) && h > 0 ? h : 1e-6;
  }
}
