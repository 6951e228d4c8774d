/**
 * The trajectories view: a legend that toggles series, and the D3 chart (charts/trajectories.ts)
 * redrawn whenever the data, the visible set or the size change.
 */
import { useEffect, useMemo, useRef, useState } from 'react';

import { normalizeTrajectoryOptions } from '../charts/options';
import { seriesStyle } from '../charts/style';
import { drawTrajectories } from '../charts/trajectories';
import type { OdeStatus } from '../store';

export function TrajectoriesView({ ode }: { ode: OdeStatus }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 800, height: 480 });
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const result = ode.kind === 'done' || ode.kind === 'diverged' ? ode.result : null;
  const names = useMemo(() => result?.names ?? [], [result]);
  const visible = useMemo(
    () =>
      new Set(
        names.filter((n) => !hidden.has(n) && (seriesStyle(n).primary || hidden.has(`!${n}`))),
      ),
    [names, hidden],
  );

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize({ width: Math.floor(width), height: Math.floor(height) });
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!svgRef.current || !result) return;
    const data = { names: result.names, t: result.t, y: result.y };
    drawTrajectories(svgRef.current, data, normalizeTrajectoryOptions(data, { ...size, visible }));
  }, [result, size, visible]);

  // A series hidden by default (off-diagonal) is shown by adding '!name' to the set.
  const toggle = (name: string) => {
    setHidden((prev) => {
      const next = new Set(prev);
      const shown = visible.has(name);
      if (seriesStyle(name).primary) {
        if (shown) next.add(name);
        else next.delete(name);
      } else if (shown) next.delete(`!${name}`);
      else next.add(`!${name}`);
      return next;
    });
  };

  return (
    <div className="view">
      <div className="view-head">
        <h2>Trajectories</h2>
        <span className="view-note">curves: ODE</span>
        <ul className="legend" aria-label="Series">
          {names.map((name) => {
            const style = seriesStyle(name);
            return (
              <li key={name}>
                <button
                  type="button"
                  className={visible.has(name) ? 'on' : 'off'}
                  aria-pressed={visible.has(name)}
                  onClick={() => toggle(name)}
                >
                  <svg width="26" height="10" aria-hidden="true">
                    <line
                      x1="1"
                      x2="25"
                      y1="5"
                      y2="5"
                      stroke={style.color}
                      strokeWidth={3}
                      strokeDasharray={style.dash}
                    />
                  </svg>
                  {formatSeries(name)}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="chart-box" ref={boxRef}>
        {ode.kind === 'running' && !result && <p className="placeholder">integrating…</p>}
        {ode.kind === 'error' && (
          <p className="placeholder error">The ODE could not run: {ode.message}</p>
        )}
        <svg ref={svgRef} className="chart" role="img" aria-label="Order parameters against t" />
      </div>
    </div>
  );
}

/** P12 → P₁₂, q1 → q₁ (subscripts for indices). */
export function formatSeries(name: string): string {
  const sub = '₀₁₂₃₄₅₆₇₈₉';
  return name.replace(/\d/g, (d) => sub[Number(d)] ?? d);
}
