/**
 * A frame of a recording: the trajectories, the portrait and the cloud (those on screen) side
 * by side on one canvas, each its chart SVG rasterised over its canvas, with the panel's title
 * above and a caption with the parameters and t below. Play's cursor is set to t_k first, and
 * the frame is grabbed only once every chart has drawn t_k (its data-reveal attribute).
 */
import { chartSvgText, svgImage } from '../exportImage';

/** The views a recording shows, in this order, when they are on screen. */
export const RECORDED_VIEWS = ['trajectories', 'portrait', 'cloud'] as const;

const TITLE_H = 28;
const CAPTION_H = 26;
const GAP = 8;
/** Frames wider than this are scaled down (a 1080p video at most). */
const MAX_WIDTH = 1920;

export interface Panel {
  id: string;
  title: string;
  svg: SVGSVGElement;
  canvas: HTMLCanvasElement | null;
}

/** The recorded views present in `root`, with their chart SVG (and canvas). */
export function panelsIn(root: ParentNode): Panel[] {
  return RECORDED_VIEWS.flatMap((id) => {
    const section = root.querySelector<HTMLElement>(`[data-view="${id}"]`);
    const svg = section?.querySelector<SVGSVGElement>('svg.chart');
    if (!section || !svg || svg.clientWidth === 0) return [];
    const title = section.querySelector('h2')?.textContent ?? id;
    return [{ id, title, svg, canvas: section.querySelector('canvas') }];
  });
}

export interface FrameLayout {
  width: number;
  height: number;
  scale: number;
  x: number[];
  panelHeight: number;
}

/** Panels side by side, scaled to at most MAX_WIDTH; even sizes (VP8/VP9 want them). */
export function frameLayout(sizes: readonly { width: number; height: number }[]): FrameLayout {
  const x: number[] = [];
  let w = 0;
  for (const s of sizes) {
    x.push(w);
    w += s.width + GAP;
  }
  w = Math.max(2, w - GAP);
  const panelHeight = Math.max(0, ...sizes.map((s) => s.height));
  const h = TITLE_H + panelHeight + CAPTION_H;
  const scale = Math.min(1, MAX_WIDTH / w);
  const even = (v: number) => 2 * Math.max(1, Math.round((v * scale) / 2));
  return { width: even(w), height: even(h), scale, x, panelHeight };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait until every chart that follows play has drawn time t (at most ~2 s). */
export async function chartsAt(panels: readonly Panel[], t: number): Promise<void> {
  const want = String(t);
  for (let tries = 0; tries < 200; tries++) {
    const ready = panels.every((p) =>
      [p.svg, p.canvas].every(
        (el) => !el || el.dataset['reveal'] === undefined || el.dataset['reveal'] === want,
      ),
    );
    if (ready) return;
    await sleep(tries < 5 ? 0 : 10);
  }
}

/** Draw the panels into ctx at the layout, with their titles and the caption. */
export async function drawFrame(
  ctx: CanvasRenderingContext2D,
  panels: readonly Panel[],
  layout: FrameLayout,
  caption: string,
): Promise<void> {
  const images = await Promise.all(panels.map((p) => svgImage(chartSvgText(p.svg))));
  ctx.setTransform(layout.scale, 0, 0, layout.scale, 0, 0);
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, layout.width / layout.scale, layout.height / layout.scale);
  ctx.fillStyle = '#111';
  ctx.textBaseline = 'middle';
  panels.forEach((p, k) => {
    const x = layout.x[k] ?? 0;
    const w = p.svg.clientWidth;
    const h = p.svg.clientHeight;
    ctx.font = '600 16px Helvetica Neue, Arial, sans-serif';
    ctx.fillText(p.title, x + 10, TITLE_H / 2);
    if (p.canvas) ctx.drawImage(p.canvas, x, TITLE_H, w, h);
    ctx.drawImage(images[k]!, x, TITLE_H, w, h);
  });
  ctx.font = '14px Helvetica Neue, Arial, sans-serif';
  ctx.fillStyle = '#333';
  ctx.fillText(caption, 10, TITLE_H + layout.panelHeight + CAPTION_H / 2);
}
