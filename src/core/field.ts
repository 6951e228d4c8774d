/**
 * The vector field of an ODE on a 2-D slice of its state space: two coordinates vary over a
 * grid, the others are pinned (at the time cursor's state, say). Used for arrows, streamlines
 * and nullclines on phase portraits.
 */
import type { Rhs } from './ode';

export interface FieldSlice {
  nx: number;
  ny: number;
  xs: Float64Array;
  ys: Float64Array;
  /** Row-major (j * nx + i): the x and y components of dx/dt at (xs[i], ys[j]). */
  u: Float64Array;
  v: Float64Array;
}

/** Evaluate the RHS on an nx × ny grid over [x0, x1] × [y0, y1] of coordinates ix, iy. */
export function fieldSlice(
  rhs: Rhs,
  base: ArrayLike<number>,
  ix: number,
  iy: number,
  xRange: [number, number],
  yRange: [number, number],
  nx: number,
  ny: number,
): FieldSlice {
  const x = Float64Array.from(base);
  const dx = new Float64Array(x.length);
  const xs = Float64Array.from(
    { length: nx },
    (_, i) => xRange[0] + ((xRange[1] - xRange[0]) * i) / (nx - 1),
  );
  const ys = Float64Array.from(
    { length: ny },
    (_, j) => yRange[0] + ((yRange[1] - yRange[0]) * j) / (ny - 1),
  );
  const u = new Float64Array(nx * ny);
  const v = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      x.set(base);
      x[ix] = xs[i]!;
      x[iy] = ys[j]!;
      rhs(0, x, dx);
      u[j * nx + i] = dx[ix]!;
      v[j * nx + i] = dx[iy]!;
    }
  }
  return { nx, ny, xs, ys, u, v };
}

/**
 * The zero level set of a grid function as line segments (marching squares with linear
 * interpolation), in grid coordinates (i, j) ∈ [0, nx−1] × [0, ny−1]. Nullclines are the zero
 * sets of u and v. Saddle cells (all four edges crossed) are split by the cell-centre value.
 */
export function zeroSegments(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const at = (i: number, j: number) => values[j * nx + i]!;
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const c = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
      if (c.some((v) => !Number.isFinite(v))) continue;
      const corners: [number, number][] = [
        [i, j],
        [i + 1, j],
        [i + 1, j + 1],
        [i, j + 1],
      ];
      const crossings: [number, number][] = [];
      for (let e = 0; e < 4; e++) {
        const a = c[e]!;
        const b = c[(e + 1) % 4]!;
        if ((a < 0 && b >= 0) || (a >= 0 && b < 0)) {
          const f = a / (a - b);
          const [xa, ya] = corners[e]!;
          const [xb, yb] = corners[(e + 1) % 4]!;
          crossings.push([xa + f * (xb - xa), ya + f * (yb - ya)]);
        }
      }
      if (crossings.length === 2) {
        out.push([crossings[0]![0], crossings[0]![1], crossings[1]![0], crossings[1]![1]]);
      } else if (crossings.length === 4) {
        const centre = (c[0]! + c[1]! + c[2]! + c[3]!) / 4;
        // Pair the crossings so that the segments separate the centre from the corners of the other sign.
        const [p0, p1, p2, p3] = crossings as [
          [number, number],
          [number, number],
          [number, number],
          [number, number],
        ];
        if (centre >= 0 === c[0]! >= 0) {
          out.push([p0[0], p0[1], p1[0], p1[1]], [p2[0], p2[1], p3[0], p3[1]]);
        } else {
          out.push([p0[0], p0[1], p3[0], p3[1]], [p1[0], p1[1], p2[0], p2[1]]);
        }
      }
    }
  }
  return out;
}
