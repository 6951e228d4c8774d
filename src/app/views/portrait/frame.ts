/**
 * The phase portrait's data, options and frame: what every mark (chart.ts's PORTRAIT_MARKS)
 * draws from.
 */
import type * as d3 from 'd3';

import type { FieldSlice } from '../../../core/field';

export interface PortraitFixedPoint {
  x: number;
  y: number;
  stability: 'stable' | 'unstable' | 'marginal';
  kind: string;
  /** Tooltip: state, eigenvalues, type. */
  info: string;
}

export interface PortraitFamily {
  /** Projected samples along the family, each with its (transverse) stability. */
  points: { x: number; y: number; stable: boolean }[];
  info: string;
}

export interface PortraitData {
  ode: { x: Float64Array; y: Float64Array };
  sgd?: { x: Float64Array; y: Float64Array } | null;
  /** The cursor's point (null: none). */
  cursor?: [number, number] | null;
  fixed?: PortraitFixedPoint[];
  families?: PortraitFamily[];
  /** Attraction regions: cells in axis units, each filled with its basin's colour. */
  attraction?: { x0: number; x1: number; y0: number; y1: number; color: string }[] | null;
  /** The vector field on the shown slice (the other coordinates pinned), for arrows and nullclines. */
  field?: FieldSlice | null;
}

export interface PortraitOptions {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  color: string;
  /**
   * Symlog axes (logarithmic beyond ±constant, linear within; 0 stays drawable): the attraction
   * view's boundary near the origin is a power law. null: linear axes.
   */
  symlog?: { x: number; y: number } | null;
}

export type Scale = d3.ScaleContinuousNumeric<number, number>;

/** What every mark of the portrait draws from: scales, data, options and the ODE's points. */
export interface PortraitFrame {
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  x: Scale;
  y: Scale;
  data: PortraitData;
  o: PortraitOptions;
  /** The layer of this name (created on first use, so marks keep their drawing order). */
  g(name: string): d3.Selection<SVGGElement, null, SVGSVGElement, unknown>;
  /** Indices of the ODE samples with finite coordinates. */
  pts: number[];
  /** The ODE path through those samples. */
  line: d3.Line<number>;
}

/** A mark: one layer of the portrait, a function of the frame (D3 owns its SVG). */
export type PortraitMark = (f: PortraitFrame) => void;
