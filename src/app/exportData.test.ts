import { describe, expect, it } from 'vitest';

import { cloudCsv, cloudJson, csvSafe, csvSafeCell, parseCsv, toCsv, toJson } from './exportData';
import { escapeXml, legendLayout } from './exportImage';
import { diagramJson } from './views/diagram/plane';

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

describe('cloud and diagram export (issue 17 item 19)', () => {
  const snap = {
    t: 12.5,
    columns: { x: Float64Array.from([1, 2, 3]), y: Float64Array.from([4, 5, Number.NaN]) },
  };

  it('writes the coordinate index as i and the snapshot time as t', () => {
    const { header, rows } = parseCsv(cloudCsv(snap, ['x', 'y']));
    expect(header).toEqual(['i', 't', 'x', 'y']);
    expect(rows).toEqual([
      ['1', '12.5', '1', '4'],
      ['2', '12.5', '2', '5'],
      ['3', '12.5', '3', ''],
    ]);
  });

  it('gives the JSON the snapshot time and the ODE state it is drawn against', () => {
    const json = JSON.parse(cloudJson({ model: 'gan' }, snap, ['x', 'y', 'gone'], { P11: 0.3 }));
    expect(json.t).toBe(12.5);
    expect(json.coordinates).toEqual({ i: [1, 2, 3], x: [1, 2, 3], y: [4, 5, null] });
    expect(json.ode).toEqual({ t: 12.5, state: { P11: 0.3 } });
    expect(JSON.parse(cloudJson({}, snap, ['x'], null)).ode).toBeNull();
  });

  it('gives each diagram cell its grid index and (x, y), and no clock time', () => {
    const diagram = {
      key: 'k',
      n: 2,
      x: { param: 'tau', from: 0, to: 1 },
      y: { param: 'taut', from: 10, to: 20 },
      cells: [{ label: 'P', variation: 0.5 }, null, null, { label: 'Q', variation: 1 }],
      status: 'done' as const,
      startedAt: 1234.5,
    };
    const json = JSON.parse(diagramJson({ model: 'gan' }, diagram));
    expect(json.startedAt).toBeUndefined();
    expect(json.cells[1]).toEqual({ i: 1, j: 0, x: 1, y: 10, label: null, variation: null });
    expect(json.cells[3]).toEqual({ i: 1, j: 1, x: 1, y: 20, label: 'Q', variation: 1 });
  });
});

describe('the exported legend', () => {
  it('wraps onto new rows so that no entry passes the right edge of a narrow panel', () => {
    const legend = ['P₁₁', 'P₂₂', 'q₁', 'q₂', 'r₁', 'r₂', 'SGD'].map((label) => ({ label }));
    const width = 296;
    const { at, rows } = legendLayout(legend, width);
    expect(rows).toBeGreaterThan(1);
    at.forEach(([x], k) => {
      expect(x + 36 + 7.5 * legend[k]!.label.length).toBeLessThanOrEqual(width - 8);
    });
    // Order is kept: left to right, row by row.
    for (let k = 1; k < at.length; k++)
      expect(at[k]![1] > at[k - 1]![1] || at[k]![0] > at[k - 1]![0]).toBe(true);
    expect(legendLayout(legend, 2000).rows).toBe(1);
    expect(legendLayout([], 300).rows).toBe(0);
  });
});
