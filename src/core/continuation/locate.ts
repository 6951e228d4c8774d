/** Root location on a bracket, for the continuation's test functions. */

/**
 * A zero of f on [a, b] with f(a)·f(b) < 0, by the Illinois variant of regula falsi (Dowell &
 * Jarratt 1971), falling back to bisection when f is not finite. Stops when the bracket is below
 * tol or f vanishes; returns the bracket end with the smaller |f|.
 */
export function illinois(
  f: (s: number) => number,
  a: number,
  fa: number,
  b: number,
  fb: number,
  tol: number,
  maxIterations = 60,
): number {
  let side = 0;
  for (let it = 0; it < maxIterations && Math.abs(b - a) > tol; it++) {
    let s = b - (fb * (b - a)) / (fb - fa);
    if (!(s > Math.min(a, b) && s < Math.max(a, b))) s = (a + b) / 2;
    let fs = f(s);
    if (!Number.isFinite(fs)) {
      s = (a + b) / 2;
      fs = f(s);
      if (!Number.isFinite(fs)) break;
    }
    if (fs === 0) return s;
    if (Math.sign(fs) === Math.sign(fb)) {
      b = s;
      fb = fs;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = s;
      fa = fs;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return Math.abs(fa) < Math.abs(fb) ? a : b;
}
