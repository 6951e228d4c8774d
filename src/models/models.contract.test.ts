/**
 * The Model contract, checked for every registered model (docs/adding-a-model.md): state names,
 * initial state and simulator agree; every view refers to series that exist; a basins view can
 * classify; a random start is SGD stream 0's; every preset parses without notices; and the state
 * codec's property tests run on each model's own parameter table.
 */
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';

import { equationParams, fillEquation } from '../core/equations';
import { InputError } from '../core/errors';
import { fluctuationId, type Model, scansOf, viewSpec, viewSpecs } from '../core/model';
import { solveOde, timeGrid } from '../core/ode';
import { paramHelp, type Params, type ParamSpec } from '../core/params';
import { parseState, serializeState } from '../core/state';
import { models } from './registry';

const parse = (model: Model, query: string) => parseState(`model=${model.id}&${query}`, models);

/** The state names followed by the observables: every series a view can draw. */
function seriesOf(model: Model, p: Params): string[] {
  return [...model.stateNames(p), ...(model.observables?.(p).names ?? [])];
}

/** Each model's defaults and presets, parsed. */
function statesOf(model: Model): { label: string; params: Params }[] {
  return [
    { label: 'defaults', params: parse(model, '').params },
    ...model.presets.map((preset) => ({
      label: preset.id,
      params: parse(model, preset.state).params,
    })),
  ];
}

/** Every series name a model's views declare, with where it is declared. */
function declaredSeries(model: Model, p: Params): [string, string][] {
  const out: [string, string][] = [];
  for (const spec of model.views) {
    const at = (field: string, name: string) => out.push([`${spec.kind}.${field}`, name]);
    switch (spec.kind) {
      case 'portrait':
      case 'basins':
      case 'attraction':
        at('x', spec.x);
        at('y', spec.y);
        break;
      case 'fluctuation':
        at('series', spec.series);
        break;
      case 'rate':
        at('x', spec.x);
        break;
      case 'scan':
        for (const scan of spec.scans) at(`${scan.id ?? ''}.series`, scan.series);
        break;
      case 'trajectories':
        if (spec.alignment) at('alignment.series', spec.alignment.series);
        if (spec.overlaySeries) at('overlaySeries', spec.overlaySeries);
        for (const d of spec.derived ?? []) if (d.available(p)) d.names(p); // must not throw
        break;
      case 'cloud': // columns of the MicroSnapshot, checked by the cloud's own tests
      case 'diagram': // axes are parameters: see axisKeys
        break;
    }
  }
  return out;
}

/** The keys a diagram or scan axis may name: numeric parameters and derived axes. */
function axisKeys(model: Model): string[] {
  return [
    ...model.params.filter((s) => s.kind === 'number' || s.kind === 'integer').map((s) => s.key),
    ...(model.theory?.derivedAxes ?? []).map((a) => a.key),
  ];
}

describe.each(models.map((m) => [m.id, m] as const))('the contract of %s', (_id, model) => {
  it('state names, initial state and the simulator agree', () => {
    for (const { label, params } of statesOf(model)) {
      const names = model.stateNames(params);
      expect(new Set(names).size, label).toBe(names.length);
      expect(model.initialState(params).length, label).toBe(names.length);
      for (const variant of model.variants ?? [undefined]) {
        const sim = simulatorOrRefusal(model, params, variant);
        // A variant may refuse a state with a sentence (PCA's tensor path above n = 500).
        if (sim) expect(sim.names, `${label} ${variant ?? ''}`).toEqual(names);
      }
    }
  });

  it('its views: one portrait, each kind once but fluctuations, told apart by id', () => {
    expect(viewSpecs(model, 'portrait')).toHaveLength(1);
    const kinds = model.views.map((spec) => spec.kind).filter((k) => k !== 'fluctuation');
    expect(new Set(kinds).size, kinds.join(', ')).toBe(kinds.length);
    const ids = viewSpecs(model, 'fluctuation').map(fluctuationId);
    expect(new Set(ids).size, ids.join(', ')).toBe(ids.length);
    expect(viewSpec(model, 'fluctuation')).toBe(viewSpecs(model, 'fluctuation')[0]);
  });

  it('every view refers to series and parameters that exist', () => {
    for (const { label, params } of statesOf(model)) {
      const series = seriesOf(model, params);
      const names = model.stateNames(params);
      for (const [where, name] of declaredSeries(model, params)) {
        // A default plane may be absent from a smaller state (one feature has no Q2): the
        // portrait falls back to the state's first two order parameters.
        const plane = where.startsWith('portrait') || where.startsWith('attraction');
        if (plane && !names.includes(name)) continue;
        expect(series, `${label}: views.${where} = ${name}`).toContain(name);
      }
    }
    const keys = axisKeys(model);
    const diagram = viewSpec(model, 'diagram');
    if (diagram) {
      expect(keys).toContain(diagram.x);
      expect(keys).toContain(diagram.y);
    }
    for (const scan of scansOf(model)) expect(keys).toContain(scan.x);
    if (scansOf(model).length > 1)
      for (const scan of scansOf(model)) expect(scan.id, 'several scans need ids').toBeDefined();
  });

  it.runIf(viewSpec(model, 'basins') !== undefined)(
    'a basins view can classify its end states',
    () => {
      expect(model.theory?.basinOf, 'views.basins needs theory.basinOf').toBeDefined();
      const preset = model.presets.find((p) => p.view?.includes('basins')) ?? model.presets[0]!;
      const params = parse(model, preset.state).params;
      const T = params['T'] as number;
      const run = solveOde(model.rhs(params), model.initialState(params), timeGrid(0, T, 2));
      const last = run.t.length - 1;
      const final = run.y.slice(last * run.dim, (last + 1) * run.dim);
      expect(run.t[last], `${preset.id}: the ODE reaches T`).toBe(T);
      const label = model.theory!.basinOf!(params, final);
      expect(typeof label, `${preset.id}: the ODE's end state has a basin`).toBe('string');
    },
  );

  it('a random start is SGD stream 0’s start (the ODE and run 0 leave from one point)', () => {
    for (const { label, params } of statesOf(model)) {
      if (params['init'] !== 'random' && model.id !== 'xor') continue;
      const names = model.stateNames(params);
      const observed = new Float64Array(names.length);
      model.simulator(params, { stream: 0 }).observe(observed);
      // Equal up to rounding: a reduced chain (the VAE's Gram chain) reads the overlaps from
      // frame coordinates, which re-associates the sums (differences of ~1e-16).
      const start = model.initialState(params);
      observed.forEach((v, i) => {
        expect(Math.abs(v - start[i]!), `${label}: ${names[i]}`).toBeLessThan(
          1e-12 * (1 + Math.abs(start[i]!)),
        );
      });
    }
  });

  it('declares the equations it integrates, numbered, naming its own parameters, valid TeX', () => {
    const keys = model.params.map((s) => s.key);
    for (const { label, params } of statesOf(model)) {
      expect(model.equations, `${model.id} declares no equations`).toBeDefined();
      const { ode, sgd } = model.equations!(params);
      for (const set of [ode, sgd]) {
        const where = `${model.id} ${label} ${set.title}`;
        expect(set.title.length, where).toBeGreaterThan(0);
        expect(set.source, where).toMatch(/\(|Prop\.|Section/);
        expect(set.equations.length, where).toBeGreaterThan(0);
        // At least one equation of each set carries the paper's number.
        expect(
          set.equations.some((e) => e.number !== ''),
          where,
        ).toBe(true);
        for (const eq of set.equations) {
          for (const key of equationParams(eq.tex))
            expect(keys, `${where}: {{${key}}}`).toContain(key);
          for (const substitute of [false, true]) {
            const tex = fillEquation(eq.tex, model.params, params, substitute, () => '#0172B2');
            // throwOnError: a TeX error fails here instead of showing red in the app.
            expect(
              () =>
                katex.renderToString(tex, {
                  throwOnError: true,
                  strict: 'error',
                  trust: false,
                  displayMode: true,
                }),
              `${where} ${eq.number}: ${tex}`,
            ).not.toThrow();
          }
        }
      }
    }
  });

  it('every number parameter says its unit, and every rate and time how it counts SGD steps', () => {
    // The steps that make one unit of t, as the model's T defines it ('steps/n', 'cδ·steps/N').
    const T = model.params.find((p) => p.key === 'T')!;
    const time = 'unit' in T ? /t = (.*steps.*)$/.exec(T.unit)?.[1] : undefined;
    expect(time, 'T defines t in SGD steps').toBeDefined();
    for (const spec of model.params) {
      if (spec.kind === 'enum') continue;
      expect(spec.unit.length, spec.key).toBeGreaterThan(8);
      expect(paramHelp(spec)).toContain(spec.unit);
      // A learning rate or a step size is per step: its unit ties it to the steps of t.
      if (/learning rate|step/i.test(spec.label)) expect(spec.unit, spec.key).toMatch(/steps/);
    }
    // The simulator's own clock agrees with the time the tooltip states.
    const p = parse(model, '').params;
    const n = p['n'] as number;
    const perUnit = model.simulator(p).stepsPerTime;
    const cdelta = (p['cdelta'] as number | undefined) ?? 1;
    expect(time!.includes('cδ') ? n / cdelta : n).toBeCloseTo(perUnit, 9);
  });

  it('every phase says what it means, for the ⓘ of the views that colour by it', () => {
    for (const phase of model.theory?.phases ?? [])
      expect(phase.meaning?.length ?? 0, phase.id).toBeGreaterThan(20);
  });

  it('every preset parses without notices and round-trips', () => {
    for (const preset of model.presets) {
      const r = parse(model, preset.state);
      expect(r.notices, preset.id).toEqual([]);
      const again = parseState(serializeState(r.model, r.params), models);
      expect(again.notices, preset.id).toEqual([]);
      expect(again.params, preset.id).toEqual(r.params);
    }
  });

  it('the codec keeps every value of its table within bounds and round-trips (fast-check)', () => {
    const keys = model.params.map((s) => s.key);
    const value = fc.oneof(
      fc.double().map(String),
      fc.integer({ min: -10, max: 10 }).map(String),
      fc.constantFrom('inf', '-inf', 'nan', '', '1e400', ...optionsOf(model.params)),
      fc
        .array(fc.double({ min: -3, max: 3, noNaN: true }), { maxLength: 8 })
        .map((xs) => xs.join(',')),
      fc.string(),
    );
    const pair = fc
      .tuple(fc.constantFrom(...keys), value)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 10 }), (parts) => {
        const r = parse(model, parts.join('&'));
        expect(r.model.id).toBe(model.id);
        expectWithinBounds(model, r.params);
        const text = serializeState(r.model, r.params);
        const again = parseState(text, models);
        expect(again.notices, text).toEqual([]);
        expect(serializeState(again.model, again.params), text).toBe(text);
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });
});

/** The simulator, or null when the variant refuses these parameters with an InputError. */
function simulatorOrRefusal(model: Model, params: Params, variant: string | undefined) {
  try {
    return model.simulator(params, { stream: 0, variant });
  } catch (err) {
    if (err instanceof InputError) return null;
    throw err;
  }
}

function optionsOf(specs: ParamSpec[]): string[] {
  return specs.flatMap((s) => (s.kind === 'enum' ? [...s.options] : []));
}

function expectWithinBounds(model: Model, params: Params): void {
  for (const spec of model.params) {
    const v = params[spec.key];
    const where = `${model.id}.${spec.key} = ${JSON.stringify(v)}`;
    if (spec.kind === 'enum') {
      expect(typeof v, where).toBe('string');
      continue;
    }
    const xs = spec.kind === 'vector' ? (v as number[]) : [v as number];
    expect(Array.isArray(xs), where).toBe(true);
    for (const x of xs) {
      expect(typeof x, where).toBe('number');
      if (x === Number.POSITIVE_INFINITY && spec.kind !== 'vector' && spec.allowInfinity) continue;
      expect(x >= spec.min && x <= spec.max, where).toBe(true);
      if (spec.kind === 'integer') expect(Number.isInteger(x), where).toBe(true);
    }
  }
}
