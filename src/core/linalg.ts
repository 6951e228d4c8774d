/** Small dense linear-algebra helpers for the fixed-point engine (vectors as Float64Array). */
import { Matrix } from 'ml-matrix';

export function normInf(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (a > m || a !== a) m = a; // NaN propagates
  }
  return m;
}

export function norm2(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}

/** Max row sum ‖J‖∞ of an n×n row-major matrix. */
export function matNormInf(J: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.abs(J[i * n + j]!);
    if (s > m || s !== s) m = s;
  }
  return m;
}

export function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

export function toMatrix(J: Float64Array, n: number): Matrix {
  return Matrix.from1DArray(n, n, Array.from(J));
}

// ---------------------------------------------------------------------------------------------
// Jacobian and eigenvalues.
