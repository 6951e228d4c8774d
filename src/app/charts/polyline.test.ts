import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';

import { SharedXPaths } from './polyline';

/** The vertices of a path as numbers, and its commands, for comparing two spellings. */
function parse(d: string): { commands: string; points: number[][] } {
  const commands = d.replace(/[^MLZ]/g, '');
  const points = (d.match(/[ML][^MLZ]+/g) ?? []).map((s) => s.slice(1).split(',').map(Number));
  return { commands, points };
}

describe('SharedXPaths', () => {
  it('draws what d3.line with `defined` draws, to 1/100 px, gaps and lone points included', () => {
    const px = Array.from({ length: 40 }, (_, j) => 12.3456 + j * 7.1234);
    const values = px.map((_, j) =>
      j === 7 || j === 9 || j === 10 || j === 39 ? Number.NaN : 50 + 30 * Math.sin(j / 3),
    );
    const ours = parse(new SharedXPaths(px).path((j) => values[j]!));
    const line = d3
      .line<number>()
      .defined((j) => Number.isFinite(values[j]!))
      .x((j) => px[j]!)
      .y((j) => values[j]!);
    const theirs = parse(line(d3.range(px.length)) ?? '');
    expect(ours.commands).toBe(theirs.commands);
    expect(ours.points).toHaveLength(theirs.points.length);
    ours.points.forEach(([x, y], k) => {
      expect(Math.abs(x! - theirs.points[k]![0]!)).toBeLessThan(0.006);
      expect(Math.abs(y! - theirs.points[k]![1]!)).toBeLessThan(0.006);
    });
    // j = 8 lies alone between two gaps: a closed single point, as d3 draws it.
    expect(ours.commands).toContain('MZ');
  });

  it('an all-missing series is an empty path', () => {
    expect(new SharedXPaths([1, 2, 3]).path(() => Number.NaN)).toBe('');
  });
});
