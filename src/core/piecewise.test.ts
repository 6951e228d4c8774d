/**
 * Stability of fixed points on jumps, decided by the pieces (piecewise.ts), on fields small
 * enough to check by hand.
 */
import { describe, expect, it } from 'vitest';

import { classifyPiecewise, filippovRhs } from './piecewise';
import { jacobian, type PiecewiseRhs } from './stability';

/** ẋ = a₊x + c₊ on x ≥ 0 and a₋x − c₋ on x < 0 (a jump of c₊ + c₋ at 0), ẏ = −y. */
function line(aPlus: number, aMinus: number, cPlus = 0, cMinus = 0): PiecewiseRhs {
  return {
    switches: [0],
    piece: (sides) => (_t, x, dx) => {
      dx[0] = sides[0]! > 0 ? aPlus * x[0]! + cPlus : aMinus * x[0]! - cMinus;
      dx[1] = -x[1]!;
    },
  };
}

describe('classifyPiecewise', () => {
  it('a jump pointing inward from both sides holds the coordinate: stable, y decays at 1', () => {
    // ẋ = −1 on x > 0, +1 on x < 0: Filippov's sliding equilibrium at 0.
    const pw = line(0, 0, -1, -1);
    const c = classifyPiecewise(pw, new Float64Array(2));
    expect(c.sliding).toEqual([0]);
    expect(c.stability).toBe('stable');
    expect(c.eigenvalues).toEqual([{ re: -1, im: 0 }]);
    const dx = new Float64Array(2);
    filippovRhs(pw)(0, new Float64Array(2), dx);
    expect(Array.from(dx, Math.abs)).toEqual([0, 0]);
  });

  it('a jump pointing outward on one side is left at a finite speed: unstable', () => {
    const c = classifyPiecewise(line(0, 0, 1, -1), new Float64Array(2));
    expect(c.stability).toBe('unstable');
  });

  it('a kink: stable only when both one-sided slopes are negative', () => {
    expect(classifyPiecewise(line(-1, -3), new Float64Array(2)).stability).toBe('stable');
    const c = classifyPiecewise(line(-1, 2), new Float64Array(2));
    expect(c.stability).toBe('unstable');
    expect(c.rate).toBeCloseTo(2, 6);
  });

  it('a growing direction that points out of its own piece does not count', () => {
    // Two switches, x and y. Every quadrant has ẋ = −x, ẏ = −y except x > 0 > y, where
    // J = [[−0.1, 0.5], [0.5, −0.1]]: λ = 0.4 along ±(1, 1), which lies in no part of that
    // quadrant, and λ = −0.6 along (1, −1). Runs leave the quadrant for a stable one.
    const pw: PiecewiseRhs = {
      switches: [0, 1],
      piece: (sides) => (_t, x, dx) => {
        const mixed = sides[0]! > 0 && sides[1]! < 0;
        dx[0] = mixed ? -0.1 * x[0]! + 0.5 * x[1]! : -x[0]!;
        dx[1] = mixed ? 0.5 * x[0]! - 0.1 * x[1]! : -x[1]!;
      },
    };
    expect(classifyPiecewise(pw, new Float64Array(2)).stability).toBe('stable');
    // The same growth in the quadrant x, y > 0, which contains (1, 1): unstable at rate 0.4.
    const grows: PiecewiseRhs = {
      switches: [0, 1],
      piece: (sides) => (_t, x, dx) => {
        const up = sides[0]! > 0 && sides[1]! > 0;
        dx[0] = up ? -0.1 * x[0]! + 0.5 * x[1]! : -x[0]!;
        dx[1] = up ? 0.5 * x[0]! - 0.1 * x[1]! : -x[1]!;
      },
    };
    const c = classifyPiecewise(grows, new Float64Array(2));
    expect(c.stability).toBe('unstable');
    expect(c.rate).toBeCloseTo(0.4, 9);
  });

  it('the one-sided Jacobian never straddles the jump (the central difference sees 1/h)', () => {
    const pw = line(-1, -1, -1, -1);
    const x = new Float64Array(2);
    const straddling = jacobian(pw.piece(Int8Array.of(1)), x);
    expect(straddling[0]).toBeCloseTo(-1, 6);
    const literal = (_t: number, y: Float64Array, dy: Float64Array) =>
      pw.piece(Int8Array.of(y[0]! >= 0 ? 1 : -1))(0, y, dy);
    expect(Math.abs(jacobian(literal, x)[0]!)).toBeGreaterThan(1e5);
    expect(jacobian(literal, x, { piecewise: pw })[0]).toBeCloseTo(-1, 6);
  });
});
