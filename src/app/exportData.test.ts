import { describe, expect, it } from 'vitest';

import { csvSafe, csvSafeCell, parseCsv, toCsv, toJson } from './exportData';
import { escapeXml } from './exportImage';

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

describe('CSV injection', () => {
  it('escapes cells a spreadsheet would run as formulas, and keeps numbers numeric', () => {
    for (const bad of ['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-cmd'])
      expect(csvSafeCell(bad)).toBe(`'${bad}`);
    for (const ok of ['-0.5', '-1e-7', '+3', '12', '.5', 'NaN', '-Infinity', 'P11', 'ode', ''])
      expect(csvSafeCell(ok)).toBe(ok);
    expect(csvSafe('source,t,=1+1\node,-1,@x\n')).toBe("source,t,'=1+1\node,-1,'@x\n");
  });

  it("leaves toCsv's numeric output as it is", () => {
    const negative = { ...ode, y: Float64Array.from([-0.1, 0.2, -3e-9, 0.4]) };
    const text = toCsv(negative, sgd);
    expect(csvSafe(text)).toBe(text);
  });
});

describe('XML escaping of exported text', () => {
  it('turns a payload in a caption into inert text', () => {
    const payload = `"><svg onload=alert(1)><script>x</script>&'`;
    const escaped = escapeXml(payload);
    expect(escaped).not.toMatch(/[<>"']/);
    expect(escaped).toBe(
      '&quot;&gt;&lt;svg onload=alert(1)&gt;&lt;script&gt;x&lt;/script&gt;&amp;&apos;',
    );
  });
});
