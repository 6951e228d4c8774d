/**
 * The equilibrium problem handed to the pseudo-arclength stepper, and the detection of a family
 * of equilibria at the start point (docs/continuation.md, "Families of equilibria").
 */
import type { Model } from '../model';
import { newtonSolve } from '../newton';
import { num, type Params } from '../params';
import type { Eigenvalue } from '../stability';
import type { ArclengthProblem } from './arclength';
import { EquilibriumSystem, nullDirections, pinsFor } from './system';

/** The value of an axis (parameter or derived axis) in params. */
export function axisValue(model: Model, params: Params, key: string): number {
  const derived = model.theory?.derivedAxes?.find((a) => a.key === key);
  return derived ? derived.read(params) : num(params, key);
}

/** Eigenvalues with the k of smallest modulus (a k-dimensional family's own zeros) left out. */
export function transverse(eigs: Eigenvalue[], k: number): Eigenvalue[] {
  if (k <= 0) return eigs;
  const drop = new Set(
    eigs
      .map((e, i) => ({ i, m: Math.hypot(e.re, e.im) }))
      .sort((a, b) => a.m - b.m)
      .slice(0, k)
      .map((e) => e.i),
  );
  return eigs.filter((_, i) => !drop.has(i));
}

/** The equilibrium problem G(u, p) = F_kept(embed(u); p) in the unknowns y = (u, p). */
export function equilibriumProblem(sys: EquilibriumSystem): ArclengthProblem {
  const m = sys.size;
  const gp = new Float64Array(m);
  const gm = new Float64Array(m);
  return {
    equations: m,
    residual: (y, out) => sys.residual(y.subarray(0, m), [y[m]!], out),
    jacobian: (y) => {
      const u = y.subarray(0, m);
      const p = y[m]!;
      const R = sys.reducedJacobian(u, [p]);
      const G = new Float64Array(m * (m + 1));
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) G[i * (m + 1) + j] = R[i * m + j]!;
      const h = 1e-6 * Math.max(1, Math.abs(p));
      sys.residual(u, [p + h], gp);
      sys.residual(u, [p - h], gm);
      for (let i = 0; i < m; i++) G[i * (m + 1) + m] = (gp[i]! - gm[i]!) / (2 * h);
      return G;
    },
  };
}

/**
 * The system at (x, p) with any family of equilibria through x pinned: the null directions of
 * ∂F/∂x that persist at a nearby parameter value (a fold or branch point at the start does not
 * persist) set the pins.
 */
export function systemAt(
  model: Model,
  params: Params,
  axis: string,
  x: Float64Array,
  p: number,
  span: number,
): { sys: EquilibriumSystem; k: number } {
  const plain = new EquilibriumSystem(model, params, [axis]);
  const n = plain.n;
  const nd = nullDirections(plain.fullJacobian(x, [p]), n);
  if (nd.right.length === 0) return { sys: plain, k: 0 };
  const { pins, dropped } = pinsFor(x, nd.right, nd.left);
  const pinned = plain.withPins(pins, dropped);
  // Persistence: solve the pinned system a little further along the axis.
  const q = p + 1e-4 * Math.max(span, 1e-3);
  const r = newtonSolve((_t, u, out) => pinned.residual(u, [q], out), pinned.restrict(x));
  if (r.converged) {
    const member = pinned.embed(r.x);
    // A family: the dropped equations hold there too, and ∂F/∂x is as singular as at x.
    const onFamily = pinned.droppedResidual(member, [q]) <= 1e-9;
    const again = nullDirections(pinned.fullJacobian(member, [q]), n);
    if (onFamily && again.right.length >= nd.right.length && alongFamily(pinned, x, p, nd.right)) {
      return { sys: pinned, k: nd.right.length };
    }
  }
  return { sys: plain, k: 0 };
}

/**
 * Whether the null directions are tangent to a continuum: with each pinned coordinate moved by
 * 10⁻³ along them (the free ones re-solved), the dropped equations still hold. This refuses an
 * isolated equilibrium whose Jacobian merely vanishes (the PCA origin for k ≥ 3, where F is
 * O(|x|^{k−1})).
 */
function alongFamily(
  pinned: EquilibriumSystem,
  x: Float64Array,
  p: number,
  right: Float64Array[],
): boolean {
  let scale = 1;
  for (const v of x) scale = Math.max(scale, Math.abs(v));
  const eps = 1e-3 * scale;
  const moved = pinned.withPins(
    pinned.pins.map((pin, k) => ({ ...pin, value: pin.value + eps * right[k]![pin.index]! })),
    pinned.dropped,
  );
  const r = newtonSolve((_t, u, out) => moved.residual(u, [p], out), moved.restrict(x));
  return r.converged && moved.droppedResidual(moved.embed(r.x), [p]) <= 1e-10;
}
