/**
 * Play on the trajectories: the curves and bands are clipped at the moving cursor and the SGD
 * dots after it are hidden, so the dynamics draw themselves as t advances. A mark like the
 * others (chart.ts), a function of the frame; with no reveal time it shows everything.
 */
import { clipRect } from '../../charts/frame';
import type { TrajectoryFrame } from './chart';

/** The layers drawn up to the cursor (the clip), and the one whose dots are shown up to it. */
const CLIPPED_LAYERS = ['bands', 'curves', 'aligned', 'overlay', 'pins'] as const;

export function revealMark(f: TrajectoryFrame): void {
  const { svg, x, o, extras } = f;
  const node = svg.node();
  if (!node) return;
  const t = extras.reveal ?? null;
  const clip = clipRect(svg, 'reveal-clip', {
    x: 0,
    y: 0,
    width: t === null ? o.width : x(t),
    height: o.height,
  });
  for (const name of CLIPPED_LAYERS)
    svg.select(`g.${name}`).attr('clip-path', t === null ? null : clip);
  svg
    .selectAll<SVGCircleElement, readonly [number, number]>('g.dots circle.dot')
    .attr('display', (d) => (t === null || d[0] <= t ? null : 'none'));
  svg
    .selectAll<SVGGElement, { t: number }>('g.pins g.pin-dot')
    .attr('display', (d) => (t === null || d.t <= t ? null : 'none'));
  // The recorder waits for this before it grabs the frame (record/frames.ts).
  node.dataset['reveal'] = t === null ? '' : String(t);
}
