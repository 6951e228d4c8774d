/**
 * Chart profiles: the type sizes and line widths every chart follows. The screen profile is the
 * laptop's; the projector profile (presentation mode) draws each chart at a smaller logical size
 * and zooms it to fill its box (useSize reads the zoom, the SVG's viewBox scales it), so that
 * ticks, labels, margins, legends and lines all grow together without any chart knowing. Its
 * targets, at 1920×1080: lines ≥ 3 px, tick labels ≥ 20 px, axis labels ≥ 26 px (a 200-seat
 * hall reads 24–32 px from the back).
 */

export interface ChartProfile {
  name: 'screen' | 'projector';
  /** Screen pixels per chart unit. */
  zoom: number;
  /** Tick-label and axis-label font sizes, in chart units. */
  tick: number;
  label: number;
  /** Width of the theory curves and of the axes, in chart units. */
  curve: number;
  axis: number;
  /** Colour of the axes and the zero line: no thin grey on a projector. */
  axisColor: string;
}

export const SCREEN_PROFILE: ChartProfile = {
  name: 'screen',
  zoom: 1,
  tick: 13,
  label: 15,
  curve: 0,
  axis: 1,
  axisColor: '#555555',
};

/** The projector's zoom at 1080 lines; it follows the window's height (a 720p projector too). */
const PROJECTOR_ZOOM_AT_1080 = 1.6;

export function projectorProfile(windowHeight: number): ChartProfile {
  const zoom = Math.min(2.4, Math.max(1.1, (PROJECTOR_ZOOM_AT_1080 * windowHeight) / 1080));
  return {
    name: 'projector',
    zoom,
    tick: 13.5,
    label: 17,
    curve: 2.5,
    axis: 2,
    axisColor: '#111111',
  };
}

/** What a profile measures on screen, in pixels: what the projector targets are checked against. */
export function renderedSizes(p: ChartProfile) {
  return {
    tick: p.tick * p.zoom,
    label: p.label * p.zoom,
    curve: p.curve * p.zoom,
    axis: p.axis * p.zoom,
  };
}

/** The CSS variables a profile sets on the app's root (read by styles.css and useSize). */
export function profileVariables(p: ChartProfile): Record<string, string> {
  return {
    '--chart-zoom': String(p.zoom),
    '--chart-tick': `${p.tick}px`,
    '--chart-label': `${p.label}px`,
    '--chart-axis-width': String(p.axis),
    '--chart-axis-color': p.axisColor,
    ...(p.curve > 0 ? { '--chart-curve-width': String(p.curve) } : {}),
  };
}

/** The zoom an element's profile asks for (1 when none is set or it is not a number). */
export function zoomOf(el: Element): number {
  const z = Number(getComputedStyle(el).getPropertyValue('--chart-zoom'));
  return Number.isFinite(z) && z > 0 ? z : 1;
}
