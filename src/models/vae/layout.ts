/**
 * The VAE's flat state: m (M×M*), d (M×M*), Q and E (upper triangles), R (M×M), D (M).
 * Names: m11…, d11…, Q11, Q12…, E11, E12…, R11…, D1….
 */
export interface VaeLayout {
  M: number;
  K: number;
  m: number;
  d: number;
  Q: number;
  E: number;
  R: number;
  D: number;
  size: number;
  names: string[];
  /** Unpack the state into full matrices. */
  read(
    x: ArrayLike<number>,
    m: Float64Array,
    d: Float64Array,
    Q: Float64Array,
    E: Float64Array,
    R: Float64Array,
  ): void;
  /** Write the upper triangle of a symmetric M×M matrix at offset. */
  writeSym(x: Float64Array, offset: number, S: Float64Array): void;
}

export function vaeLayout(M: number, K: number): VaeLayout {
  const names: string[] = [];
  const mat = (prefix: string, r: number, c: number) => {
    for (let i = 1; i <= r; i++) for (let j = 1; j <= c; j++) names.push(`${prefix}${i}${j}`);
  };
  const sym = (prefix: string) => {
    for (let i = 1; i <= M; i++) for (let j = i; j <= M; j++) names.push(`${prefix}${i}${j}`);
  };
  const m = 0;
  mat('m', M, K);
  const d = names.length;
  mat('d', M, K);
  const Q = names.length;
  sym('Q');
  const E = names.length;
  sym('E');
  const R = names.length;
  mat('R', M, M);
  const D = names.length;
  for (let i = 1; i <= M; i++) names.push(`D${i}`);
  const symIndex = (i: number, j: number) => {
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    return a * M - (a * (a - 1)) / 2 + (b - a);
  };
  return {
    M,
    K,
    m,
    d,
    Q,
    E,
    R,
    D,
    size: names.length,
    names,
    read(x, mOut, dOut, QOut, EOut, ROut) {
      for (let k = 0; k < M * K; k++) {
        mOut[k] = x[m + k]!;
        dOut[k] = x[d + k]!;
      }
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < M; j++) {
          QOut[i * M + j] = x[Q + symIndex(i, j)]!;
          EOut[i * M + j] = x[E + symIndex(i, j)]!;
          ROut[i * M + j] = x[R + i * M + j]!;
        }
      }
    },
    writeSym(x, offset, S) {
      for (let i = 0; i < M; i++)
        for (let j = i; j < M; j++) x[offset + symIndex(i, j)] = S[i * M + j]!;
    },
  };
}
