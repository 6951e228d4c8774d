/**
 * The frame helpers of the reduced chains: Gram–Schmidt coordinates reproduce the Gram matrix and
 * find the rank; the Householder rotation keeps the Gram matrix and frees the extra rows.
 */
import { describe, expect, it } from 'vitest';

import { frameCoordinates, gramOf, triangularize } from './frame';
import { fillNormals } from './normal';
import { Rng } from './rng';

function gramOfColumns(columns: Float64Array[]): Float64Array {
  const p = columns.length;
  const out = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let i = 0; i < columns[a]!.length; i++) s += columns[a]![i]! * columns[b]![i]!;
      out[a * p + b] = s;
    }
  return out;
}

describe('frameCoordinates', () => {
  it('gives coordinates whose Gram matrix is the columns’ own, with the rank of the set', () => {
    const rng = new Rng(4);
    const u = new Float64Array(50);
    const v = new Float64Array(50);
    fillNormals(rng, u);
    fillNormals(rng, v);
    // Columns u, v, u exactly, 2u − v: rank 2.
    const w = u.map((x, i) => 2 * x - v[i]!);
    const columns = [u, v, Float64Array.from(u), w];
    const f = frameCoordinates(columns);
    expect(f.rank).toBe(2);
    const got = new Float64Array(16);
    gramOf(f.coords, f.rank, 4, got);
    const want = gramOfColumns(columns);
    for (let k = 0; k < 16; k++) expect(got[k]!).toBeCloseTo(want[k]!, 10);
  });
});

describe('triangularize', () => {
  it('keeps CᵀC, zeros the rows beyond cols and leaves columns before `first` alone', () => {
    const rng = new Rng(5);
    const rows = 5;
    const cols = 4;
    const C = new Float64Array(rows * cols);
    fillNormals(rng, C);
    // Column 0 already triangular (only its first entry is non-zero).
    for (let i = 1; i < rows; i++) C[i * cols] = 0;
    const before = new Float64Array(cols * cols);
    gramOf(C, rows, cols, before);
    const col0 = C[0]!;
    const kept = triangularize(C, rows, cols, 1);
    expect(kept).toBe(cols);
    for (let j = 0; j < cols; j++) expect(C[(rows - 1) * cols + j]).toBe(0);
    for (let j = 0; j < cols; j++)
      for (let i = j + 1; i < rows; i++) expect(C[i * cols + j]).toBe(0);
    expect(C[0]).toBe(col0);
    const after = new Float64Array(cols * cols);
    gramOf(C, cols, cols, after);
    for (let k = 0; k < cols * cols; k++) expect(after[k]!).toBeCloseTo(before[k]!, 12);
  });
});
