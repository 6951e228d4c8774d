/**
 * Standalone SVG and PNG export of a view: white background, the chart's own styles inlined,
 * a title, a legend and a caption line with the parameters; no UI chrome (docs/architecture.md, "Visual language").
 */
import { textRuns } from '../core/typeset';
import { csvSafe } from './exportData';

export interface ExportDecor {
  title: string;
  caption: string;
  legend: { label: string; color: string; dash?: string; dot?: boolean }[];
  /**
   * Marks drawn under the SVG content (the point cloud's points), built for the export's scale:
   * 1 for an SVG's own size, 2 for a PNG at 2× (views/cloud/exportMarks.ts).
   */
  underlay?: ((scale: number) => SVGElement) | null;
}

/** An SVG export rasterises what it must (a dense cloud) at this many pixels per unit: print quality. */
export const SVG_RASTER_SCALE = 4;

const STYLE = `
text { font-family: 'Helvetica Neue', Arial, sans-serif; fill: #111; }
.axis text { font-size: 13px; }
.axis path, .axis line { stroke: #555; fill: none; }
.label { font-size: 15px; font-style: italic; }
line.zero { stroke: #999; stroke-dasharray: 2 3; }
line.cursor { stroke: #111; stroke-width: 1.5; stroke-dasharray: 4 3; }
.hover, rect.overlay { display: none; }
.fig-title { font-size: 16px; font-weight: 600; }
.fig-caption { font-size: 12px; fill: #333; }
.fig-legend text { font-size: 13px; }
`;

const TITLE = 26;
const LEGEND = 22;
const LINE = 16;

/** Split a caption into lines of at most `chars` characters, at spaces. */
export function wrapCaption(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** About the width of a legend entry: its mark, and its label at 13 px. */
const legendItemWidth = (label: string) => 36 + 7.5 * label.length;

/**
 * Where each legend entry goes: left to right under the title, wrapping onto a new row when the
 * next one would pass the right edge (a 296 px panel lost r₂ and SGD past it), so that no entry is
 * clipped. Returns each entry's [x, row] and the number of rows (0 without entries).
 */
export function legendLayout(
  legend: readonly { label: string }[],
  width: number,
): { at: [number, number][]; rows: number } {
  const at: [number, number][] = [];
  let x = 12;
  let row = 0;
  for (const item of legend) {
    const w = legendItemWidth(item.label);
    if (x > 12 && x + w > width - 8) {
      x = 12;
      row++;
    }
    at.push([x, row]);
    x += w;
  }
  return { at, rows: legend.length ? row + 1 : 0 };
}

/**
 * A standalone SVG document (string) for one chart SVG; `scale` is the export's pixels per unit
 * for what must be a raster. The root's data-axis-y is the x axis's height in the document, so
 * that panels side by side can line their axes up (sideBySide).
 */
export function standaloneSvg(
  svg: SVGSVGElement,
  decor: ExportDecor,
  scale = SVG_RASTER_SCALE,
): string {
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight;
  const captionLines = decor.caption
    ? wrapCaption(decor.caption, Math.floor((width - 24) / 6.6))
    : [];
  const legendAt = legendLayout(decor.legend, width);
  const TOP = TITLE + LEGEND * legendAt.rows;
  const BOTTOM = 8 + LINE * captionLines.length;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('.hover, rect.overlay').forEach((e) => e.remove());
  const ns = 'http://www.w3.org/2000/svg';
  const out = document.createElementNS(ns, 'svg');
  out.setAttribute('xmlns', ns);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height + TOP + BOTTOM));
  out.setAttribute('viewBox', `0 0 ${width} ${height + TOP + BOTTOM}`);
  const axisY = xAxisY(clone);
  if (axisY !== null) out.setAttribute('data-axis-y', String(TOP + axisY));
  const style = document.createElementNS(ns, 'style');
  style.textContent = STYLE;
  out.appendChild(style);
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', 'white');
  out.appendChild(bg);
  const title = document.createElementNS(ns, 'text');
  title.setAttribute('class', 'fig-title');
  title.setAttribute('x', '12');
  title.setAttribute('y', '20');
  title.textContent = decor.title;
  out.appendChild(title);
  const body = document.createElementNS(ns, 'g');
  body.setAttribute('class', 'fig-body');
  body.setAttribute('data-top', String(TOP));
  body.setAttribute('transform', `translate(0,${TOP})`);
  if (decor.underlay) body.appendChild(decor.underlay(scale));
  for (const child of Array.from(clone.childNodes)) body.appendChild(child);
  out.appendChild(body);
  // Legend: rows under the title (legendLayout), so that no entry is clipped.
  const legend = document.createElementNS(ns, 'g');
  legend.setAttribute('class', 'fig-legend');
  decor.legend.forEach((item, k) => {
    const g = document.createElementNS(ns, 'g');
    const [lx, row] = legendAt.at[k]!;
    g.setAttribute('transform', `translate(${lx},${TITLE + 8 + LEGEND * row})`);
    const mark = document.createElementNS(ns, item.dot ? 'circle' : 'line');
    if (item.dot) {
      mark.setAttribute('cx', '12');
      mark.setAttribute('r', '3.5');
      mark.setAttribute('fill', item.color);
    } else {
      mark.setAttribute('x1', '0');
      mark.setAttribute('x2', '24');
      mark.setAttribute('stroke', item.color);
      mark.setAttribute('stroke-width', '2.5');
      if (item.dash) mark.setAttribute('stroke-dasharray', item.dash);
    }
    g.appendChild(mark);
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', '28');
    label.setAttribute('y', '4.5');
    label.textContent = item.label;
    g.appendChild(label);
    legend.appendChild(g);
  });
  out.appendChild(legend);
  captionLines.forEach((text, k) => {
    out.appendChild(captionElement(text, String(height + TOP + LINE * (k + 1))));
  });
  return new XMLSerializer().serializeToString(out);
}

/** One caption line at height y, a parameter's subscript mark (η_T) lowered in a tspan. */
function captionElement(text: string, y: string): SVGTextElement {
  const ns = 'http://www.w3.org/2000/svg';
  const caption = document.createElementNS(ns, 'text');
  caption.setAttribute('class', 'fig-caption');
  caption.setAttribute('x', '12');
  caption.setAttribute('y', y);
  for (const run of textRuns(text)) {
    if (!run.sub) caption.appendChild(document.createTextNode(run.text));
    else {
      const sub = document.createElementNS(ns, 'tspan');
      sub.setAttribute('class', 'sub');
      sub.setAttribute('baseline-shift', 'sub');
      sub.setAttribute('font-size', '9');
      sub.textContent = run.text;
      caption.appendChild(sub);
    }
  }
  return caption;
}

/** Text as XML character data or an attribute value: & < > " ' as entities. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A chart SVG alone as a document (styles inlined, no hover layer): a frame of a recording. */
export function chartSvgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('.hover, rect.overlay').forEach((e) => e.remove());
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = STYLE;
  clone.insertBefore(style, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** An SVG document as a decoded image, ready for drawImage. */
export async function svgImage(svgText: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A caption line as SVG character data: subscript marks (core/typeset.ts) as lowered, smaller
 * tspans, the rest escaped. baseline-shift is what Inkscape and browsers both honour.
 */
export function captionMarkup(text: string): string {
  return textRuns(text)
    .map((r) =>
      r.sub
        ? `<tspan class="sub" baseline-shift="sub" font-size="9">${escapeXml(r.text)}</tspan>`
        : escapeXml(r.text),
    )
    .join('');
}

/** The height of a chart's x axis (drawAxes puts it at translate(0, y)), null without one. */
function xAxisY(chart: SVGSVGElement): number | null {
  const transform = chart.querySelector('g.x.axis')?.getAttribute('transform') ?? '';
  const y = /translate\(\s*[-+\d.e]+\s*[, ]\s*([-+\d.e]+)/.exec(transform)?.[1];
  return y === undefined ? null : Number(y);
}

/** Moves a standalone SVG's chart (not its title and legend) down by `dy`, growing the panel. */
function lowerChart(doc: Element, dy: number): void {
  const body = doc.querySelector('g.fig-body');
  if (!body || dy <= 0) return;
  body.setAttribute('transform', `translate(0,${Number(body.getAttribute('data-top')) + dy})`);
  const width = Number(doc.getAttribute('width'));
  const height = Number(doc.getAttribute('height')) + dy;
  doc.setAttribute('height', String(height));
  doc.setAttribute('viewBox', `0 0 ${width} ${height}`);
}

/**
 * Several standalone SVGs side by side in one document (the Figure layout), captioned below.
 * Panels whose legends take more rows, or whose charts keep more room below the axis, would put
 * their x axes at different heights: each panel's chart is lowered (its title and legend stay on
 * the common top line) so that every x axis lies on the deepest one's (standaloneSvg's
 * data-axis-y).
 */
export function sideBySide(svgs: string[], caption: string, gap = 12): string {
  const parser = new DOMParser();
  const docs = svgs.map((s) => parser.parseFromString(s, 'image/svg+xml').documentElement);
  const widths = docs.map((d) => Number(d.getAttribute('width')));
  const axes = docs.map((d) => Number(d.getAttribute('data-axis-y') ?? NaN));
  const axisLine = Math.max(...axes.filter(Number.isFinite));
  const lowered = axes.map((a) => (Number.isFinite(a) ? axisLine - a : 0));
  docs.forEach((d, i) => lowerChart(d, lowered[i]!));
  const panels = Math.max(...docs.map((d) => Number(d.getAttribute('height'))));
  const total = widths.reduce((a, b) => a + b, 0) + gap * (docs.length - 1);
  const lines = wrapCaption(caption, Math.floor((total - 24) / 6.6));
  const height = panels + 8 + LINE * lines.length;
  const captionSvg = lines
    .map(
      (t, k) =>
        `<text x="12" y="${panels + LINE * (k + 1)}" font-family="Helvetica Neue, Arial, sans-serif" font-size="12" fill="#333">${captionMarkup(t)}</text>`,
    )
    .join('');
  let x = 0;
  const parts = docs.map((d, i) => {
    d.setAttribute('x', String(x));
    x += widths[i]! + gap;
    return new XMLSerializer().serializeToString(d);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="${height}" viewBox="0 0 ${total} ${height}"><rect width="100%" height="100%" fill="white"/>${parts.join('')}${captionSvg}</svg>`;
}

/** Rasterise an SVG document to a PNG blob at `scale`× its size. */
export async function svgToPng(svgText: string, scale: number): Promise<Blob> {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  const width = Number(doc.getAttribute('width'));
  const height = Number(doc.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas');
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(filename: string, data: Blob | string, type = 'text/plain'): void {
  // Every view's CSV passes here: no cell of it can run as a spreadsheet formula.
  const text = typeof data === 'string' && type === 'text/csv' ? csvSafe(data) : data;
  const blob = typeof text === 'string' ? new Blob([text], { type }) : text;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The SVG and PNG exports of a view, from a function that builds its standalone SVG for an
 * export's scale (what it rasterises, it draws at that many pixels per unit).
 */
export function imageExports(name: string, svgText: (scale: number) => string | null) {
  return {
    svg() {
      const text = svgText(SVG_RASTER_SCALE);
      if (text) download(`${name}.svg`, text, 'image/svg+xml');
    },
    png(scale: number) {
      const text = svgText(scale);
      if (text) void svgToPng(text, scale).then((blob) => download(`${name}@${scale}x.png`, blob));
    },
  };
}
