/**
 * The state-string fuzz (issue 16): random and hostile strings, for every model's table,
 * through the codec (core/state.ts), the app-key table (appKeys.ts) and the store. Properties:
 * nothing throws, every value is within its bounds, and the canonical link reads back as the
 * same state without a notice. FUZZ_RUNS=<runs per model> runs a long fuzz (default 1700,
 * about 10⁴ in all); FUZZ_SEED replays one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Model } from '../../core/model';
import { models } from '../../models/registry';
import { createAppStore } from '../store';
import corpus from './corpus.json';
import { hostileQuery } from './hostileQueries';
import { paramProblems, settingProblems } from './invariants';

/** The environment of the Node process that runs the tests (src/ has no Node types). */
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
const RUNS = Number(env?.['FUZZ_RUNS'] ?? 1700);
const SEED = Number(env?.['FUZZ_SEED'] ?? 16);

/** Everything wrong with the state a string opens (empty: nothing). */
function problemsOf(query: string): string[] {
  const s = createAppStore(query).getState();
  const problems = [...paramProblems(s.model, s.params), ...settingProblems(s.model, s.params, s)];
  const again = createAppStore(s.query).getState();
  if (again.notices.length)
    problems.push(`notices on reload: ${again.notices.map((n) => n.message).join(' | ')}`);
  if (again.query !== s.query) problems.push(`reload changed the link to ${again.query}`);
  if (JSON.stringify(again.params) !== JSON.stringify(s.params)) problems.push('params changed');
  if (s.notices.some((n) => n.message.length > 600)) problems.push('a notice echoes too much');
  return problems;
}

/** A parameter change as a slider or a typed value makes it, hostile numbers included. */
function hostileChange(model: Model) {
  const numeric = model.params.filter((p) => p.kind !== 'enum' && p.kind !== 'vector');
  return fc.tuple(
    fc.constantFrom(...numeric.map((p) => p.key)),
    fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, -0)),
  );
}

describe('state fuzz', () => {
  it('replays every corpus case without a problem', () => {
    for (const { query } of corpus.cases) expect([query, problemsOf(query)]).toEqual([query, []]);
  });

  it('clamps a huge typed value before laying the state out (it ran out of memory)', () => {
    const store = createAppStore('model=vae');
    store.getState().setParam('M', 1e308);
    expect(store.getState().params['M']).toBe(3);
    expect(store.getState().notices[0]?.message).toMatch(
      /M \(M\) must be in \[1, 3\]; got 1e\+308/,
    );
  });

  it("writes a number's exponent sign so that it reads back ('+' is a space in a query)", () => {
    const store = createAppStore('model=gan');
    store.getState().setParam('tau', 1e300);
    expect(store.getState().params['tau']).toBe(4);
  });

  for (const model of models) {
    it(`${model.id}: hostile links never throw, stay in bounds and read back unchanged`, () => {
      fc.assert(
        fc.property(hostileQuery(model, models), (query) => {
          expect(problemsOf(query)).toEqual([]);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });

    it(`${model.id}: hostile parameter changes through the store stay in bounds`, () => {
      fc.assert(
        fc.property(hostileChange(model), ([key, value]) => {
          const store = createAppStore(`model=${model.id}`);
          store.getState().setParam(key, value);
          const s = store.getState();
          expect(paramProblems(s.model, s.params)).toEqual([]);
          expect(createAppStore(s.query).getState().notices).toEqual([]);
        }),
        { numRuns: Math.ceil(RUNS / 10), seed: SEED },
      );
    });
  }
});
