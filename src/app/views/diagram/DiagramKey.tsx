/**
 * The phase diagram's key to its lines and markers (the phases have their own legend): the fold
 * and Hopf curves by continuation, each analytic boundary with its dash, the paper's figure
 * points, and the current parameters (a cross, or an arrowhead on the edge when outside the plot).
 */
import './diagram.css';

import type { PhaseSpec } from '../../../core/model';
import { boundaryDash, CURVE_COLORS, INSIDE_DASH, MARK_COLOR } from './chart';
import { type CellGrid, curveSides } from './curveSides';
import type { DiagramCurvesState } from './curvesJob';
import { markKeyLabel } from './plane';

function LineSwatch({
  color,
  dash,
  width = 2.4,
  dottedTail = false,
}: {
  color: string;
  dash?: string;
  width?: number;
  /** A continuation curve: solid, then dotted as where it runs inside one phase. */
  dottedTail?: boolean;
}) {
  return (
    <svg className="key-swatch" width="28" height="12" aria-hidden="true">
      <line
        x1="1"
        x2={dottedTail ? 15 : 27}
        y1="6"
        y2="6"
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dash}
      />
      {dottedTail && (
        <line
          x1="20"
          x2="27"
          y1="6"
          y2="6"
          stroke={color}
          strokeWidth={2}
          strokeDasharray={INSIDE_DASH.replace('5', '3.5')}
          strokeLinecap="round"
        />
      )}
    </svg>
  );
}

/** Both curves' tooltips end with what solid and dotted mean (curveSides.ts). */
const SOLID_DOTTED =
  'Solid where it separates two phases of the cells, dotted where the phase is the same on both sides (the equilibrium that bifurcates there is not the one the run settles on).';

/**
 * The SVG export's legend: the phases, then what the key lists; a curve kind with a part inside
 * one phase gets a dotted entry for it too.
 */
export function exportLegend(
  phases: readonly PhaseSpec[],
  curves: DiagramCurvesState | null,
  boundaries: readonly { label: string }[],
  marks: readonly { label: string }[],
  grid: CellGrid | null = null,
): { label: string; color: string; dash?: string; dot?: boolean }[] {
  const kinds = new Set(curves?.curves.map((c) => c.kind) ?? []);
  const inside = new Set(
    (grid ? (curves?.curves ?? []) : [])
      .filter((c) => curveSides(c, grid!).includes('inside'))
      .map((c) => c.kind),
  );
  const name = { fold: 'fold', hopf: 'Hopf' } as const;
  return [
    ...phases.map((p) => ({ label: p.label, color: p.color, dot: true })),
    ...(['fold', 'hopf'] as const)
      .filter((k) => kinds.has(k))
      .flatMap((k) => [
        { label: name[k], color: CURVE_COLORS[k] },
        ...(inside.has(k)
          ? [{ label: `${name[k]}, no phase change`, color: CURVE_COLORS[k], dash: INSIDE_DASH }]
          : []),
      ]),
    ...boundaries.map((b, k) => ({ label: b.label, color: '#111', dash: boundaryDash(k) })),
    ...(marks.length ? [{ label: 'figures', color: MARK_COLOR, dot: true }] : []),
  ];
}

/**
 * What the curves' entry says: waiting for the SGD dots (runs/priority.ts), computing, none
 * found, or nothing (the swatches say it).
 */
/** The key's status when the continuation found no curve (its tooltip says where it looked). */
export const NO_CURVES = 'no fold/Hopf curve here';

export function curvesStatus(curves: DiagramCurvesState | null, waiting = false): string | null {
  if (!curves) return null;
  if (curves.status === 'running' && waiting) return 'fold/Hopf curves: after the SGD dots';
  if (curves.status === 'running') return 'fold/Hopf curves: computing…';
  // Short, as long as the running status: the key keeps its line count when the run ends.
  if (curves.curves.length === 0) return NO_CURVES;
  return null;
}

export function DiagramKey({
  curves,
  boundaries,
  marks,
  outside,
  waiting = false,
}: {
  curves: DiagramCurvesState | null;
  boundaries: readonly { label: string }[];
  marks: readonly { label: string }[];
  /**
   * The notice for a current state outside the plot (plane.ts outsideNotice), or null: the key's
   * marker becomes an arrowhead; the notice itself is OutsideNotice, over the chart.
   */
  outside: string | null;
  /** The curves' run waits for the SGD dots. */
  waiting?: boolean;
}) {
  const kinds = new Set(curves?.curves.map((c) => c.kind) ?? []);
  const status = curvesStatus(curves, waiting);
  return (
    <>
      <ul className="legend diagram-key" aria-label="Lines and markers">
        {kinds.has('fold') && (
          <li
            title={`Fold (limit-point) curve, continued in both axes: where two equilibria meet and vanish. ${SOLID_DOTTED}`}
          >
            <LineSwatch color={CURVE_COLORS.fold} width={3} dottedTail /> fold (continuation)
          </li>
        )}
        {kinds.has('hopf') && (
          <li
            title={`Hopf curve, continued in both axes: where a complex pair of eigenvalues crosses the imaginary axis. ${SOLID_DOTTED}`}
          >
            <LineSwatch color={CURVE_COLORS.hopf} width={3} dottedTail /> Hopf (continuation)
          </li>
        )}
        {status && (
          <li
            className="key-status"
            title={
              status === NO_CURVES
                ? 'No fold or Hopf curve crosses the lines through the current point in this plot'
                : undefined
            }
          >
            {status}
          </li>
        )}
        {boundaries.map((b, k) => (
          <li key={`b${k}`} title="A boundary in closed form from the paper">
            <LineSwatch color="#111" dash={boundaryDash(k)} width={1.8} /> {b.label}
          </li>
        ))}
        {marks.length > 0 && (
          <li title="The parameters of the paper's figures">
            <svg className="key-swatch" width="14" height="12" aria-hidden="true">
              <circle cx="7" cy="6" r="5" fill={MARK_COLOR} stroke="white" strokeWidth="1.5" />
            </svg>
            {markKeyLabel(marks.map((m) => m.label))}
          </li>
        )}
        <li title="The current parameters; click the plot to move them">
          <svg className="key-swatch" width="14" height="12" aria-hidden="true">
            {outside ? (
              <path d="M 13 6 L 2 0 L 2 12 Z" fill="#111" />
            ) : (
              <path d="M 2 1 L 12 11 M 12 1 L 2 11" stroke="#111" strokeWidth="2.6" />
            )}
          </svg>
          {/* One label either way: a longer one could wrap the key and resize the chart. */}
          current state
        </li>
      </ul>
    </>
  );
}

/**
 * The notice for a current state outside the plot, laid over the chart's top edge: in the flow,
 * it would shrink the chart, and a slider crossing the plot's edge would resize it every step.
 */
export function OutsideNotice({ outside }: { outside: string | null }) {
  return outside ? <p className="diagram-outside">{outside}</p> : null;
}
