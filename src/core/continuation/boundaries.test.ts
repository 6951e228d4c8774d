/**
 * The phase diagram's fold and Hopf curves by continuation (boundaries.ts) are where the
 * brute-force sweep's labels change: GAN d = 1, Fig. 3(b)'s plane (τ ∈ [0.05, 1.5], α = τ̃/τ ∈
 * [0.05, 2.5], Λ = Λ̃ = 1.2, η = 1). For points sampled along each curve, the four cells of a
 * 30 × 30 sweep around it (so within one cell of it) do not all carry the same label.
 */
import { describe, expect, it } from 'vitest';

import { models } from '../../models/registry';
import { phaseCell, setAxis } from '../analysis';
import { parseState } from '../state';
import { planeBoundaries } from './boundaries';

const STATE =
  'model=gan&tau=0.3&taut=0.15&eta=1&lambda=inf&d=1&Lambda=1.2&LambdaT=1.2&P0=0.1&q0=0.1&T=1000';
const X = { param: 'tau', from: 0.05, to: 1.5 };
const Y = { param: 'alpha', from: 0.05, to: 2.5 };

describe('planeBoundaries (GAN d = 1, Fig. 3(b))', () => {
  it('finds a fold and a Hopf curve, and each lies on a change of the sweep labels', () => {
    const { model, params } = parseState(STATE, models);
    const { curves } = planeBoundaries(model, params, X, Y);
    expect(new Set(curves.map((c) => c.kind))).toEqual(new Set(['fold', 'hopf']));
    const n = 30;
    const dx = (X.to - X.from) / (n - 1);
    const dy = (Y.to - Y.from) / (n - 1);
    const labels = new Map<number, string>();
    const label = (i: number, j: number) => {
      const k = j * n + i;
      if (!labels.has(k)) {
        const p = { ...params };
        setAxis(model, p, 'tau', X.from + i * dx);
        setAxis(model, p, 'alpha', Y.from + j * dy);
        labels.set(k, phaseCell(model, p).label);
      }
      return labels.get(k)!;
    };
    // Beyond τ = Λ/η̄² = 1.2 ((15) right) the Hopf curve runs on along the q = r = 0 line inside
    // noninfo-2, where that line's Hopf point is no longer a phase boundary: stop a cell short.
    const tauMax = 1.2 - dx;
    let checked = 0;
    for (const c of curves) {
      const every = Math.max(1, Math.floor(c.x.length / 25));
      for (let m = 0; m < c.x.length; m += every) {
        const [x, y] = [c.x[m]!, c.y[m]!];
        if (x < X.from || x > tauMax || y < Y.from || y > Y.to - dy) continue;
        const i = Math.floor((x - X.from) / dx);
        const j = Math.floor((y - Y.from) / dy);
        const around = new Set([
          label(i, j),
          label(i + 1, j),
          label(i, j + 1),
          label(i + 1, j + 1),
        ]);
        expect(around.size, `${c.kind} point (${x}, ${y}): cells ${[...around]}`).toBeGreaterThan(
          1,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  }, 120_000);

  it('starts every curve on itself: no point is dropped as off its curve', () => {
    // A fold on the τ line (where α = τ̃/τ moves with τ) started the fold system at the current
    // state's α, off the fold curve; the corrector jumped and the start was dropped with a note.
    const { model, params } = parseState(STATE, models);
    const { notes } = planeBoundaries(model, params, X, Y);
    expect(notes.filter((n) => /off its curve/.test(n))).toEqual([]);
  }, 120_000);
});
