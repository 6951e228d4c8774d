import { describe, expect, it } from 'vitest';

import { parseCsv, toCsv, toJson } from './exportData';

const ode = {
  names: ['P11', 'q1'],
  t: Float64Array.from([0, 1]),
  y: Float64Array.from([0.1, 0.2, 0.3, 0.4]),
};
const sgd = {
  names: ['P11', 'q1'],
  t: Float64Array.from([0]),
  y: Float64Array.from([0.11, 0.19]),
  std: Float64Array.from([0.01, 0.02]),
};

describe('CSV and JSON export', () => {
  it('writes ODE and SGD rows with a source column and std columns', () => {
    const { header, rows } = parseCsv(toCsv(ode, sgd));
    expect(header).toEqual(['source', 't', 'P11', 'q1', 'P11_std', 'q1_std']);
    expect(rows).toEqual([
      ['ode', '0', '0.1', '0.2', '', ''],
      ['ode', '1', '0.3', '0.4', '', ''],
      ['sgd', '0', '0.11', '0.19', '0.01', '0.02'],
    ]);
  });

  it('leaves non-finite values empty and works without SGD', () => {
    const bad = { ...ode, y: Float64Array.from([Number.NaN, 1, 2, 3]) };
    expect(toCsv(bad, null).split('\n')[1]).toBe('ode,0,,1,,');
  });

  it('JSON keeps series by name and the metadata', () => {
    const j = JSON.parse(toJson({ model: 'gan' }, ode, sgd)) as {
      model: string;
      ode: { series: Record<string, number[]> };
      sgd: { std: Record<string, number[]> };
    };
    expect(j.model).toBe('gan');
    expect(j.ode.series['q1']).toEqual([0.2, 0.4]);
    expect(j.sgd.std['q1']).toEqual([0.02]);
  });
});
