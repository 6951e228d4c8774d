/**
 * Run a model's ODE until it has settled, and say how: on a fixed point (the right-hand side is
 * small at the end), on a sustained oscillation (the late-time variation neither grows nor decays
 * from one window to the next), or not within the time allowed. A phase diagram built on this
 * never labels a cell from a trajectory that is still moving towards something else.
 */
import type { Model } from './model';
import { newtonSolve } from './newton';
import type { AbortSignalLike } from './ode';
import type { Params } from './params';
import { lateTimeVariation, runOde } from './run';

export type SettleStatus = 'fixed' | 'cycle' | 'unsettled' | 'diverged';

export interface SettleOptions {
  /** First horizon; doubled until a test holds or maxTime is passed. */
  T0: number;
  maxTime: number;
  /** A fixed point: max_i |dx_i/dt| at the end below this. */
  residualTol: number;
  /** Or: Newton from the end converges to a fixed point at most this far away (default 1e-5). */
  distanceTol?: number;
  /** A sustained oscillation: the variations of the windows [0.6T, 0.8T] and [0.8T, T] agree to this ratio (default 0.05). */
  cycleTol?: number;
  /** Below this late-time variation a trajectory is not oscillating (default 1e-8). */
  cycleFloor?: number;
  /** The series whose variation is measured (default every state variable). */
  series?: string[];
  signal?: AbortSignalLike;
}

export interface SettleResult {
  status: SettleStatus;
  /** The horizon the verdict was reached at. */
  T: number;
  /** The state variables at T. */
  final: Float64Array;
  /** max_i |dx_i/dt| at T. */
  residual: number;
  /** Late-time variation (Fig. 3(b) of the GAN paper) on [0.8T, T] and on [0.6T, 0.8T]. */
  variation: number;
  previousVariation: number;
}

/**
 * Integrate from the model's initial state to T0, 2T0, 4T0, … (each run from t = 0, so the result
 * is a function of the parameters only) until the end is a fixed point (residual ≤ residualTol) or
 * a sustained oscillation (both late windows vary by more than cycleFloor, within cycleTol of each
 * other); past maxTime the verdict is 'unsettled'.
 */
export function settleOde(model: Model, params: Params, options: SettleOptions): SettleResult {
  const cycleTol = options.cycleTol ?? 0.05;
  const cycleFloor = options.cycleFloor ?? 1e-8;
  const distanceTol = options.distanceTol ?? 1e-5;
  const dim = model.stateNames(params).length;
  const rhs = model.rhs(params);
  let result: SettleResult | null = null;
  for (let T = options.T0; ; T *= 2) {
    // Only the late windows are measured: t = 0 and 401 samples on [0.6T, T].
    const times = new Float64Array(402);
    for (let k = 0; k <= 400; k++) times[k + 1] = 0.6 * T + (0.4 * T * k) / 400;
    const ode = runOde(model, { ...params, T }, { times, signal: options.signal });
    const m = ode.names.length;
    const final = ode.y.slice((ode.t.length - 1) * m, (ode.t.length - 1) * m + dim);
    if (ode.status !== 'done') {
      return {
        status: 'diverged',
        T,
        final,
        residual: Number.NaN,
        variation: Number.NaN,
        previousVariation: Number.NaN,
      };
    }
    const f = new Float64Array(dim);
    rhs(T, final, f);
    let residual = 0;
    for (const v of f) residual = Math.max(residual, Math.abs(v));
    const names = (options.series ?? ode.names.slice(0, dim)).filter((s) => ode.names.includes(s));
    const variation = lateTimeVariation(ode, names, 0.8 * T, T);
    const previousVariation = lateTimeVariation(ode, names, 0.6 * T, 0.8 * T);
    result = { status: 'unsettled', T, final, residual, variation, previousVariation };
    if (residual <= options.residualTol) return { ...result, status: 'fixed' };
    // The integrator's own error (rtol ~ 1e-6) keeps |dx/dt| from falling much below 1e-7 on
    // a fast spiral; Newton from the end state tells a fixed point within distanceTol apart from a
    // slow approach or a passage. The refined point is returned.
    if (residual <= 1e-4) {
      const refined = newtonSolve(rhs, final);
      let moved = 0;
      for (let i = 0; i < dim; i++) moved = Math.max(moved, Math.abs(refined.x[i]! - final[i]!));
      if (refined.converged && moved <= distanceTol)
        return { ...result, final: refined.x, residual: refined.residual, status: 'fixed' };
    }
    if (
      variation > cycleFloor &&
      previousVariation > cycleFloor &&
      Math.abs(variation / previousVariation - 1) <= cycleTol
    )
      return { ...result, status: 'cycle' };
    if (2 * T > options.maxTime || options.signal?.aborted) return result;
  }
}
