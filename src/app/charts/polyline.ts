/**
 * SVG path data of curves that share their x coordinates (the trajectories chart's series: one
 * time grid, many order parameters). d3.line formats every point's x and y anew for every
 * series; here each x is formatted once for all of them. A redraw of 18 curves of 4802 samples
 * (the VAE at M = 2) spent 360 of its 600 ms in d3.line's point formatting in a storm's profile
 * (docs/reliability.md). Output: "M x,y L x,y …", a new M after each gap (a value that is not
 * finite), and an isolated point closed with Z, as d3.line with `defined` draws it.
 */

/** Pixel coordinates to 1/100 px, as short decimal text. */
const text = (v: number) => String(Math.round(v * 100) / 100);

export class SharedXPaths {
  private readonly xs: string[];

  /** `px[j]`: sample j's x in pixels. */
  constructor(px: ArrayLike<number>) {
    this.xs = Array.from(px, text);
  }

  /** The path through (px[j], py(j)) for j = 0 … count − 1, broken where py(j) is not finite. */
  path(py: (j: number) => number): string {
    let d = '';
    let run = 0;
    for (let j = 0; j < this.xs.length; j++) {
      const v = py(j);
      if (!Number.isFinite(v)) {
        if (run === 1) d += 'Z';
        run = 0;
        continue;
      }
      d += `${run === 0 ? 'M' : 'L'}${this.xs[j]!},${text(v)}`;
      run++;
    }
    if (run === 1) d += 'Z';
    return d;
  }
}
