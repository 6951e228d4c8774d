/**
 * Every name a person reads is typeset (issue 17, defect 11): Unicode with sub- and superscripts,
 * never TeX-ish ASCII such as "eps_g", "e^{4t}", "sqrt(C)" or "alpha". Machine names (keys, ids,
 * state strings, TeX fields fed to KaTeX) stay ASCII and are not checked. A parameter symbol may
 * carry one subscript mark (core/typeset.ts), checked in its plain form.
 */
import { describe, expect, it } from 'vitest';

import { formatSeries } from '../app/format';
import type { Model } from '../core/model';
import type { Params } from '../core/params';
import { defaultParams, parseState } from '../core/state';
import { plainText } from '../core/typeset';
import { models } from './registry';

const GREEK =
  'alpha|beta|gamma|delta|epsilon|eps|zeta|eta|theta|kappa|lambda|mu|nu|xi|rho|sigma|tau|phi|chi|psi|omega';

/** What reads as code: an ASCII subscript, a braced superscript, sqrt(, or a Greek name as a word. */
export function asciiMath(text: string): string | null {
  // Inline TeX between $…$ is rendered by KaTeX and is typeset.
  const plain = text.replace(/\$[^$]*\$/g, '');
  const found =
    /[A-Za-z\u0370-\u03ff)\]]_[A-Za-z0-9{\u0370-\u03ff]/.exec(plain) ??
    /\^\{|\^[A-Za-z0-9(]/.exec(plain) ??
    /sqrt\s*\(/i.exec(plain) ??
    new RegExp(`\\b(${GREEK})(\\d|_|\\b)`, 'i').exec(plain);
  return found ? found[0] : null;
}

/** Keys whose strings are shown to a person. */
const SHOWN = new Set([
  'title',
  'label',
  'description',
  'unit',
  'meaning',
  'caption',
  'reason',
  'symbol',
  'name',
  'note',
  'lawNote',
  'help',
]);

function shownStrings(value: unknown, path: string, out: [string, string][], seen: Set<unknown>) {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}.${key}`;
    // A symbol's one subscript mark ('η_T') is lowered by every renderer; its plain form must pass.
    if (typeof v === 'string' && SHOWN.has(key))
      out.push([at, key === 'symbol' ? plainText(v) : v]);
    else if (typeof v === 'object') shownStrings(v, at, out, seen);
  }
}

/** The series display names and the trajectories note a model shows at parameters q. */
function seriesStrings(model: Model, q: Params): [string, string][] {
  const out: [string, string][] = [];
  for (const view of model.views) {
    if (view.kind !== 'trajectories') continue;
    const note = view.note?.(q);
    if (note) out.push(['trajectories.note', note]);
    for (const d of view.derived ?? []) {
      if (d.available(q))
        for (const n of d.names(q)) out.push([`derived ${d.id}`, formatSeries(n)]);
    }
  }
  const names = [...model.stateNames(q), ...(model.observables?.(q).names ?? [])];
  for (const n of names) out.push([`series ${n}`, formatSeries(n)]);
  return out;
}

describe('typeset names (issue 17, defect 11)', () => {
  it('recognises ASCII math and lets typeset text pass', () => {
    expect(asciiMath('ε_g')).toBe('ε_g');
    expect(asciiMath('−J_max/2')).toBe('J_m');
    expect(asciiMath('e^{4(λ−1)t}')).toBe('^{');
    expect(asciiMath('sqrt(C)')).toBe('sqrt(');
    expect(asciiMath('mu1/nu1')).toBe('mu1');
    expect(asciiMath('eta = 2')).toBe('eta');
    expect(asciiMath('√C_α')).toBe('C_α');
    expect(asciiMath('εg, Jₘₐₓ/2, $\\sqrt{C_\\alpha}$, μ₁, the beta-VAE')).toBe('beta');
    expect(asciiMath('εg, −Jmax/2, √Cα, μ₁/ν₁, Pᵢⱼ/√Sⱼⱼ, a meta key')).toBeNull();
  });

  for (const model of models) {
    it(`${model.id}: parameters, presets, views, figures and phases are typeset`, () => {
      const p = defaultParams(model);
      const strings: [string, string][] = [];
      shownStrings(model.params, 'params', strings, new Set());
      shownStrings(model.aliases ?? [], 'aliases', strings, new Set());
      shownStrings(model.presets, 'presets', strings, new Set());
      shownStrings(model.figures ?? [], 'figures', strings, new Set());
      shownStrings(model.views, 'views', strings, new Set());
      shownStrings(model.theory?.phases ?? [], 'phases', strings, new Set());
      shownStrings(model.theory?.derivedAxes ?? [], 'derivedAxes', strings, new Set());
      // Series names and notes depend on the parameters: read them at the defaults and at every preset.
      const settings = [
        p,
        ...model.presets.map((pr) => parseState(`model=${model.id}&${pr.state}`, models).params),
      ];
      for (const q of settings) strings.push(...seriesStrings(model, q));
      const bad = strings
        .map(([where, text]) => ({ where, text, found: asciiMath(text) }))
        .filter((s) => s.found !== null);
      expect(bad).toEqual([]);
    });
  }
});
