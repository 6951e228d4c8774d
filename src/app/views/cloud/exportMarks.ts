/**
 * The cloud's points in an exported figure. On screen they are canvas pixels; a figure for a
 * paper needs marks that stay sharp when printed: vector squares up to VECTOR_MAX_POINTS, and
 * beyond that (a vector file of 10⁴+ marks is slow to open) a raster drawn afresh at the
 * export's own scale, never the screen's bitmap.
 */
import {
  type CloudData,
  type CloudOptions,
  drawPoints,
  lastCloudDraw,
  plotScales,
  pointStyle,
} from './chart';

/** Up to this many points the export draws one vector square each. */
export const VECTOR_MAX_POINTS = 5000;

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The points' marks for an export of the chart drawn in `svg`, or null when nothing was drawn:
 * a function of the export's scale (1 for the SVG's own size, 2 for a PNG at 2×).
 */
export function cloudUnderlay(svg: SVGSVGElement | null): ((scale: number) => SVGElement) | null {
  const drawn = svg ? lastCloudDraw(svg) : undefined;
  if (!drawn) return null;
  return (scale) =>
    drawn.data.x.length <= VECTOR_MAX_POINTS
      ? vectorPoints(drawn.data, drawn.options)
      : rasterPoints(drawn.data, drawn.options, scale);
}

/** One path per colour bin, a square per point whose centre lies in the plot. */
export function vectorPoints(data: CloudData, o: CloudOptions): SVGGElement {
  const { x, y } = plotScales(o);
  const style = pointStyle(data);
  const [left, right] = [o.margin.left, o.width - o.margin.right];
  const [top, bottom] = [o.margin.top, o.height - o.margin.bottom];
  const paths: string[][] = Array.from({ length: style.palette.length }, () => []);
  const r = style.size;
  for (let i = 0; i < data.x.length; i++) {
    const px = x(data.x[i]!);
    const py = y(data.y[i]!);
    // The canvas clips at the plot; squares centred outside it are dropped here.
    if (!(px >= left && px <= right && py >= top && py <= bottom)) continue;
    paths[style.binOf(i)]!.push(
      `M${(px - r / 2).toFixed(2)} ${(py - r / 2).toFixed(2)}h${r}v${r}h-${r}z`,
    );
  }
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'cloud-points');
  g.setAttribute('opacity', String(style.alpha));
  paths.forEach((d, b) => {
    if (!d.length) return;
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('fill', style.palette[b]!);
    path.setAttribute('d', d.join(''));
    g.appendChild(path);
  });
  return g;
}

/** The points drawn on a fresh canvas at `scale` device pixels per SVG unit, as an image. */
export function rasterPoints(data: CloudData, o: CloudOptions, scale: number): SVGImageElement {
  const canvas = document.createElement('canvas');
  drawPoints(canvas, data, { ...o, pixelRatio: scale }, plotScales(o));
  const img = document.createElementNS(SVG_NS, 'image');
  img.setAttribute('class', 'cloud-points');
  img.setAttribute('href', canvas.toDataURL('image/png'));
  img.setAttribute('width', String(o.width));
  img.setAttribute('height', String(o.height));
  return img;
}

/** The legend of an exported cloud: a coloured cloud is keyed by its colour bar, not by a dot. */
export function cloudLegend(coloured: boolean): { label: string; color: string; dot?: boolean }[] {
  return [
    coloured
      ? { label: 'coordinates i (colour: see bar)', color: '#555', dot: true }
      : { label: 'coordinates i', color: '#D55E00', dot: true },
    { label: '1σ, 2σ, 3σ (PDE)', color: '#0072B2' },
  ];
}
